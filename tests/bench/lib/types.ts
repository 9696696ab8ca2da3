/**
 * The contract between the bench runner and its suites. A suite is one file in tests/bench/suites
 * exporting `suite: BenchSuite`; it measures, then calls `ctx.record` once per figure. The runner
 * owns everything else: ordering, temp dirs, latest.json and docs/benchmarks.md.
 */

/** A goal for one figure. A bare number means "p95 at most this". */
export interface Target {
  value: number;
  /** Which statistic is judged; default `p95`, since users feel the slow runs. */
  stat?: 'median' | 'p95';
  /** Default `lower` (times, sizes); `higher` for throughputs. */
  better?: 'lower' | 'higher';
  /** Where the target comes from (brief, product quality bar, a derived budget). */
  why?: string;
}

/** Places a figure on a chart of cost against record count (one chart per `chart` per suite). */
export interface SeriesPoint {
  /** Chart title; figures with the same title share one chart. */
  chart: string;
  /** Legend label of the line this point belongs to (e.g. "unthrottled", "4x CPU throttle"). */
  line: string;
  /** Record count (or other size) on the x axis. */
  x: number;
  /** What x counts, for the axis label (e.g. "clients"); default "records". */
  xLabel?: string;
}

export interface BenchResult {
  suite: string;
  /** What was measured, in words a reader of docs/benchmarks.md understands. */
  name: string;
  /** `ms`, `MB`, `docs/s` … */
  unit: string;
  target?: number | Target;
  median: number;
  p95: number;
  min?: number;
  max?: number;
  /** How many timed runs the statistics cover (warm-up runs excluded). */
  runs: number;
  /** Conditions a reader needs: throttling, sizes, anything unusual. */
  note: string;
  series?: SeriesPoint;
}

/** What a suite passes to `record`: the runner fills in `suite`. */
export type Measurement = Omit<BenchResult, 'suite'>;

export interface BenchContext {
  /** The running suite's name. */
  readonly suite: string;
  /** Absolute path of the repository root. */
  readonly root: string;
  /** `--quick`: a smoke run with few repetitions; figures are recorded but not trustworthy. */
  readonly quick: boolean;
  /** A fresh empty directory for this suite, deleted after it finishes. */
  readonly tmpDir: string;
  record(result: Measurement): void;
  log(message: string): void;
}

export interface BenchSuite {
  /** Unique, kebab-case; what `--only` matches. Use the file name. */
  name: string;
  /** One sentence for docs/benchmarks.md: what is measured and why it matters. */
  description: string;
  run(ctx: BenchContext): Promise<void>;
}

export function isBenchSuite(value: unknown): value is BenchSuite {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === 'string' && typeof v.description === 'string' && typeof v.run === 'function';
}
