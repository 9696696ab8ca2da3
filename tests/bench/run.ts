/**
 * `npm run bench`: runs every suite in tests/bench/suites/*.ts, one after another (never in
 * parallel: suites share two cores and would slow each other), then merges the results into
 * tests/bench/results/latest.json and renders docs/benchmarks.md.
 *
 *   tsx tests/bench/run.ts                      all suites
 *   tsx tests/bench/run.ts --only demo-data     one suite (repeat or comma-separate for more)
 *   tsx tests/bench/run.ts --quick              few repetitions: does every suite still work?
 *   tsx tests/bench/run.ts --list               suite names and descriptions
 *   tsx tests/bench/run.ts --render             re-render docs from latest.json, run nothing
 *
 * Exit code 1 when a suite throws; a missed target is reported, not a failure (a bench measures).
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { formatNumber } from './lib/format';
import { describeCommit, type MeasuredCommit } from './lib/commit';
import { describeMachine } from './lib/machine';
import { referenceMs } from './lib/reference';
import { METHOD } from './lib/stats';
import { judge, loadReport, slowRunsOver, mergeReport, withReportLock, writeReport, type SuiteReport } from './lib/report';
import { isBenchSuite, type BenchResult, type BenchSuite } from './lib/types';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

async function loadSuites(): Promise<BenchSuite[]> {
  const dir = join(here, 'suites');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();
  const suites: BenchSuite[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { suite?: unknown };
    if (!isBenchSuite(mod.suite)) throw new Error(`tests/bench/suites/${file} must export \`suite: BenchSuite\``);
    suites.push(mod.suite);
  }
  const names = new Set<string>();
  for (const s of suites) {
    if (names.has(s.name)) throw new Error(`Two suites are named ${s.name}`);
    names.add(s.name);
  }
  return suites;
}

async function runSuite(suite: BenchSuite, quick: boolean, machine: SuiteReport['machine'], commit: MeasuredCommit | undefined): Promise<SuiteReport> {
  const results: BenchResult[] = [];
  const tmpDir = await mkdtemp(join(tmpdir(), `resonance-bench-${suite.name}-`));
  const started = performance.now();
  const ranAt = new Date().toISOString();
  const loadAverage = loadavg()[0] ?? 0;
  const cpuReferenceMs = await referenceMs();
  console.log(`  CPU reference workload: ${formatNumber(cpuReferenceMs)} ms (tests/bench/lib/reference.ts)`);
  if (loadAverage > machine.cores) console.log(`  note: load average ${loadAverage.toFixed(1)} on ${machine.cores} cores; figures will be pessimistic`);
  let error: string | undefined;
  try {
    await suite.run({
      suite: suite.name,
      root,
      quick,
      tmpDir,
      record: (r) => {
        const result = { suite: suite.name, ...r };
        results.push(result);
        const verdict = judge(result);
        const slow = slowRunsOver(result) ? ', p95 over the target' : '';
        console.log(`  ${r.name}: median ${formatNumber(r.median)} ${r.unit}, p95 ${formatNumber(r.p95)} (${r.runs} runs)${verdict ? ` [${verdict}${slow}]` : ''}`);
      },
      log: (m) => console.log(`  ${m}`),
    });
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
    console.error(`  FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  } finally {
    await rm(tmpDir, { recursive: true, force: true });
  }
  return {
    suite: suite.name,
    description: suite.description,
    ranAt,
    durationMs: performance.now() - started,
    machine,
    ...(commit ? { commit } : {}),
    quick,
    loadAverage,
    cpuReferenceMs,
    ...(error !== undefined ? { error } : {}),
    results,
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { only: { type: 'string', multiple: true }, quick: { type: 'boolean', default: false }, list: { type: 'boolean', default: false }, render: { type: 'boolean', default: false } },
  });
  if (values.render) {
    await withReportLock(root, async () => {
      const previous = await loadReport(root);
      if (!previous) throw new Error('No tests/bench/results/latest.json to render yet: run a suite first');
      await writeReport(root, { ...previous, method: METHOD });
    });
    console.log('Rendered docs/benchmarks.md from tests/bench/results/latest.json');
    return 0;
  }
  const all = await loadSuites();
  if (values.list) {
    for (const s of all) console.log(`${s.name}\t${s.description}`);
    return 0;
  }
  const only = (values.only ?? []).flatMap((o) => o.split(',')).map((o) => o.trim()).filter((o) => o !== '');
  const unknown = only.filter((o) => !all.some((s) => s.name === o));
  if (unknown.length > 0) {
    console.error(`Unknown suite ${unknown.join(', ')}. Suites: ${all.map((s) => s.name).join(', ')}`);
    return 2;
  }
  const chosen = only.length > 0 ? all.filter((s) => only.includes(s.name)) : all;
  const machine = await describeMachine();
  const commit = await describeCommit(root);
  console.log(`Bench on ${machine.cpu} (${machine.cores} cores), Node ${machine.node}, Chromium ${machine.chromium}`);
  if (commit) console.log(`Measuring commit ${commit.id}${commit.uncommitted ? ' with uncommitted changes (the page will say so)' : ''}`);

  const reports: SuiteReport[] = [];
  for (const suite of chosen) {
    console.log(`\n${suite.name}: ${suite.description}`);
    reports.push(await runSuite(suite, values.quick, machine, commit));
  }
  await withReportLock(root, async () => {
    // Re-read at the end, not the start: others' runs may have finished while these suites ran.
    await writeReport(root, mergeReport(await loadReport(root), machine, new Date(), reports));
  });
  console.log('\nWrote tests/bench/results/latest.json and docs/benchmarks.md');
  const failed = reports.filter((r) => r.error !== undefined);
  if (failed.length > 0) console.error(`Failed suites: ${failed.map((r) => r.suite).join(', ')}`);
  return failed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
