/**
 * Every performance target of issues 2 (offline core), 3 (sync server), 4 (roles, shared tablets,
 * encryption) and 5 (proof: load and the report), in the issues' own words, and which bench figures
 * answer each. docs/benchmarks.md opens with this table, so a reader sees every promise beside its
 * figure and pass/miss in one place. A figure is found by its suite and exact result name; a target
 * whose figure is not in latest.json says "not measured" and names what it looked for (never silently
 * dropped), so a suite that renames a result shows up here at once. Figures with a target of their own
 * that no issue row names are listed after the issues' rows, so no judged figure is left out.
 */
import { formatNumber } from './format';
import type { BenchResult } from './types';

export interface FigureRef {
  suite: string;
  name: string;
}

export interface IssueTarget {
  issue: 2 | 3 | 4 | 5;
  /** The target as the issue states it. */
  target: string;
  /** Figures judged against their own targets: all must pass. */
  judged: FigureRef[];
  /** Figures shown beside for context (a floor, memory), not judged. */
  context?: FigureRef[];
  /** No number in the issue: the figures are reported, and the row says so. */
  reportOnly?: boolean;
}

const oc = (name: string): FigureRef => ({ suite: 'offline-core', name });
const st = (name: string): FigureRef => ({ suite: 'server-throughput', name });
const enc = (name: string): FigureRef => ({ suite: 'encryption', name });
const load = (name: string): FigureRef => ({ suite: 'load', name });

const OFFLINE_CORE: IssueTarget[] = [
  { issue: 2, target: 'Cold offline start to the first caseload render, 10,000 clients: at most 1 s unthrottled', judged: [oc('cold offline start to first caseload rows, 10k clients, unthrottled')] },
  { issue: 2, target: '… and at most 2.5 s with 4x CPU throttling', judged: [oc('cold offline start to first caseload rows, 10k clients, 4x CPU throttle')] },
  { issue: 2, target: 'Caseload search, keystroke to results, 10,000 clients: at most 50 ms unthrottled', judged: [oc('caseload search, keystroke to results, 10k clients, unthrottled')] },
  { issue: 2, target: '… and at most 150 ms throttled', judged: [oc('caseload search, keystroke to results, 10k clients, 4x CPU throttle')] },
  { issue: 2, target: 'Saving a visit until it shows in the timeline: at most 30 ms unthrottled', judged: [oc('save a visit until it shows in the timeline, 10k clients, unthrottled')] },
  { issue: 2, target: '… and at most 100 ms throttled', judged: [oc('save a visit until it shows in the timeline, 10k clients, 4x CPU throttle')] },
  {
    issue: 2,
    target: 'JavaScript transferred for the first screen: at most 220 KB gzip',
    judged: [oc('JavaScript a signed-in cold start of the caseload fetches, gzip -9'), oc('JavaScript of the entry chunk and its modulepreloads (dist/index.html), gzip -9')],
  },
];

export const ISSUE_TARGETS: IssueTarget[] = [
  ...OFFLINE_CORE,
  { issue: 3, target: 'Server pull: at least 25,000 docs/s on SQLite', judged: [st('pull 10k clients, SQLite')] },
  { issue: 3, target: 'Server pull: at least 15,000 docs/s on PostgreSQL', judged: [st('pull 10k clients, PostgreSQL')] },
  { issue: 3, target: 'Server push: at least 5,000 docs/s on SQLite', judged: [st('push 10k clients, SQLite')] },
  { issue: 3, target: 'Server push: at least 3,000 docs/s on PostgreSQL', judged: [st('push 10k clients, PostgreSQL')] },
  {
    issue: 3,
    target: 'Initial sync of 10,000 documents into a fresh browser database in Chromium: at most 1.5 s, beside RxDB’s own bulk insert of them',
    judged: [{ suite: 'sync-initial', name: 'initial sync 10k clients, unthrottled' }],
    context: [{ suite: 'sync-initial', name: 'floor: bulkInsert of the same 10k clients, unthrottled' }],
  },
  { issue: 3, target: 'A write on one device visible on another: p95 at most 1 s (one server, SQLite)', judged: [{ suite: 'sync-latency', name: 'visit on device A readable on device B, SQLite, one server' }] },
  { issue: 3, target: '… and across two server instances on PostgreSQL', judged: [{ suite: 'sync-latency', name: 'visit on device A readable on device B, PostgreSQL, two server instances' }] },
  {
    issue: 4,
    target: 'The cost of encryption on saving a visit, with and without it',
    reportOnly: true,
    judged: [],
    context: [enc('save a visit (10k clients), no encryption, unthrottled'), enc('save a visit (10k clients), WebCrypto AES-GCM (app), unthrottled'), enc('save a visit (10k clients), no encryption, 4x CPU throttle'), enc('save a visit (10k clients), WebCrypto AES-GCM (app), 4x CPU throttle')],
  },
  {
    issue: 4,
    target: 'The cost of encryption on the 10,000-client caseload render, with and without it',
    reportOnly: true,
    judged: [],
    context: [
      enc('caseload data, 10k clients, no encryption, unthrottled'),
      enc('caseload data, 10k clients, WebCrypto AES-GCM (app), unthrottled'),
      enc('caseload data, 10k clients, no encryption, 4x CPU throttle'),
      enc('caseload data, 10k clients, WebCrypto AES-GCM (app), 4x CPU throttle'),
    ],
  },
  { issue: 4, target: 'The offline-core targets still met', judged: OFFLINE_CORE.flatMap((t) => t.judged) },
  {
    issue: 5,
    target: 'At least 2,000 idle live streams on one instance (memory used), SQLite',
    judged: [load('idle live streams held on one instance, SQLite'), load('server memory with 2k idle streams, SQLite')],
    context: [load('memory per idle stream, SQLite')],
  },
  {
    issue: 5,
    target: '… on PostgreSQL behind two instances',
    judged: [load('idle live streams held on one instance, PostgreSQL'), load('server memory with 2k idle streams, PostgreSQL')],
    context: [load('memory per idle stream, PostgreSQL')],
  },
  { issue: 5, target: '500 active devices each writing once a minute (push p95), SQLite', judged: [load('push latency, 500 active devices, SQLite'), load('push throughput, 500 active devices, SQLite')] },
  { issue: 5, target: '… on PostgreSQL behind two instances', judged: [load('push latency, 500 active devices, PostgreSQL'), load('push throughput, 500 active devices, PostgreSQL')] },
  {
    issue: 5,
    target: '50 devices doing a 10,000-document initial sync at once (time until the last finishes), SQLite',
    judged: [load("50 devices' first sync of 10k documents at once, last done, SQLite")],
    context: [load("one device's first sync among 50 at once, SQLite")],
  },
  {
    issue: 5,
    target: '… on PostgreSQL behind two instances',
    judged: [load("50 devices' first sync of 10k documents at once, last done, PostgreSQL")],
    context: [load("one device's first sync among 50 at once, PostgreSQL")],
  },
];

/** Issue 5's method: every figure is the median and p95 of at least this many runs. */
export const MIN_RUNS = 5;

export type Verdict = 'pass' | 'miss' | 'not measured' | 'reported';

export interface Row {
  target: IssueTarget;
  found: BenchResult[];
  missing: FigureRef[];
  verdict: Verdict;
}

const key = (r: FigureRef): string => `${r.suite}\u0000${r.name}`;

/** Joins the targets with the results; `judge` is report.ts's pass/miss of one figure against its own target. */
export function targetRows(results: readonly BenchResult[], judge: (r: BenchResult) => 'pass' | 'miss' | undefined): Row[] {
  const byKey = new Map(results.map((r) => [key(r), r]));
  return ISSUE_TARGETS.map((target) => {
    const refs = [...target.judged, ...(target.context ?? [])];
    const found = refs.map((r) => byKey.get(key(r))).filter((r): r is BenchResult => r !== undefined);
    const missing = refs.filter((r) => !byKey.has(key(r)));
    const judgedMissing = target.judged.some((r) => !byKey.has(key(r)));
    let verdict: Verdict;
    if (target.reportOnly) verdict = found.length > 0 ? 'reported' : 'not measured';
    else if (judgedMissing) verdict = 'not measured';
    else verdict = target.judged.every((r) => { const res = byKey.get(key(r)); return res !== undefined && judge(res) !== 'miss'; }) ? 'pass' : 'miss';
    return { target, found, missing, verdict };
  });
}

function boundText(r: BenchResult): string {
  if (r.target === undefined) return '';
  const t = typeof r.target === 'number' ? { value: r.target } : r.target;
  return ` (target ${t.stat ?? 'p95'} ${(t.better ?? 'lower') === 'lower' ? '≤' : '≥'} ${formatNumber(t.value)})`;
}

function figureText(r: BenchResult): string {
  return `${r.name}: ${formatNumber(r.median)} ${r.unit} median, ${formatNumber(r.p95)} p95${boundText(r)}`;
}

const MARK: Record<Verdict, string> = { pass: '✓ pass', miss: '✗ **miss**', 'not measured': '… not measured', reported: 'reported' };
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The Markdown table at the top of docs/benchmarks.md, with a one-line tally above it. */
export function renderTargetTable(results: readonly BenchResult[], judge: (r: BenchResult) => 'pass' | 'miss' | undefined): string[] {
  const rows = targetRows(results, judge);
  const count = (v: Verdict) => rows.filter((r) => r.verdict === v).length;
  const fewRuns = results.filter((r) => r.runs < MIN_RUNS);
  const lines = [
    '## Targets of issues 2 to 5',
    '',
    `${rows.length} targets: ${count('pass')} pass, ${count('miss')} miss, ${count('reported')} reported without a number, ${count('not measured')} not measured. ` +
      (fewRuns.length === 0
        ? `Every figure is from at least ${MIN_RUNS} timed runs.`
        : `${fewRuns.length} figure(s) come from fewer than ${MIN_RUNS} runs (a quick or partial run): ${fewRuns.map((r) => `${r.suite}: ${r.name}`).slice(0, 5).join('; ')}${fewRuns.length > 5 ? '; …' : ''}.`),
    'A target whose figure has a derived bound (the issue gave no number) judges that bound; each suite section says where it comes from. ' +
      'A target judges the p95 unless its issue asks for the median (issue 2 asks for the median of at least 5 runs); each figure says which, and a suite table marks a median that passes while its p95 does not.',
    '',
    '| Issue | Target | Figures | Result |',
    '|--:|---|---|---|',
  ];
  for (const row of rows) {
    const figures = row.found.map(figureText);
    if (row.missing.length > 0 && row.verdict === 'not measured') figures.push(`not in latest.json: ${row.missing.map((m) => `${m.suite}: ${m.name}`).join('; ')}`);
    lines.push(`| ${row.target.issue} | ${cell(row.target.target)} | ${cell(figures.join('<br>') || '—')} | ${MARK[row.verdict]} |`);
  }
  const named = new Set(ISSUE_TARGETS.flatMap((t) => [...t.judged, ...(t.context ?? [])]).map(key));
  for (const r of results) {
    const verdict = judge(r);
    if (verdict === undefined || named.has(key(r))) continue;
    lines.push(`| — | ${cell(`${r.suite}: its own target`)} | ${cell(figureText(r))} | ${MARK[verdict]} |`);
  }
  lines.push('');
  return lines;
}
