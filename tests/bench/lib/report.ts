/**
 * Results on disk and on the page. Each run merges its suites into tests/bench/results/latest.json
 * (a suite not run keeps its last results, so `--only` never wipes the others), then renders
 * docs/benchmarks.md and one SVG per chart under docs/benchmarks/. Both outputs are generated: edit
 * this file, not them.
 */
import { mkdir, open, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatCount, formatNumber, slug } from './format';
import { sameMachine, type Machine } from './machine';
import { METHOD } from './stats';
import { renderChart, type Chart } from './svg';
import { renderTargetTable } from './targets';
import type { MeasuredCommit } from './commit';
import type { BenchResult, Target } from './types';

export interface SuiteReport {
  suite: string;
  description: string;
  ranAt: string;
  durationMs: number;
  machine: Machine;
  /** The commit measured (lib/commit.ts); absent in runs from before it was recorded. */
  commit?: MeasuredCommit;
  quick: boolean;
  /** 1-minute load average when the suite started: other work on the machine skews figures. */
  loadAverage?: number;
  /** The fixed CPU reference workload's median time when the suite started (lib/reference.ts). */
  cpuReferenceMs?: number;
  /** Set when the suite threw; its results are whatever it recorded before. */
  error?: string;
  results: BenchResult[];
}

export interface ReportFile {
  format: 1;
  method: string;
  updatedAt: string;
  machine: Machine;
  suites: Record<string, SuiteReport>;
}

export const RESULTS_PATH = 'tests/bench/results/latest.json';
export const MARKDOWN_PATH = 'docs/benchmarks.md';
/** Charts live beside the page; the runner owns every `*.svg` in this folder. */
export const CHART_DIR = 'docs/benchmarks';

const LOCK_PATH = 'tests/bench/results/.lock';
/** Load-merge-write takes milliseconds; a lock older than this was left by a crashed run. */
const STALE_LOCK_MS = 60_000;
/** Poll interval while another run holds the lock. */
const LOCK_RETRY_MS = 100;

/**
 * Several people run suites at once on one machine; without this, two runs that finish together
 * could each merge into the same old latest.json and one would drop the other's results.
 */
export async function withReportLock<T>(root: string, fn: () => Promise<T>): Promise<T> {
  const lock = join(root, LOCK_PATH);
  await mkdir(join(root, 'tests/bench/results'), { recursive: true });
  for (;;) {
    try {
      const handle = await open(lock, 'wx');
      await handle.close();
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const age = await stat(lock).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > STALE_LOCK_MS) await rm(lock, { force: true });
      else await new Promise((r) => setTimeout(r, LOCK_RETRY_MS));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lock, { force: true });
  }
}

export async function loadReport(root: string): Promise<ReportFile | undefined> {
  try {
    const parsed = JSON.parse(await readFile(join(root, RESULTS_PATH), 'utf8')) as Partial<ReportFile>;
    return parsed.format === 1 ? (parsed as ReportFile) : undefined;
  } catch {
    return undefined;
  }
}

export function mergeReport(previous: ReportFile | undefined, machine: Machine, now: Date, suites: SuiteReport[]): ReportFile {
  const merged: Record<string, SuiteReport> = { ...(previous?.suites ?? {}) };
  for (const s of suites) merged[s.suite] = s;
  return { format: 1, method: METHOD, updatedAt: now.toISOString(), machine, suites: merged };
}

function normaliseTarget(target: number | Target | undefined): Required<Omit<Target, 'why'>> & { why?: string } | undefined {
  if (target === undefined) return undefined;
  if (typeof target === 'number') return { value: target, stat: 'p95', better: 'lower' };
  return { value: target.value, stat: target.stat ?? 'p95', better: target.better ?? 'lower', ...(target.why ? { why: target.why } : {}) };
}

/** Whether `figure` is on the right side of the target's bound. */
function withinBound(figure: number, t: { value: number; better: 'lower' | 'higher' }): boolean {
  return t.better === 'lower' ? figure <= t.value : figure >= t.value;
}

/** `pass`/`miss` against the target, or undefined when the figure has none. */
export function judge(result: BenchResult): 'pass' | 'miss' | undefined {
  const t = normaliseTarget(result.target);
  if (!t) return undefined;
  return withinBound(result[t.stat], t) ? 'pass' : 'miss';
}

/**
 * A figure judged by its median whose p95 is past the same bound: it passes, but its slow runs do
 * not, and the table and the log say so.
 */
export function slowRunsOver(result: BenchResult): boolean {
  const t = normaliseTarget(result.target);
  return t?.stat === 'median' && !withinBound(result.p95, t);
}

function targetText(result: BenchResult): string {
  const t = normaliseTarget(result.target);
  if (!t) return '—';
  return `${t.stat} ${t.better === 'lower' ? '≤' : '≥'} ${formatNumber(t.value)}`;
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Charts of one suite: figures with a `series`, grouped by chart title then line label. */
export function chartsOf(suite: SuiteReport): Chart[] {
  const charts = new Map<string, Chart>();
  for (const r of suite.results) {
    if (!r.series) continue;
    const chart = charts.get(r.series.chart) ?? { title: r.series.chart, unit: r.unit, ...(r.series.xLabel ? { xLabel: r.series.xLabel } : {}), lines: [] };
    charts.set(r.series.chart, chart);
    let line = chart.lines.find((l) => l.label === r.series?.line);
    if (!line) {
      line = { label: r.series.line, points: [] };
      chart.lines.push(line);
    }
    const t = normaliseTarget(r.target);
    line.points.push({ x: r.series.x, median: r.median, p95: r.p95, ...(t ? { target: t.value } : {}) });
  }
  return [...charts.values()];
}

export function chartFile(suite: string, chart: Chart): string {
  return `${slug(suite)}--${slug(chart.title)}.svg`;
}

function machineRows(m: Machine): string[] {
  return [
    '| | |',
    '|---|---|',
    `| CPU | ${cell(m.cpu)} (${m.cores} cores) |`,
    `| Memory | ${m.memoryGiB} GiB |`,
    `| OS | ${cell(m.os)} |`,
    `| Node | ${m.node} |`,
    `| Chromium | ${cell(m.chromium)} |`,
  ];
}

/** " at commit abc1234", with a warning when the app's files differed from it; empty when unknown. */
function measuredCommit(commit: MeasuredCommit | undefined): string {
  if (!commit) return '';
  return ` at commit \`${commit.id}\`${commit.uncommitted ? ' **with uncommitted changes**' : ''}`;
}

function suiteSection(s: SuiteReport, headerMachine: Machine): string[] {
  const lines = [`## ${s.suite}`, '', s.description, ''];
  const load = s.loadAverage !== undefined ? ` Load average at start ${formatNumber(s.loadAverage)} on ${s.machine.cores} cores${s.loadAverage > s.machine.cores ? ' (busy machine: treat as pessimistic)' : ''}.` : '';
  const reference = s.cpuReferenceMs !== undefined ? ` CPU reference workload ${formatNumber(s.cpuReferenceMs)} ms (higher is a slower machine; \`tests/bench/lib/reference.ts\`).` : '';
  lines.push(`Measured ${s.ranAt.slice(0, 16).replace('T', ' ')} UTC${measuredCommit(s.commit)}, ${formatNumber(s.durationMs / 1000)} s.${load}${reference}` + (s.quick ? ' **Quick run (`--quick`): too few runs to trust.**' : ''));
  if (!sameMachine(s.machine, headerMachine)) lines.push(`Measured on a different machine: ${cell(s.machine.cpu)}, ${s.machine.cores} cores, Node ${s.machine.node}, Chromium ${s.machine.chromium}.`);
  if (s.error) lines.push('', `**The suite failed:** ${cell(s.error)}`);
  lines.push('');
  if (s.results.length > 0) {
    lines.push('| Measure | Median | p95 | Unit | Target | Result | Runs | Note |', '|---|--:|--:|---|---|---|--:|---|');
    for (const r of s.results) {
      const verdict = judge(r);
      const mark = verdict === 'pass' ? (slowRunsOver(r) ? '✓ pass (p95 over)' : '✓ pass') : verdict === 'miss' ? '✗ **miss**' : '—';
      lines.push(`| ${cell(r.name)} | ${formatNumber(r.median)} | ${formatNumber(r.p95)} | ${cell(r.unit)} | ${targetText(r)} | ${mark} | ${r.runs} | ${cell(r.note)} |`);
    }
    const whys = [...new Set(s.results.map((r) => normaliseTarget(r.target)?.why).filter((w): w is string => w !== undefined))];
    if (whys.length > 0) lines.push('', 'Targets: ' + whys.join(' '));
  }
  for (const chart of chartsOf(s)) {
    const xs = [...new Set(chart.lines.flatMap((l) => l.points.map((p) => p.x)))].sort((a, b) => a - b).map(formatCount);
    lines.push('', `![${chart.title}: how it grows over ${xs.join(', ')} ${chart.xLabel ?? 'records'}](benchmarks/${chartFile(s.suite, chart)})`);
  }
  lines.push('');
  return lines;
}

export function renderMarkdown(report: ReportFile): string {
  const suites = Object.values(report.suites).sort((a, b) => a.suite.localeCompare(b.suite));
  const all = suites.flatMap((s) => s.results);
  const judged = all.filter((r) => judge(r) !== undefined);
  const misses = judged.filter((r) => judge(r) === 'miss');
  return [
    '# Benchmarks',
    '',
    '<!-- Generated by `npm run bench` (tests/bench/run.ts) from tests/bench/results/latest.json. Do not edit by hand. -->',
    '',
    `Last updated ${report.updatedAt.slice(0, 10)}. ${judged.length} figures have targets: ${judged.length - misses.length} pass, ${misses.length} miss.`,
    'How to run and how to add a suite: `tests/bench/README.md`.',
    '',
    ...renderTargetTable(all, judge),
    '## Machine',
    '',
    ...machineRows(report.machine),
    '',
    '## Method',
    '',
    report.method,
    '',
    ...suites.flatMap((s) => suiteSection(s, report.machine)),
  ].join('\n');
}

/** Writes latest.json, docs/benchmarks.md and the charts; removes charts no suite draws any more. */
export async function writeReport(root: string, report: ReportFile): Promise<void> {
  await mkdir(join(root, 'tests/bench/results'), { recursive: true });
  await writeFile(join(root, RESULTS_PATH), JSON.stringify(report, null, 2) + '\n');
  const chartDir = join(root, CHART_DIR);
  await mkdir(chartDir, { recursive: true });
  const wanted = new Map<string, string>();
  for (const s of Object.values(report.suites)) for (const c of chartsOf(s)) wanted.set(chartFile(s.suite, c), renderChart(c));
  for (const f of await readdir(chartDir)) if (f.endsWith('.svg') && !wanted.has(f)) await rm(join(chartDir, f));
  for (const [f, svg] of wanted) await writeFile(join(chartDir, f), svg);
  await writeFile(join(root, MARKDOWN_PATH), renderMarkdown(report));
}
