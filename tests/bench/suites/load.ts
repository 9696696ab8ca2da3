/**
 * Load on one small server: many simulated devices against the real sync server running as its own
 * process(es) on this machine (lib/server-process.ts), on SQLite (one instance) and on PostgreSQL
 * (two instances sharing one fresh schema, devices spread over both as behind a load balancer).
 *
 * Devices are protocol clients (lib/load-devices.ts), all in this bench process; their accounts and
 * tokens are written to the store before the servers start. Three scenarios, each its own fresh
 * store and server processes:
 *
 * (a) Idle live streams. Per run, fresh processes: the server's RSS after one warm-up request, then
 *     STREAMS coordinators' devices open `GET /api/sync/v1/stream` on ONE instance (SETTLE_MS after
 *     the last `hello`, RSS again). Memory per stream = (after − before) / STREAMS. Then one write
 *     (on PostgreSQL through the other instance) and the time until every one of the streams has its
 *     poke: the fan-out.
 * (b) Active devices. 500 workers, each with its live stream open, each pushing one new client once a
 *     minute. The clock is compressed: one "minute" of the organisation's work (every device pushes
 *     once) is replayed in a WINDOW_S-second window, each device's push at a uniformly random moment
 *     in it (seeded), so the arrival rate is 60 / WINDOW_S times the real one. Latency is request to
 *     parsed answer, pooled over all pushes of the timed windows; throughput is pushes over the time
 *     from the window's start to its last answer. Every push must be accepted (no conflict, nothing
 *     quarantined). One untimed warm-up window.
 * (c) First sync at once. SYNC_DOCS client documents on the server; SYNC_DEVICES coordinators' fresh
 *     devices all start a first sync at the same moment, every collection from no checkpoint in pages
 *     of 1,000 until an empty page; the figure is the time until the last device has finished, and
 *     each device must have received exactly SYNC_DOCS clients. One untimed warm-up round.
 *
 * Devices and servers share the machine's two cores, so every figure is pessimistic for a server
 * with the machine to itself.
 */
import { generateDemoOrg } from '#shared/demo/index';
import { openStore } from '../../../sync-server/storage/open';
import { seedOrg } from '../../../sync-server/seed/demo';
import { benchLogger, benchStorages, freshStorage, STORAGE_LABEL, type BenchStorage, type StorageKind } from '../lib/bench-server';
import { formatCount, formatNumber } from '../lib/format';
import { initialSync, openStreams, pushOne, retries, seedDevices, type Device, type OpenStream } from '../lib/load-devices';
import { startServerProcess, type ServerProcess } from '../lib/server-process';
import { percentile, summarise } from '../lib/stats';
import type { BenchContext, BenchSuite } from '../lib/types';

interface Sizes {
  streams: number;
  active: number;
  windowS: number;
  syncDevices: number;
  syncDocs: number;
  runs: number;
}

/**
 * Full sizes are issue 5's: 2,000 idle streams on one instance, 500 active devices, 50 devices each
 * syncing 10,000 documents. 5 timed runs: the method's minimum (p95 is then the slowest run).
 * A 10 s window replays a minute of 500 devices' writes 6x faster than life (50 pushes/s).
 */
const FULL: Sizes = { streams: 2_000, active: 500, windowS: 10, syncDevices: 50, syncDocs: 10_000, runs: 5 };
/** `--quick`: proves every path works in under a minute; figures not comparable. */
const QUICK: Sizes = { streams: 200, active: 50, windowS: 3, syncDevices: 5, syncDocs: 1_000, runs: 1 };

/** Streams opened at once while connecting: a reconnect storm is not what (a) measures. */
const OPEN_CONCURRENCY = 100;
/** Wait after the last hello before reading RSS: lets allocation from the connection burst settle. */
const SETTLE_MS = 3_000;
/** Seed of the push schedule, so every run of the bench replays the same arrival pattern. */
const SCHEDULE_SEED = 5;

const WHY = {
  streams: 'Idle live streams: at least 2,000 on one instance (issue 5), a large organisation’s tablets all connected to one small server.',
  memory:
    'Memory (derived budget): 2,000 streams within 512 MB of server RSS, so the one small server of the brief (1 GB) holds them with room for everything else.',
  fanout: 'Fan-out (derived): every connected device hears of a write within about a second (sync.md L1, issue 3 p95 ≤ 1 s).',
  push: 'Active devices (issue 5: push p95 for 500 devices writing once a minute): p95 ≤ 1 s (derived: a write visible elsewhere within about a second, issue 3, needs its push well within that).',
  throughput: 'Throughput: at least the offered rate of the compressed window (every push of the window answered within it, no backlog).',
  sync: 'First sync at once (issue 5: time until the last of 50 devices has 10,000 documents): ≤ 60 s (derived: a whole team set up at one training session is ready within a minute).',
};

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Cluster {
  storage: BenchStorage;
  instances: ServerProcess[];
  close(): Promise<void>;
}

/** A fresh store, seeded by `seed` through the store, then the server process(es) on it. */
async function startCluster(ctx: BenchContext, kind: StorageKind, seed: (store: Awaited<ReturnType<typeof openStore>>) => Promise<void>): Promise<Cluster> {
  const storage = await freshStorage(ctx, kind);
  const store = await openStore(storage.config);
  try {
    await seed(store);
  } finally {
    await store.close();
  }
  const instances: ServerProcess[] = [];
  const close = async (): Promise<void> => {
    for (const i of instances) await i.stop();
    await storage.cleanup();
  };
  try {
    // One at a time: the first applies migrations (already applied by the seeding, so a no-op).
    for (let i = 0; i < (kind === 'postgres' ? 2 : 1); i++) instances.push(await startServerProcess(ctx.root, storage));
  } catch (e) {
    await close();
    throw e;
  }
  return { storage, instances, close };
}

const MB = 1024 * 1024;

async function idleStreams(ctx: BenchContext, kind: StorageKind, sizes: Sizes): Promise<void> {
  const label = STORAGE_LABEL[kind];
  const held: number[] = [];
  const rssAfter: number[] = [];
  const perStream: number[] = [];
  const fanout: number[] = [];
  const doc = generateDemoOrg({ clients: sizes.runs + 1 }).docs.clients;
  for (let run = 0; run < sizes.runs; run++) {
    let devices: Device[] = [];
    const cluster = await startCluster(ctx, kind, async (store) => {
      devices = await seedDevices(store, 'idle', 'coordinator', sizes.streams);
    });
    let streams: OpenStream[] = [];
    try {
      const one = cluster.instances[0];
      const other = cluster.instances[cluster.instances.length - 1];
      if (!one || !other || !devices[0]) throw new Error('no server instance');
      await fetch(`${one.url}/api/health`).then((r) => r.text());
      await new Promise((r) => setTimeout(r, 1_000));
      const before = await one.rss();
      const openStart = performance.now();
      streams = await openStreams(() => one.url, devices, OPEN_CONCURRENCY);
      const openMs = performance.now() - openStart;
      await new Promise((r) => setTimeout(r, SETTLE_MS));
      const after = await one.rss();
      held.push(streams.length);
      rssAfter.push(after / MB);
      perStream.push((after - before) / streams.length / 1024);
      // One write by a coordinator (through the other instance on PostgreSQL): every stream is poked.
      const pokes = streams.map((s) => s.nextPoke());
      const writeStart = performance.now();
      await pushOne(other.url, devices[0], { ...doc[run], id: `c_load_fanout_${run}` });
      await Promise.all(pokes);
      fanout.push(performance.now() - writeStart);
      ctx.log(
        `${label} run ${run + 1}: ${streams.length} streams open in ${formatNumber(openMs)} ms; RSS ${formatNumber(before / MB)} → ${formatNumber(after / MB)} MB ` +
          `(${formatNumber(perStream[perStream.length - 1] ?? 0)} KB/stream); poke to all in ${formatNumber(fanout[fanout.length - 1] ?? 0)} ms`,
      );
    } finally {
      for (const s of streams) s.close();
      await cluster.close();
    }
  }
  const setup = `${kind === 'postgres' ? 'two server processes on one fresh PostgreSQL schema, all streams on one' : 'one server process on a fresh SQLite file'}; fresh processes per run; streams read with fetch from the bench process`;
  ctx.record({
    name: `idle live streams held on one instance, ${label}`,
    unit: 'streams',
    ...summarise(held),
    target: { value: FULL.streams, better: 'higher', why: WHY.streams },
    note: `coordinators' devices, ${OPEN_CONCURRENCY} connecting at a time, every one answered hello; ${setup}`,
  });
  ctx.record({
    name: `server memory with ${formatCount(sizes.streams)} idle streams, ${label}`,
    unit: 'MB RSS',
    ...summarise(rssAfter),
    target: { value: 512, why: WHY.memory },
    note: `VmRSS of the instance holding the streams, ${SETTLE_MS / 1000} s after the last hello; ${setup}`,
  });
  ctx.record({
    name: `memory per idle stream, ${label}`,
    unit: 'KB',
    ...summarise(perStream),
    note: `(RSS with the streams − RSS before) / streams; includes the sockets' buffers and the heap grown for them; ${setup}`,
  });
  ctx.record({
    name: `one write poked to all ${formatCount(sizes.streams)} streams, ${label}`,
    unit: 'ms',
    ...summarise(fanout),
    target: { value: 1_000, why: WHY.fanout },
    note: `push answered and every stream's poke read${kind === 'postgres' ? '; the write goes through the other instance (LISTEN/NOTIFY, L2)' : ''}; ${setup}`,
  });
}

async function activeDevices(ctx: BenchContext, kind: StorageKind, sizes: Sizes): Promise<void> {
  const label = STORAGE_LABEL[kind];
  const warmup = ctx.quick ? 0 : 1;
  const windows = warmup + sizes.runs;
  const docs = generateDemoOrg({ clients: sizes.active * windows }).docs.clients;
  let devices: Device[] = [];
  const cluster = await startCluster(ctx, kind, async (store) => {
    devices = await seedDevices(store, 'active', 'worker', sizes.active);
  });
  let streams: OpenStream[] = [];
  const latencies: number[] = [];
  const rates: number[] = [];
  try {
    const urlOf = (i: number): string => cluster.instances[i % cluster.instances.length]?.url ?? '';
    streams = await openStreams(urlOf, devices, OPEN_CONCURRENCY);
    const random = mulberry32(SCHEDULE_SEED);
    for (let w = 0; w < windows; w++) {
      const windowMs = sizes.windowS * 1000;
      const start = performance.now();
      const window = await Promise.all(
        devices.map(async (device, i) => {
          const at = random() * windowMs;
          await new Promise((r) => setTimeout(r, at));
          const doc = docs[w * sizes.active + i];
          if (!doc) throw new Error('not enough documents');
          return pushOne(urlOf(i), device, doc);
        }),
      );
      const elapsed = performance.now() - start;
      const sorted = [...window].sort((a, b) => a - b);
      const rate = (window.length / elapsed) * 1000;
      ctx.log(`${label} window ${w + 1}${w < warmup ? ' (warm-up)' : ''}: ${window.length} pushes in ${formatNumber(elapsed)} ms (${formatNumber(rate)}/s); p50 ${formatNumber(percentile(sorted, 50))} ms, p95 ${formatNumber(percentile(sorted, 95))} ms`);
      if (w < warmup) continue;
      latencies.push(...window);
      rates.push(rate);
    }
  } finally {
    for (const s of streams) s.close();
    await cluster.close();
  }
  const offered = sizes.active / sizes.windowS;
  const method =
    `${formatCount(sizes.active)} workers, each with its live stream open, each pushing one new client once per window; a minute of real time compressed into ${sizes.windowS} s ` +
    `(offered ${formatNumber(offered)} pushes/s = ${formatNumber(60 / sizes.windowS)}x the real rate of ${formatNumber(sizes.active / 60)}/s), moments uniformly random (seed ${SCHEDULE_SEED}); ` +
    (kind === 'postgres' ? 'devices alternate between two server processes on one PostgreSQL schema' : 'one server process on SQLite');
  const pooled = summarise(latencies);
  ctx.record({
    name: `push latency, ${formatCount(sizes.active)} active devices, ${label}`,
    unit: 'ms',
    ...pooled,
    runs: sizes.runs,
    target: { value: 1_000, why: WHY.push },
    note: `median and p95 of all ${formatCount(latencies.length)} pushes of ${sizes.runs} windows (request to parsed answer); ${method}`,
  });
  ctx.record({
    name: `push throughput, ${formatCount(sizes.active)} active devices, ${label}`,
    unit: 'pushes/s',
    ...summarise(rates),
    p95: percentile([...rates].sort((a, b) => b - a), 95),
    target: { value: offered * 0.9, better: 'higher', why: WHY.throughput },
    note: `pushes / (window start to its last answer), per window; target 90% of the offered rate (the last push lands up to one latency after the window); ${method}`,
  });
}

async function initialSyncAtOnce(ctx: BenchContext, kind: StorageKind, sizes: Sizes): Promise<void> {
  const label = STORAGE_LABEL[kind];
  const warmup = ctx.quick ? 0 : 1;
  let devices: Device[] = [];
  const org = generateDemoOrg({ clients: sizes.syncDocs });
  const cluster = await startCluster(ctx, kind, async (store) => {
    await seedOrg(store, { ...org, docs: { clients: org.docs.clients, cases: [], visits: [], tasks: [], feedback: [], conflicts: [] } }, benchLogger(ctx));
    if ((await store.countDocuments()) !== sizes.syncDocs) throw new Error(`the server should hold exactly ${sizes.syncDocs} documents`);
    devices = await seedDevices(store, 'sync', 'coordinator', sizes.syncDevices);
  });
  const last: number[] = [];
  const each: number[] = [];
  const retriesBefore = retries.count;
  try {
    const urlOf = (i: number): string => cluster.instances[i % cluster.instances.length]?.url ?? '';
    for (let run = 0; run < warmup + sizes.runs; run++) {
      const start = performance.now();
      const times = await Promise.all(
        devices.map(async (device, i) => {
          const counts = await initialSync(urlOf(i), device);
          if (counts.clients !== sizes.syncDocs) throw new Error(`device ${i} received ${counts.clients} clients, expected ${sizes.syncDocs}`);
          return performance.now() - start;
        }),
      );
      const slowest = Math.max(...times);
      ctx.log(`${label} round ${run + 1}${run < warmup ? ' (warm-up)' : ''}: last of ${devices.length} devices done after ${formatNumber(slowest)} ms, first after ${formatNumber(Math.min(...times))} ms`);
      if (run < warmup) continue;
      last.push(slowest);
      each.push(...times);
    }
  } finally {
    await cluster.close();
  }
  const retried = retries.count - retriesBefore;
  if (retried > 0) ctx.log(`${label}: ${retried} pull requests failed at the network level and were sent again (last: ${retries.last})`);
  const setup = `${retried > 0 ? `${retried} pull requests retried after a network-level failure (as the app's replication retries); ` : ''}${formatCount(sizes.syncDevices)} coordinators' fresh devices start together; every collection from no checkpoint, pages of 1,000 until empty, collections in parallel as the app does; ${kind === 'postgres' ? 'devices alternate between two server processes on one PostgreSQL schema' : 'one server process on SQLite'}; devices are protocol clients (fetch + JSON.parse) in the bench process, sharing the two cores`;
  ctx.record({
    name: `${formatCount(sizes.syncDevices)} devices' first sync of ${formatCount(sizes.syncDocs)} documents at once, last done, ${label}`,
    unit: 'ms',
    ...summarise(last),
    target: { value: 60_000, why: WHY.sync },
    note: `${setup}; with ${sizes.runs} runs p95 is the slowest round`,
  });
  ctx.record({
    name: `one device's first sync among ${formatCount(sizes.syncDevices)} at once, ${label}`,
    unit: 'ms',
    ...summarise(each),
    runs: sizes.runs,
    note: `every device of every timed round pooled; ${setup}`,
  });
}

export const suite: BenchSuite = {
  name: 'load',
  description:
    'Many simulated devices against the real server as its own process: 2,000 idle live streams on one instance (memory), 500 active devices pushing once a minute (latency), 50 devices doing a 10,000-document first sync at once; SQLite on one instance, PostgreSQL behind two.',
  async run(ctx) {
    const sizes = ctx.quick ? QUICK : FULL;
    // BENCH_LOAD_ONLY=streams,active,sync and BENCH_LOAD_STORAGE=sqlite|postgres re-run a part (the
    // runner replaces the whole suite's results, so merge by hand if you use them).
    const only = (process.env.BENCH_LOAD_ONLY ?? 'streams,active,sync').split(',');
    const storages = (await benchStorages(ctx)).filter((k) => process.env.BENCH_LOAD_STORAGE === undefined || process.env.BENCH_LOAD_STORAGE === k);
    for (const kind of storages) {
      if (only.includes('streams')) {
        ctx.log(`${STORAGE_LABEL[kind]}: idle streams…`);
        await idleStreams(ctx, kind, sizes);
      }
      if (only.includes('active')) {
        ctx.log(`${STORAGE_LABEL[kind]}: active devices…`);
        await activeDevices(ctx, kind, sizes);
      }
      if (only.includes('sync')) {
        ctx.log(`${STORAGE_LABEL[kind]}: first sync at once…`);
        await initialSyncAtOnce(ctx, kind, sizes);
      }
    }
  },
};
