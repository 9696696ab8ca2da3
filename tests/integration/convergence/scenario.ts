/**
 * One seeded convergence run (sync.md P2, C1–C4, A1, L1): real devices (RxDB on fake-indexeddb in
 * worker threads) of a coordinator and two workers of one team (one of them on two devices) edit the
 * same clients and tasks at random, create and delete tasks and go offline and online, while a fault
 * proxy delays, duplicates and drops answers and the server process is killed and restarted. Then
 * everything heals and the run checks what the server and every device hold. Used by
 * convergence.test.ts (npm test) and tests/soak/run.ts (npm run soak).
 *
 * The plan (who does what, to which record, which faults) comes from the seed; thread and network
 * timing do not, so a replay follows the same plan but may interleave differently.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRng } from '#shared/demo/random';
import { DEMO_PASSWORD, DEMO_SIGN_INS } from '#shared/demo/organisation';
import { COLLECTION_NAMES, type CollectionName } from '#shared/schemas/index';
import { META_FIELDS } from '#shared/schemas/common';
import { Device, eventually, type Doc } from '../../support/device/index';
import { NO_FAULTS, startFaultProxy, type FaultProxy, type PushLog } from '../../support/fault-proxy';
import { dropSchema, freshSchemaName } from '../server/support/adapters';
import { startServerProcess, type ServerProcess, type StoreLocation } from './server-process';
import { auditByWrite, quarantineRows } from './store-inspect';

export interface RunOptions {
  seed: number;
  adapter: 'sqlite' | 'postgres';
  /** Random actions across all devices. */
  steps: number;
  pgUrl?: string;
  log?: (line: string) => void;
}

export interface RunReport {
  seed: number;
  adapter: string;
  instances: number;
  steps: number;
  actions: Record<string, number>;
  proxy: FaultProxy['counts'];
  pushes: number;
  conflictAnswers: number;
  expectedConflictRecords: number;
  selfConflicts: number;
  restarts: number;
  failures: string[];
  ms: number;
}

export const FAULTS = { delay: 0.3, maxDelayMs: 120, duplicate: 0.15, dropResponse: 0.15 };
const TEAM_STREET = 'team_street_outreach';
const AISHA = { email: 'aisha@riverside.example', password: DEMO_PASSWORD };
const CLIENT_FIELDS = ['phone', 'postcode', 'language', 'notes'] as const;
const META = new Set<string>(META_FIELDS);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function freshStore(options: RunOptions): { store: StoreLocation; cleanup: () => Promise<void> } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'resonance-converge-'));
  if (options.adapter === 'sqlite') {
    return { store: { dataDir, databaseUrl: null }, cleanup: () => fs.promises.rm(dataDir, { recursive: true, force: true }) };
  }
  if (!options.pgUrl) throw new Error('the PostgreSQL run needs TEST_PG_URL');
  const pgSchema = freshSchemaName();
  return {
    store: { dataDir, databaseUrl: options.pgUrl, pgSchema },
    cleanup: async () => {
      await dropSchema(pgSchema);
      await fs.promises.rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function login(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, deviceId: `converge-check-${Math.random().toString(36).slice(2)}`, deviceName: 'Convergence check' }),
  });
  if (res.status !== 200) throw new Error(`check login ${email} answered ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

async function pullAll(url: string, token: string, collection: CollectionName): Promise<Doc[]> {
  const all: Doc[] = [];
  let checkpoint: unknown;
  for (;;) {
    const q = new URLSearchParams({ limit: '1000' });
    if (checkpoint !== undefined && checkpoint !== null) q.set('checkpoint', JSON.stringify(checkpoint));
    const res = await fetch(`${url}/api/sync/v1/${collection}/0/pull?${q.toString()}`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`check pull ${collection} answered ${res.status}`);
    const page = (await res.json()) as { documents: Doc[]; checkpoint: unknown };
    all.push(...page.documents);
    checkpoint = page.checkpoint;
    if (page.documents.length < 1000) return all;
  }
}

/** id → state identity (writeId and server stamp) of the live documents. */
function identities(docs: Doc[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const d of docs) if (!d._deleted) map.set(d.id, `${String(d.writeId)}@${String(d.serverUpdatedAt)}`);
  return map;
}

function diff(what: string, device: Map<string, string>, server: Map<string, string>): string | null {
  const missing = [...server.keys()].filter((k) => !device.has(k));
  const extra = [...device.keys()].filter((k) => !server.has(k));
  const stale = [...server.keys()].filter((k) => device.has(k) && device.get(k) !== server.get(k));
  if (missing.length + extra.length + stale.length === 0) return null;
  return `${what}: missing on device ${JSON.stringify(missing.slice(0, 5))} (${missing.length}), not on server ${JSON.stringify(extra.slice(0, 5))} (${extra.length}), different state ${JSON.stringify(stale.slice(0, 5))} (${stale.length})`;
}

/** The conflict records C3 demands for one conflicting push row, as `documentId|field|losingValue`. */
function expectedLosses(log: PushLog, row: PushLog['rows'][number], server: Record<string, unknown>): string[] {
  const assumed = row.assumedMasterState;
  const local = row.newDocumentState;
  if (!assumed || local._deleted || server._deleted || assumed._deleted) return [];
  if (log.collection !== 'clients' && log.collection !== 'tasks') return [];
  const fields = new Set([...Object.keys(local), ...Object.keys(server)].filter((f) => !META.has(f) && !f.startsWith('_')));
  const out: string[] = [];
  for (const f of fields) {
    if (!same(local[f], assumed[f]) && !same(server[f], assumed[f]) && !same(local[f], server[f])) {
      out.push(`${String(local.id)}|${f}|${JSON.stringify(local[f])}`);
    }
  }
  return out;
}

export async function runConvergence(options: RunOptions): Promise<RunReport> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const rng = createRng(options.seed, 1);
  const { store, cleanup } = freshStore(options);
  const instances: (ServerProcess | null)[] = [];
  const devices: Device[] = [];
  let proxy: FaultProxy | null = null;
  const actions: Record<string, number> = {};
  const count = (k: string) => (actions[k] = (actions[k] ?? 0) + 1);
  const failures: string[] = [];
  let restarts = 0;
  const report = (): RunReport => {
    const pushes = proxy?.pushes ?? [];
    return {
      seed: options.seed,
      adapter: options.adapter,
      instances: instances.length,
      steps: options.steps,
      actions,
      proxy: proxy?.counts ?? { requests: 0, delayed: 0, duplicated: 0, dropped: 0, upstreamDown: 0 },
      pushes: pushes.length,
      conflictAnswers: pushes.filter((p) => (p.delivered?.length ?? 0) > 0).length,
      expectedConflictRecords,
      selfConflicts,
      restarts,
      failures,
      ms: Date.now() - started,
    };
  };
  let expectedConflictRecords = 0;
  let selfConflicts = 0;
  const expected = new Set<string>();
  try {
    // Instances start one after another: the first seeds the demo organisation.
    const count0 = options.adapter === 'postgres' ? 2 : 1;
    for (let i = 0; i < count0; i++) instances.push(await startServerProcess(store));
    const live = () => instances.filter((s): s is ServerProcess => s !== null).map((s) => s.url);
    proxy = await startFaultProxy(createRng(options.seed, 2), live());
    const p = proxy;

    const people = [
      { name: 'coord-laptop', login: DEMO_SIGN_INS.coordinator },
      { name: 'sam-tablet', login: DEMO_SIGN_INS.worker },
      { name: 'sam-phone', login: DEMO_SIGN_INS.worker },
      { name: 'aisha-tablet', login: AISHA },
    ];
    for (const person of people) devices.push(new Device(`${person.name}-${options.seed}-${options.adapter}`, p.url));
    await Promise.all(devices.map((d, i) => d.signIn(people[i]?.login.email ?? '', people[i]?.login.password ?? '').then(() => d.awaitInSync())));

    // The shared records: clients of cases Sam's team shares, which all four devices see. Cases are
    // never reassigned during the run (scope changes are the A3 tests' business).
    const sam = devices[1] as Device;
    const cases = ((await sam.find('cases')) as (Doc & { sharedWithTeam?: boolean; teamId?: string; clientId?: string; status?: string })[])
      .filter((c) => c.sharedWithTeam && c.status !== 'closed' && c.teamId === TEAM_STREET)
      .sort((a, b) => a.id.localeCompare(b.id))
      .slice(0, 3);
    if (cases.length === 0) throw new Error('the demo organisation has no case shared with Street Outreach');
    const clientIds = [...new Set(cases.map((c) => String(c.clientId)))];
    const tasks: { id: string; caseIdx: number }[] = [];
    const offline = devices.map(() => false);
    log(`seed ${options.seed} on ${options.adapter}: ${devices.length} devices, ${instances.length} instance(s), ${clientIds.length} shared clients, ${options.steps} steps`);

    p.setFaults(FAULTS);
    const killAt = new Set([Math.floor(options.steps / 3), Math.floor((2 * options.steps) / 3)]);
    let down: { index: number; until: number } | null = null;

    for (let step = 0; step < options.steps; step++) {
      if (killAt.has(step) && !down) {
        const index = rng.int(0, instances.length - 1);
        const victim = instances[index];
        instances[index] = null;
        // SIGKILL while pushes may be in flight: no graceful shutdown, no flush.
        await victim?.kill();
        p.setUpstreams(live().length > 0 ? live() : ['http://127.0.0.1:9']);
        down = { index, until: step + rng.int(2, 6) };
        count('kill server');
      }
      if (down && step >= down.until) {
        instances[down.index] = await startServerProcess(store);
        p.setUpstreams(live());
        down = null;
        restarts++;
        count('restart server');
      }
      const di = rng.int(0, devices.length - 1);
      const d = devices[di] as Device;
      const n = `${di}${step.toString(36)}`;
      const kind = rng.weighted([
        ['edit client', 35],
        ['create task', 15],
        ['edit task', 20],
        ['delete task', 5],
        ['toggle network', 15],
        ['pause', 10],
      ] as const);
      count(kind);
      try {
        switch (kind) {
          case 'edit client': {
            const field = rng.pick(CLIENT_FIELDS);
            const value = field === 'postcode' ? `P${n}`.slice(0, 12) : `${field}-${n}`;
            await d.update('clients', rng.pick(clientIds), { [field]: value });
            break;
          }
          case 'create task': {
            const caseIdx = rng.int(0, cases.length - 1);
            const c = cases[caseIdx] as Doc;
            const doc = await d.create('tasks', { caseId: c.id, clientId: String(c.clientId), assignedTo: d.userId, title: `task-${n}`, due: '2026-12-31', done: false });
            tasks.push({ id: doc.id, caseIdx });
            break;
          }
          case 'edit task': {
            if (tasks.length === 0) break;
            const t = rng.pick(tasks);
            const patch = rng.chance(0.5) ? { title: `title-${n}` } : { done: rng.chance(0.5) };
            if (await d.get('tasks', t.id)) await d.update('tasks', t.id, patch);
            else count('edit task skipped (not on device yet or deleted)');
            break;
          }
          case 'delete task': {
            if (tasks.length === 0) break;
            const t = rng.pick(tasks);
            await d.remove('tasks', t.id);
            break;
          }
          case 'toggle network':
            offline[di] = !offline[di];
            await d.setOffline(offline[di] ?? false);
            break;
          case 'pause':
            await sleep(rng.int(50, 400));
            break;
        }
      } catch (e) {
        failures.push(`step ${step} (${kind} on ${d.name}) threw: ${(e as Error).message}`);
      }
    }

    // Heal: every instance up, no faults, every device online; sync until nothing is left to push.
    log(`seed ${options.seed}: healing`);
    if (down) {
      instances[down.index] = await startServerProcess(store);
      restarts++;
    }
    p.setUpstreams(live());
    p.setFaults(NO_FAULTS);
    await Promise.all(devices.map((d) => d.setOffline(false)));
    const direct = live()[0] ?? '';
    const tokens = await Promise.all(people.map((person) => login(direct, person.login.email, person.login.password)));
    const settled = async (): Promise<string[]> => {
      const problems: string[] = [];
      for (const [i, d] of devices.entries()) {
        d.syncNow().catch(() => undefined);
        const outbox = await d.outbox();
        const onServer = new Map<string, string>();
        const onDevice = new Map<string, string>();
        for (const collection of COLLECTION_NAMES) {
          const server = identities(await pullAll(direct, tokens[i] ?? '', collection));
          const mine = identities(await d.find(collection));
          for (const [id, state] of server) onServer.set(`${collection}:${id}`, state);
          for (const [id, state] of mine) onDevice.set(`${collection}:${id}`, state);
          const problem = diff(`${d.name} ${collection}`, mine, server);
          if (problem) problems.push(problem);
        }
        if (outbox.length > 0) {
          // The row beside the document's state on the device and on the server, to tell a lost settle
          // from a write that never reached the server.
          const rows = outbox.slice(0, 3).map((r) => ({ ...r, device: onDevice.get(r.id) ?? 'absent', server: onServer.get(r.id) ?? 'absent' }));
          problems.push(`${d.name} still has ${outbox.length} unsent change(s): ${JSON.stringify(rows)}`);
        }
      }
      return problems;
    };
    let lastProblems: string[] = [];
    try {
      await eventually(
        'every device to hold exactly what the server holds for its user',
        async () => {
          lastProblems = await settled();
          return lastProblems.length === 0;
        },
        60_000,
      );
    } catch {
      failures.push(...lastProblems);
    }

    // Nothing applied twice: one audit row per write.
    const audit = await auditByWrite(store);
    for (const a of audit.filter((r) => r.n > 1)) failures.push(`write ${a.writeId} of ${a.collection}/${a.documentId} was applied ${a.n} times (${a.actions.join(', ')})`);
    // Every acknowledged write is on the server: a row the device was told was accepted (a 200 it
    // received, the row not among the conflicts) has its write in the audit trail.
    const applied = new Set(audit.map((a) => `${a.collection}|${a.documentId}|${a.writeId}`));
    const pushedWrites = new Map<string, string>();
    for (const push of p.pushes) {
      for (const row of push.rows) pushedWrites.set(String(row.newDocumentState.writeId), push.from);
      if (push.status !== 200 || !push.delivered) continue;
      const conflicted = new Map(push.delivered.map((s) => [String(s.id), s]));
      for (const row of push.rows) {
        const doc = row.newDocumentState;
        const server = conflicted.get(String(doc.id));
        if (!server) {
          if (!applied.has(`${push.collection}|${String(doc.id)}|${String(doc.writeId)}`)) {
            failures.push(`acknowledged write ${String(doc.writeId)} of ${push.collection}/${String(doc.id)} is not on the server`);
          }
          continue;
        }
        // A conflict against a state the same device pushed earlier: counted, not failed. A retry after
        // a lost answer, carrying a newer local edit, meets the device's own first write this way.
        if (pushedWrites.get(String(server.writeId)) === push.from) selfConflicts++;
        for (const loss of expectedLosses(push, row, server)) expected.add(loss);
      }
    }
    expectedConflictRecords = expected.size;
    const conflicts = await pullAll(direct, tokens[0] ?? '', 'conflicts');
    const recorded = new Set(conflicts.map((c) => `${String(c.documentId)}|${String(c.field)}|${String(c.losingValue)}`));
    for (const loss of expected) if (!recorded.has(loss)) failures.push(`a value that lost a conflict has no conflict record: ${loss}`);
    // Nothing was held back: every write in this run was allowed, so the quarantine stays empty (C4).
    for (const q of await quarantineRows(store)) failures.push(`held back ${q.collection}/${q.document_id}: ${q.code} ${q.reason}`);
    return report();
  } finally {
    await Promise.allSettled(devices.map((d) => d.close()));
    await proxy?.close();
    await Promise.allSettled(instances.map((s) => s?.stop() ?? Promise.resolve()));
    await cleanup();
  }
}

