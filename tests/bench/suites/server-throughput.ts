/**
 * Sync-server throughput in documents per second, on SQLite and (when reachable) PostgreSQL.
 *
 * Method, per run: a fresh store (a new SQLite folder, or a new PostgreSQL schema dropped after the
 * run); the real server (`startServer`) in this process on port 0 with `seedDemo: false`; one
 * coordinator created through the store with the server's own password hashing, signed in over HTTP.
 * Then, timed with performance.now():
 * - push: N client documents from `generateDemoOrg` (valid against the schema, `createdBy` set to the
 *   coordinator so the server accepts them) as N/100 sequential `POST …/push` requests of 100 rows
 *   with `assumedMasterState: null`, the batch size the app's replication uses (src/sync/replicate.ts);
 * - pull: everything back from no checkpoint with `limit=1000` pages until a short page, as a first
 *   sync does.
 * Request bodies are serialised before the clock starts (that is the device's work, not the
 * server's); response bodies are parsed inside the timed region, because the next page needs the
 * checkpoint. Client and server share this process's event loop, so the figures are a floor on what
 * the server alone can do. After each run every push answer is checked for no conflicts and nothing
 * quarantined, and the pull for exactly the N pushed ids: a fast run that dropped work is an error,
 * not a figure. One untimed warm-up run per storage, then RUNS timed runs; docs/s per run is logged.
 */
import { generateDemoOrg } from '#shared/demo/index';
import { schemas } from '#shared/schemas/index';
import { hashPassword } from '../../../sync-server/auth/passwords';
import { benchStorages, freshStorage, login, startBenchServer, STORAGE_LABEL, type StorageKind } from '../lib/bench-server';
import { formatCount, formatNumber } from '../lib/format';
import { summarise } from '../lib/stats';
import type { BenchContext, BenchSuite } from '../lib/types';

/** Documents per run: a large organisation's client list, the size product.md plans for. */
const DOCS = 10_000;
/** Rows per push request: PUSH_BATCH in src/sync/replicate.ts, what a device really sends. */
const PUSH_BATCH = 100;
/** Documents per pull page: the server's cap (sync.md P1, PULL_LIMIT_MAX) and the app's PULL_BATCH. */
const PULL_LIMIT = 1_000;
/**
 * Timed runs per storage: 20, so the p95 is the second-slowest run rather than the slowest (with 5 it
 * would be the one run a neighbour on this shared two-core machine happened to slow down). A run takes
 * 1-3 s, so 20 cost about two minutes for both storages.
 */
const RUNS = 20;
/** One untimed run first: JIT, prepared statements and the first pool connections are one-offs. */
const WARMUP = 1;

/**
 * Targets (brief). Pull: a first sync of 10k records should spend well under a second in the
 * server, so ten devices syncing at once still finish within seconds. Push: a day of a whole team's
 * work (hundreds of records) lands in a fraction of a second; 5k/s leaves room for bulk imports.
 * PostgreSQL targets are lower: every query crosses a socket, and a push takes a commit-order lock.
 */
const TARGETS: Record<StorageKind, { pull: number; push: number }> = {
  sqlite: { pull: 25_000, push: 5_000 },
  postgres: { pull: 15_000, push: 3_000 },
};

const COORDINATOR = { id: 'u_bench_coordinator', email: 'bench-coordinator@riverside.example', password: 'bench-throughput-password' };
const CLIENTS_PATH = `/api/sync/v1/clients/${schemas.clients.version}`;

interface RunTimes {
  pushMs: number;
  pullMs: number;
}

/** The push request bodies, serialised once (untimed): N/100 arrays of 100 new-document rows. */
function pushBodies(): { bodies: string[]; ids: Set<string> } {
  const clients = generateDemoOrg({ clients: DOCS }).docs.clients;
  if (clients.length !== DOCS) throw new Error(`asked for ${DOCS} clients, got ${clients.length}`);
  const bodies: string[] = [];
  for (let i = 0; i < clients.length; i += PUSH_BATCH) {
    const rows = clients.slice(i, i + PUSH_BATCH).map((c) => ({
      assumedMasterState: null,
      // The server refuses a record whose author is someone else (A2), so the coordinator registers them all.
      newDocumentState: { ...c, createdBy: COORDINATOR.id, _deleted: false },
    }));
    bodies.push(JSON.stringify(rows));
  }
  return { bodies, ids: new Set(clients.map((c) => c.id)) };
}

async function oneRun(ctx: BenchContext, kind: StorageKind, passwordHash: string, bodies: readonly string[], ids: ReadonlySet<string>): Promise<RunTimes> {
  const storage = await freshStorage(ctx, kind);
  try {
    const server = await startBenchServer(ctx, storage);
    try {
      await server.store.createUser({ id: COORDINATOR.id, email: COORDINATOR.email, name: 'Bench Coordinator', role: 'coordinator', passwordHash, teamIds: [] });
      const token = await login(server.url, COORDINATOR.email, COORDINATOR.password, 'bench-throughput');
      const auth = { authorization: `Bearer ${token}` };

      // Push, timed: sequential batches, as one device's replication sends them.
      const answers: { conflicts: unknown[]; quarantined: string | null }[] = [];
      const pushStart = performance.now();
      for (const body of bodies) {
        const res = await fetch(`${server.url}${CLIENTS_PATH}/push`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body });
        if (!res.ok) throw new Error(`push answered ${res.status}: ${await res.text()}`);
        answers.push({ conflicts: (await res.json()) as unknown[], quarantined: res.headers.get('x-resonance-quarantined') });
      }
      const pushMs = performance.now() - pushStart;

      // Pull, timed: from no checkpoint until a short page.
      const pulled: string[] = [];
      let checkpoint: unknown = null;
      const pullStart = performance.now();
      for (;;) {
        const query = new URLSearchParams({ limit: String(PULL_LIMIT) });
        if (checkpoint !== null) query.set('checkpoint', JSON.stringify(checkpoint));
        const res = await fetch(`${server.url}${CLIENTS_PATH}/pull?${query.toString()}`, { headers: auth });
        if (!res.ok) throw new Error(`pull answered ${res.status}: ${await res.text()}`);
        const page = (await res.json()) as { documents: { id: string }[]; checkpoint: unknown };
        for (const d of page.documents) pulled.push(d.id);
        checkpoint = page.checkpoint;
        if (page.documents.length < PULL_LIMIT) break;
      }
      const pullMs = performance.now() - pullStart;

      // Checks, untimed: a fast run that dropped work must fail, not count.
      const refused = answers.filter((a) => a.conflicts.length > 0 || a.quarantined !== '0');
      if (refused.length > 0) throw new Error(`${refused.length} push batches had conflicts or quarantined rows: ${JSON.stringify(refused[0])}`);
      if (pulled.length !== ids.size || !pulled.every((id) => ids.has(id))) throw new Error(`pulled ${pulled.length} documents, expected the ${ids.size} pushed`);
      return { pushMs, pullMs };
    } finally {
      await server.close();
    }
  } finally {
    await storage.cleanup();
  }
}

/**
 * Throughput statistics from run times: the median of the per-run rates, and for the "p95" column
 * the rate of the 95th-percentile (slow) run, so the tail is judged as for times.
 */
function throughput(docs: number, timesMs: readonly number[]): { median: number; p95: number; min: number; max: number; runs: number } {
  const rates = summarise(timesMs.map((ms) => (docs / ms) * 1000));
  const times = summarise(timesMs);
  return { median: rates.median, p95: (docs / times.p95) * 1000, min: rates.min, max: rates.max, runs: rates.runs };
}

export const suite: BenchSuite = {
  name: 'server-throughput',
  description:
    'Sync server in Node over HTTP: push throughput (batches of 100 new client documents) and pull throughput (pages of 1,000 from no checkpoint), in documents per second, on SQLite and PostgreSQL.',
  async run(ctx) {
    const { bodies, ids } = pushBodies();
    // Hashed once: scrypt costs ~0.2 s and is not what is measured.
    const passwordHash = await hashPassword(COORDINATOR.password);
    const runs = ctx.quick ? 1 : RUNS;
    const warmup = ctx.quick ? 0 : WARMUP;
    for (const kind of await benchStorages(ctx)) {
      const label = STORAGE_LABEL[kind];
      const push: number[] = [];
      const pull: number[] = [];
      for (let i = 0; i < warmup + runs; i++) {
        const t = await oneRun(ctx, kind, passwordHash, bodies, ids);
        const rate = (ms: number) => formatNumber((DOCS / ms) * 1000);
        ctx.log(`${label} run ${i + 1}${i < warmup ? ' (warm-up)' : ''}: push ${rate(t.pushMs)} docs/s (${formatNumber(t.pushMs)} ms), pull ${rate(t.pullMs)} docs/s (${formatNumber(t.pullMs)} ms)`);
        if (i < warmup) continue;
        push.push(t.pushMs);
        pull.push(t.pullMs);
      }
      const common = `fresh ${kind === 'postgres' ? 'schema' : 'SQLite file'} per run; server in the bench process on 127.0.0.1, client parsing in the same event loop; p95 column = docs/s of the 95th-percentile run time (nearest rank of ${runs})`;
      ctx.record({
        name: `push ${formatCount(DOCS)} clients, ${label}`,
        unit: 'docs/s',
        ...throughput(DOCS, push),
        target: { value: TARGETS[kind].push, better: 'higher', why: `Push: ≥ ${formatNumber(TARGETS.sqlite.push)} docs/s on SQLite, ≥ ${formatNumber(TARGETS.postgres.push)} on PostgreSQL (brief), so a team's day of work or a bulk import lands in moments.` },
        note: `${DOCS / PUSH_BATCH} sequential requests of ${PUSH_BATCH} new documents (assumedMasterState null), as a coordinator; ${common}`,
      });
      ctx.record({
        name: `pull ${formatCount(DOCS)} clients, ${label}`,
        unit: 'docs/s',
        ...throughput(DOCS, pull),
        target: { value: TARGETS[kind].pull, better: 'higher', why: `Pull: ≥ ${formatNumber(TARGETS.sqlite.pull)} docs/s on SQLite, ≥ ${formatNumber(TARGETS.postgres.pull)} on PostgreSQL (brief): a 10k first sync costs the server well under a second.` },
        note: `${Math.ceil(DOCS / PULL_LIMIT) + 1} requests with limit=${PULL_LIMIT} from no checkpoint, as a coordinator (unscoped); ${common}`,
      });
    }
  },
};
