/**
 * Seeded fuzz of every HTTP route (sync.md B1, A1, A2): random and mutated bodies, query strings,
 * headers, sizes (over the body limit included) and encodings (bad UTF-8, wrong content type, gzip
 * claims), with no token, garbage, and valid tokens of each role. The server must never answer 5xx or
 * drop the connection, every refusal must carry the error body, and a refused request must store
 * nothing (row counts of every table unchanged). The seed is printed; FUZZ_SEED=<n> replays it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '#shared/demo/random';
import { DEMO_PASSWORD, DEMO_SIGN_INS } from '#shared/demo/organisation';
import { adapters } from '../server/support/adapters';
import { startHarness, type Harness } from '../server/support/harness';
import type { ServerConfig } from '../../../sync-server/config';
import { enumerateRoutes } from './routes';
import { fuzzRequest, type FuzzContext, type FuzzRequest, type Role } from './requests';
import { openCounter, type Counter } from './store-counts';

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 2000);
console.log(`\nroute fuzz seed ${SEED} — replay with: FUZZ_SEED=${SEED} npx vitest run --project integration tests/integration/fuzz/routes.test.ts\n`);

const ROLES: Role[] = ['coordinator', 'worker', 'helper', 'kiosk'];

/**
 * A kept-alive connection the server closed after refusing an earlier request (413 without reading
 * the rest of a huge body) fails the next request sent on it; a real client retries on a new
 * connection, and so do these helpers, once. A crashed server fails the retry too.
 */
async function retryOnce<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    const code = (e as Error & { cause?: { code?: string } }).cause?.code;
    if (code !== 'UND_ERR_SOCKET' && code !== 'ECONNRESET') throw e;
    return call();
  }
}

async function login(url: string, role: Role): Promise<string> {
  const res = await retryOnce(() => fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...DEMO_SIGN_INS[role], deviceId: `fuzz-${role}-${Math.random().toString(36).slice(2)}`, deviceName: 'Fuzz' }),
  }));
  if (res.status !== 200) throw new Error(`login as ${role} answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** Up to `want` live documents of a collection the user sees, pulling page after page. */
async function pull(url: string, token: string, collection: string, want = 20): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  let checkpoint: unknown = null;
  for (let page = 0; page < 100 && found.length < want; page++) {
    const q = new URLSearchParams({ limit: '1000' });
    if (checkpoint !== null) q.set('checkpoint', JSON.stringify(checkpoint));
    const res = await fetch(`${url}/api/sync/v1/${collection}/0/pull?${q.toString()}`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`pull ${collection} answered ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as { documents: Record<string, unknown>[]; checkpoint: unknown };
    found.push(...body.documents.filter((d) => !d._deleted));
    if (body.documents.length === 0 || JSON.stringify(body.checkpoint) === JSON.stringify(checkpoint)) break;
    checkpoint = body.checkpoint;
  }
  return found.slice(0, want);
}

interface Sent {
  status: number;
  body: string;
}

async function send(url: string, req: FuzzRequest): Promise<Sent> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 20_000);
  try {
    const res = await fetch(`${url}${req.path}`, { method: req.method, headers: req.headers, body: req.body === null ? null : new Uint8Array(req.body), signal: controller.signal });
    if ((res.headers.get('content-type') ?? '').includes('text/event-stream')) {
      controller.abort();
      return { status: res.status, body: '' };
    }
    return { status: res.status, body: await res.text() };
  } finally {
    clearTimeout(timer);
  }
}

describe.each(adapters())('route fuzz on $name', (adapter) => {
  let h: Harness & { storage: Partial<ServerConfig> };
  let counter: Counter;
  let ctx: FuzzContext;

  beforeAll(async () => {
    h = await startHarness(adapter, { seedDemo: true, requestsPerMinute: 1_000_000_000, loginFailuresPerAccount: 1_000_000_000, loginFailuresPerAddress: 1_000_000_000 });
    const tokens = Object.fromEntries(await Promise.all(ROLES.map(async (r) => [r, await login(h.url, r)] as const))) as Record<Role, string>;
    const created = await fetch(`${h.url}/api/admin/people`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.coordinator}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'spare-fuzz@example.org', name: 'Spare Person', role: 'worker', teamIds: ['team_street_outreach'], password: `${DEMO_PASSWORD}-spare-long` }),
    });
    const spare = (await created.json()) as { user?: { id: string } };
    if (!spare.user) throw new Error(`could not add the spare person: ${created.status} ${JSON.stringify(spare)}`);
    const sampleDocs: FuzzContext['sampleDocs'] = {};
    for (const c of ['clients', 'cases', 'tasks', 'visits']) sampleDocs[c] = await pull(h.url, tokens.worker, c);
    ctx = { tokens, spareUserId: spare.user.id, clientIds: (sampleDocs.clients ?? []).map((d) => String(d.id)), sampleDocs };
    if (ctx.clientIds.length === 0) throw new Error(`the demo worker sees no clients on ${adapter.name}`);
    counter = await openCounter(h.storage);
  });

  afterAll(async () => {
    await counter.close();
    await h.close();
  });

  it(`[B1][A1][A2] seed ${SEED}: ${REQUESTS} hostile requests over every route: no 5xx, no crash, plain errors, refusals store nothing`, { timeout: 120_000 }, async () => {
    const routes = enumerateRoutes();
    for (const known of ['POST /sync/v1/:collection/:schemaVersion/push', 'GET /sync/v1/:collection/:schemaVersion/pull', 'POST /auth/login', 'GET /sync/v1/stream']) {
      expect(routes.map((r) => `${r.method} ${r.path}`), 'the route files were read').toContain(known);
    }
    const rng = createRng(SEED, 3);
    const failures: string[] = [];
    const statuses: Record<number, number> = {};
    for (let i = 0; i < REQUESTS && failures.length < 20; i++) {
      const req = fuzzRequest(rng, ctx, routes);
      // Signing out with a real token would end the session the rest of the run uses: sign out a fresh one.
      if (req.path.startsWith('/api/auth/logout') && req.auth !== 'none' && req.auth !== 'garbage') {
        req.headers.authorization = `Bearer ${await login(h.url, req.auth)}`;
      }
      const mutating = req.method !== 'GET';
      const before = mutating ? await counter.counts() : null;
      let sent: Sent;
      const t0 = Date.now();
      try {
        sent = await retryOnce(() => send(h.url, req));
        if (process.env.FUZZ_SLOW && Date.now() - t0 > 500) console.log(`slow #${i} ${Date.now() - t0} ms: ${req.describe}`);
      } catch (e) {
        const cause = (e as Error & { cause?: { code?: string; message?: string } }).cause;
        failures.push(`#${i} ${req.describe}: no answer (${(e as Error).message}${cause ? `: ${cause.code ?? ''} ${cause.message ?? ''}` : ''})`);
        continue;
      }
      statuses[sent.status] = (statuses[sent.status] ?? 0) + 1;
      if (sent.status >= 500) {
        failures.push(`#${i} ${req.describe}: answered ${sent.status} ${sent.body.slice(0, 300)}`);
        continue;
      }
      if (sent.status >= 400) {
        let shaped: boolean;
        try {
          const body = JSON.parse(sent.body) as { error?: { code?: unknown; message?: unknown } };
          shaped = typeof body.error?.code === 'string' && typeof body.error.message === 'string' && body.error.message.length > 0;
        } catch {
          shaped = false;
        }
        if (!shaped && sent.status !== 431) failures.push(`#${i} ${req.describe}: ${sent.status} without the error body: ${sent.body.slice(0, 200)}`);
        if (before) {
          const after = await counter.counts();
          const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
          if (changed.length > 0) failures.push(`#${i} ${req.describe}: refused with ${sent.status} but changed ${changed.map((t) => `${t} ${before[t]}→${after[t]}`).join(', ')}`);
        }
      }
    }
    console.log(`route fuzz seed ${SEED} on ${adapter.name}: ${REQUESTS} requests over ${routes.length} routes; statuses ${JSON.stringify(statuses)}`);
    expect(failures, `seed ${SEED}; replay with FUZZ_SEED=${SEED}`).toEqual([]);
    expect((await fetch(`${h.url}/api/health`)).status, 'the server still answers after the fuzz').toBe(200);
    // The fuzz reached past the front door: some requests were accepted and each kind of refusal happened.
    for (const status of [200, 400, 401, 404, 413]) expect(statuses[status] ?? 0, `answers with status ${status}`).toBeGreaterThan(0);
  });
});
