/**
 * How long the demo organisation takes to generate, and how much heap it holds, at 1k/10k/50k
 * clients. The seeding scripts and every other suite build their data with it, so it must stay a
 * few seconds at the largest size (brief) and leave room in the heap for a JSON copy of itself.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { generateDemoOrg } from '#shared/demo/index';
import { formatCount } from '../lib/format';
import { measure } from '../lib/stats';
import type { BenchSuite } from '../lib/types';

const SIZES = [1_000, 10_000, 50_000] as const;
/**
 * Timed runs per size: enough for a stable median in about 30 s of total bench time. With 5 runs at
 * 50k the p95 is the slowest run.
 */
const RUNS: Record<(typeof SIZES)[number], number> = { 1_000: 20, 10_000: 8, 50_000: 5 };
/** Brief: 50,000 clients "in a few seconds"; the same 0.1 ms-per-client budget at every size. */
const MS_PER_CLIENT_BUDGET = 0.1;
/**
 * Retained heap ceiling at 50k. A seeding script holds the organisation and its JSON text at once;
 * 512 MB for the objects leaves that inside Node's default heap limit (about 2 GB or more).
 */
const HEAP_BUDGET_MB_AT_50K = 512;

/** Node's `gc()` without restarting under --expose-gc: flip the flag, then fetch it from a fresh context. */
function getGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

export const suite: BenchSuite = {
  name: 'demo-data',
  description: 'generateDemoOrg (src/shared/demo) in Node: time to build the demo organisation and the heap it retains, by client count.',
  async run(ctx) {
    const gc = getGc();
    for (const clients of SIZES) {
      // Heap first: this run also tells us how many documents the size makes.
      gc();
      const before = process.memoryUsage().heapUsed;
      const org = generateDemoOrg({ clients });
      gc();
      const retainedMb = (process.memoryUsage().heapUsed - before) / 1e6;
      const docs = Object.values(org.docs).reduce((n, list) => n + list.length, 0);
      if (org.docs.clients.length !== clients) throw new Error(`asked for ${clients} clients, got ${org.docs.clients.length}`);
      ctx.record({
        name: `heap retained, ${formatCount(clients)} clients`,
        unit: 'MB',
        median: retainedMb,
        p95: retainedMb,
        runs: 1,
        ...(clients === 50_000
          ? { target: { value: HEAP_BUDGET_MB_AT_50K, why: `Heap: ${HEAP_BUDGET_MB_AT_50K} MB at 50k leaves room for a JSON copy inside Node's default heap.` } }
          : {}),
        note: `${Math.round((retainedMb * 1e6) / docs)} bytes per document; heapUsed after gc, one run (the output is deterministic)`,
        series: { chart: 'Heap retained by the demo organisation', line: 'Node.js', x: clients, xLabel: 'clients' },
      });

      const timing = await measure(() => generateDemoOrg({ clients }), { runs: ctx.quick ? 2 : RUNS[clients], warmup: 1, before: gc });
      ctx.record({
        name: `generate ${formatCount(clients)} clients`,
        unit: 'ms',
        median: timing.median,
        p95: timing.p95,
        min: timing.min,
        max: timing.max,
        runs: timing.runs,
        target: { value: clients * MS_PER_CLIENT_BUDGET, why: `Generation: the brief asks for 50k clients in a few seconds; ${MS_PER_CLIENT_BUDGET} ms per client at every size.` },
        note: `${docs.toLocaleString('en-GB')} documents; Node, unthrottled; gc before each run`,
        series: { chart: 'Time to generate the demo organisation', line: 'Node.js', x: clients, xLabel: 'clients' },
      });
    }
  },
};
