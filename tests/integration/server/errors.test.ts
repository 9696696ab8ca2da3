/**
 * Limits and bad input (sync.md B1, Transport): every rejection has its status and the error
 * envelope, changes nothing, and leaves the server serving. Also the public meta routes.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { schemas } from '#shared/schemas/index';
import { adapters } from './support/adapters';
import { addUser, errorOf, login, startHarness, type Client, type Harness } from './support/harness';
import { create, taskDoc } from './support/docs';

describe.each(adapters())('bad input and limits ($name)', (adapter) => {
  let h: Harness;
  let api: Client;
  let userId: string;

  beforeAll(async () => {
    h = await startHarness(adapter, { requestsPerMinute: 100_000 });
    await h.server.store.createTeam('Team A', 'team-a');
    userId = (await addUser(h.server, { email: 'coord@example.org', role: 'coordinator', teamIds: ['team-a'] })).id;
    api = await login(h.url, 'coord@example.org');
  });

  afterAll(async () => {
    await h.close();
  });

  let before = 0;
  beforeAll(async () => {
    before = await h.server.store.countDocuments();
  });

  afterEach(async () => {
    // Nothing was stored and nothing quarantined by a rejected request; the server still serves.
    expect(await h.server.store.countDocuments()).toBe(before);
    expect(await h.server.store.listQuarantine(userId)).toEqual([]);
    expect((await fetch(`${h.url}/api/health`)).status).toBe(200);
  });

  const pushPath = '/api/sync/v1/tasks/0/push';

  it('[B1] malformed JSON is 400 malformed-json', async () => {
    expect(await errorOf(await api.post(pushPath, '[{"assumedMasterState": null,'))).toMatchObject({ status: 400, code: 'malformed-json' });
    const login = await fetch(`${h.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{email' });
    expect(await errorOf(login)).toMatchObject({ status: 400, code: 'malformed-json' });
  });

  it('[B1] a body of the wrong shape is 400 bad-request', async () => {
    for (const body of [{ not: 'an array' }, [{ newDocumentState: 'text' }], [{ assumedMasterState: 5, newDocumentState: { id: 'a', writeId: 'w' } }], [{ newDocumentState: { writeId: 'w' } }], [null]]) {
      const res = await api.post(pushPath, body);
      expect(await errorOf(res)).toMatchObject({ status: 400, code: 'bad-request' });
    }
    const dup = taskDoc({});
    expect((await api.post(pushPath, [create(dup), create(dup)])).status).toBe(400);
    const login = await fetch(`${h.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'x' }) });
    expect(await errorOf(login)).toMatchObject({ status: 400, code: 'bad-request' });
    expect(await errorOf(await api.get('/api/sync/v1/tasks/0/pull?checkpoint=%7Bnope'))).toMatchObject({ status: 400, code: 'bad-request' });
    expect(await errorOf(await api.get('/api/sync/v1/tasks/0/pull?limit=-3'))).toMatchObject({ status: 400, code: 'bad-request' });
  });

  it('[B1] an unknown collection is 404 unknown-collection', async () => {
    expect(await errorOf(await api.get('/api/sync/v1/secrets/0/pull'))).toMatchObject({ status: 404, code: 'unknown-collection' });
    expect(await errorOf(await api.post('/api/sync/v1/secrets/0/push', [create(taskDoc({}))]))).toMatchObject({ status: 404, code: 'unknown-collection' });
  });

  it('[B1] a missing or bad token is 401 unauthenticated', async () => {
    const missing = await fetch(`${h.url}${pushPath}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([create(taskDoc({}))]) });
    expect(await errorOf(missing)).toMatchObject({ status: 401, code: 'unauthenticated' });
    const bad = await fetch(`${h.url}/api/sync/v1/tasks/0/pull`, { headers: { authorization: 'Bearer not-a-real-token' } });
    expect(await errorOf(bad)).toMatchObject({ status: 401, code: 'unauthenticated' });
    const stream = await fetch(`${h.url}/api/sync/v1/stream`, { headers: { authorization: 'Basic abc' } });
    expect(await errorOf(stream)).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('[B1] a body over the 5 MB limit is 413 payload-too-large, and so is a push of over 1,000 rows', async () => {
    const big = JSON.stringify([create(taskDoc({ title: 'x'.repeat(6 * 1024 * 1024) }))]);
    expect(await errorOf(await api.post(pushPath, big))).toMatchObject({ status: 413, code: 'payload-too-large' });
    const many = Array.from({ length: 1001 }, () => create(taskDoc({})));
    expect(await errorOf(await api.post(pushPath, many))).toMatchObject({ status: 413, code: 'payload-too-large' });
  });

  it('[B1] an unknown /api route is a 404 envelope, never the app', async () => {
    for (const path of ['/api/nope', '/api', '/api/sync/v1/tasks/0/nope']) {
      const res = await api.get(path, { accept: 'text/html' });
      expect(res.headers.get('content-type')).toMatch(/json/);
      expect(await errorOf(res)).toMatchObject({ status: 404, code: 'not-found' });
    }
  });

  it('[B1] errors never carry a stack trace', async () => {
    const res = await api.post(pushPath, '{');
    const text = await res.text();
    expect(text).not.toMatch(/at .*\.ts:\d+/);
    expect(Object.keys((JSON.parse(text) as { error: object }).error).sort()).toEqual(['code', 'details', 'message']);
  });

  it('health answers without a token; schemas carry each collection\'s version', async () => {
    const health = (await (await fetch(`${h.url}/api/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ ok: true, storage: adapter.name, protocol: 'v1', schemaVersions: { tasks: 0, visits: 0 } });
    expect(typeof health.version).toBe('string');
    const served = (await (await api.get('/api/schemas')).json()) as Record<string, { version: number }>;
    expect(Object.keys(served).sort()).toEqual(Object.keys(schemas).sort());
    expect(served.tasks?.version).toBe(schemas.tasks.version);
  });
});

describe.each(adapters())('per-token request limit ($name)', (adapter) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(adapter, { requestsPerMinute: 5 });
    await addUser(h.server, { email: 'busy@example.org', role: 'coordinator' });
  });

  afterAll(async () => {
    await h.close();
  });

  it('[B1] too many requests from one token is 429 rate-limited with Retry-After', async () => {
    const api = await login(h.url, 'busy@example.org');
    const statuses: number[] = [];
    let limited: Response | null = null;
    // Alternating routes: one budget per token, whichever route it calls.
    for (let i = 0; i < 8; i++) {
      const res = await api.get(i % 2 === 0 ? '/api/sync/v1/tasks/0/pull' : '/api/me');
      statuses.push(res.status);
      if (res.status === 429) limited = res;
      else await res.body?.cancel();
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(limited).not.toBeNull();
    if (!limited) return;
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await errorOf(limited)).toMatchObject({ status: 429, code: 'rate-limited' });
    // Another device's token is not limited by this one.
    const other = await login(h.url, 'busy@example.org');
    expect((await other.get('/api/sync/v1/tasks/0/pull')).status).toBe(200);
  });
});
