/**
 * Summary statistics for repeated runs. Median, not mean, because a benchmark's noise is one-sided
 * (GC pauses, a busy neighbour) and a mean lets one bad run move the figure; p95 shows the tail a
 * user meets. Percentiles use the nearest-rank method, so every figure is a time that really
 * happened (with 5 runs, p95 is the slowest run; say so in the note).
 */

export const METHOD =
  'Each figure is the median and the 95th percentile (nearest-rank) of N timed runs after untimed warm-up runs; ' +
  'N is in the runs column. Times come from performance.now() in the process doing the work (Node or the page). ' +
  'Browser suites run headless Chromium with a fresh profile per launch; "4x throttle" means CDP Emulation.setCPUThrottlingRate {rate: 4}, ' +
  'a stand-in for a five-year-old tablet. That throttle holds the page back by making its main thread spin, so a throttled page keeps one core busy even when idle ' +
  '(84% of a core for an idle page here): on a two-core machine the rest of the browser (IndexedDB, the compositor, the service worker) shares the other core.';

export interface Summary {
  median: number;
  p95: number;
  min: number;
  max: number;
  runs: number;
}

/** The value at percentile `p` (0-100) of sorted samples, by nearest rank. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('percentile of no samples');
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

export function median(sorted: readonly number[]): number {
  if (sorted.length === 0) throw new Error('median of no samples');
  const mid = sorted.length >> 1;
  const hi = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] ?? Number.NaN) + hi) / 2;
}

export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: median(sorted),
    p95: percentile(sorted, 95),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    runs: sorted.length,
  };
}

export interface MeasureOptions {
  runs: number;
  /** Untimed runs first, so JIT compilation and cold caches are not in the figures. */
  warmup?: number;
  /** Untimed work before each run (fresh input, a new database …). */
  before?: () => unknown;
}

/** Times `fn` in this process `runs` times and summarises. */
export async function measure(fn: () => unknown, options: MeasureOptions): Promise<Summary & { samples: number[] }> {
  const samples: number[] = [];
  for (let i = 0; i < (options.warmup ?? 0) + options.runs; i++) {
    await options.before?.();
    const start = performance.now();
    await fn();
    const elapsed = performance.now() - start;
    if (i >= (options.warmup ?? 0)) samples.push(elapsed);
  }
  return { ...summarise(samples), samples };
}
