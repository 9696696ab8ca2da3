/**
 * Write-to-visible latency between two devices (sync.md L1, L2): a visit recorded on one worker's
 * tablet, until it can be read on a colleague's.
 *
 * Method: the real server in this process (`seedDemo: true`: the demo organisation of 300 clients)
 * on a fresh store; two simulated devices (tests/support/device: the app's real RxDB database on
 * fake-indexeddb and the real sync engine, each in its own worker thread) signed in as Sam and Aisha,
 * both in Street Outreach, and synced (untimed). One case Sam shares with the team is picked from
 * Sam's device, and checked to be on Aisha's. Each sample: note performance.now(), create a visit on
 * that case on device A (Sam), then ask device B (Aisha) for it by id every 10 ms until it is there.
 * So a sample covers A's local write, A's push, the server's commit and poke (the live stream), B's
 * pull and B's local write, plus at most one 10 ms polling step and the worker-thread messages.
 * Samples are taken one at a time with a pause between them, as a person records visits; the first
 * WARMUP samples are not counted (JIT, first pushes and pulls).
 *
 * Two set-ups: SQLite with one server instance; PostgreSQL (when reachable) with TWO server
 * instances on one fresh schema, device A connected to instance 1 and device B to instance 2, so the
 * poke has to cross instances through LISTEN/NOTIFY (L2).
 */
import { DEMO_PASSWORD, DEMO_USERS } from '#shared/demo/index';
import type { RunningServer } from '../../../sync-server/main';
import { Device, type Doc } from '../../support/device/index';
import { formatNumber } from '../lib/format';
import { summarise } from '../lib/stats';
import type { BenchContext, BenchSuite } from '../lib/types';
import { benchStorages, freshStorage, startBenchServer, STORAGE_LABEL, type StorageKind } from '../lib/bench-server';

/** Counted samples per set-up: the brief asks for at least 20, enough for a p95 that is not the maximum. */
const SAMPLES = 20;
/** Untimed samples first: JIT in both workers and the server, and the first push and pull round trips. */
const WARMUP = 2;
/** How often device B is asked for the visit: fine enough to add at most 10 ms to a sample (brief). */
const POLL_MS = 10;
/**
 * Pause between samples, so each write meets idle devices as a real one does (a worker records a
 * visit, then talks to the next person), and no sample waits behind the previous one's replication.
 */
const PAUSE_MS = 300;
/** Give up on one sample after 15 s: ten times the slowest acceptable, so only a broken sync trips it. */
const SAMPLE_TIMEOUT_MS = 15_000;
/**
 * Target: p95 at most 1 s (brief). With both devices online, the live stream (sync.md L1) should make
 * a colleague's write appear while the person is still looking at the screen, not after a refresh.
 */
const TARGET_P95_MS = 1_000;

const SAM = DEMO_USERS.find((u) => u.id === 'u_worker_sam');
const AISHA = DEMO_USERS.find((u) => u.id === 'u_worker_aisha');

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface SharedCase {
  id: string;
  clientId: string;
  teamId: string;
}

/** A case of Sam's team shared with the team, so Aisha sees it too; it must already be on her device. */
async function pickSharedCase(a: Device, b: Device, teamId: string): Promise<SharedCase> {
  const cases = (await a.find('cases')) as (Doc & { sharedWithTeam?: unknown; teamId?: unknown; clientId?: unknown })[];
  for (const c of cases) {
    if (c.sharedWithTeam !== true || c.teamId !== teamId || typeof c.clientId !== 'string') continue;
    if ((await b.get('cases', c.id)) !== null) return { id: c.id, clientId: c.clientId, teamId };
  }
  throw new Error(`no case shared with ${teamId} is on both devices; the demo organisation should have some`);
}

/** One sample: milliseconds from the create call on A until B returns the visit. */
async function sample(a: Device, b: Device, shared: SharedCase, n: number): Promise<number> {
  const start = performance.now();
  const visit = await a.create('visits', {
    caseId: shared.id,
    clientId: shared.clientId,
    by: a.userId,
    at: new Date().toISOString(),
    kind: 'outreach',
    notes: `Bench visit ${n}: met at the day centre.`,
  });
  for (;;) {
    if ((await b.get('visits', visit.id)) !== null) return performance.now() - start;
    if (performance.now() - start > SAMPLE_TIMEOUT_MS) throw new Error(`visit ${visit.id} did not reach device B within ${SAMPLE_TIMEOUT_MS} ms`);
    await sleep(POLL_MS);
  }
}

async function measureSetUp(ctx: BenchContext, kind: StorageKind): Promise<number[]> {
  if (!SAM || !AISHA) throw new Error('the demo organisation has no Sam or Aisha');
  const teamId = SAM.teamIds.find((t) => AISHA.teamIds.includes(t));
  if (!teamId) throw new Error('Sam and Aisha share no team');
  const storage = await freshStorage(ctx, kind);
  const servers: RunningServer[] = [];
  const devices: Device[] = [];
  try {
    servers.push(await startBenchServer(ctx, storage, { seedDemo: true }));
    // PostgreSQL: a second instance on the same schema (it finds the users and does not seed again).
    if (kind === 'postgres') servers.push(await startBenchServer(ctx, storage, { seedDemo: true }));
    const first = servers[0];
    const last = servers[servers.length - 1];
    if (!first || !last) throw new Error('no server started');
    const a = new Device('bench-sam', first.url);
    devices.push(a);
    const b = new Device('bench-aisha', last.url);
    devices.push(b);
    await Promise.all([a.signIn(SAM.email, DEMO_PASSWORD), b.signIn(AISHA.email, DEMO_PASSWORD)]);
    await Promise.all([a.awaitInSync(), b.awaitInSync()]);
    const shared = await pickSharedCase(a, b, teamId);
    const samples: number[] = [];
    const total = (ctx.quick ? 1 : WARMUP) + (ctx.quick ? 3 : SAMPLES);
    const warmup = ctx.quick ? 1 : WARMUP;
    for (let i = 0; i < total; i++) {
      await sleep(PAUSE_MS);
      const ms = await sample(a, b, shared, i);
      if (i >= warmup) samples.push(ms);
    }
    ctx.log(`${STORAGE_LABEL[kind]}: ${samples.map((s) => formatNumber(s)).join(', ')} ms`);
    return samples;
  } finally {
    await Promise.allSettled(devices.map((d) => d.close()));
    for (const s of servers) await s.close();
    await storage.cleanup();
  }
}

export const suite: BenchSuite = {
  name: 'sync-latency',
  description:
    'Two simulated devices (real RxDB and sync engine in worker threads) against the real server: time from recording a visit on one worker’s device until a teammate’s device has it.',
  async run(ctx) {
    for (const kind of await benchStorages(ctx)) {
      const samples = await measureSetUp(ctx, kind);
      const setUp = kind === 'postgres' ? 'PostgreSQL, two server instances' : 'SQLite, one server';
      ctx.record({
        name: `visit on device A readable on device B, ${setUp}`,
        unit: 'ms',
        ...summarise(samples),
        target: { value: TARGET_P95_MS, why: `Latency: p95 ≤ ${formatNumber(TARGET_P95_MS)} ms from a write on one device to a teammate’s device having it (brief; live stream, sync.md L1/L2).` },
        note:
          `Sam → Aisha (Street Outreach), a case shared with the team; devices on fake-indexeddb in Node worker threads; ` +
          (kind === 'postgres' ? 'A on instance 1, B on instance 2 (poke crosses via LISTEN/NOTIFY); ' : '') +
          `polled every ${POLL_MS} ms; ${PAUSE_MS} ms pause between samples; ${WARMUP} warm-up samples not counted`,
      });
    }
  },
};
