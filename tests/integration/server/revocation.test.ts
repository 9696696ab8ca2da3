/**
 * Revocation (sync.md A4) against the real server: revoking a user, a device or a token ends that
 * device's open live stream at once, with an `error` event carrying the same code as HTTP, and its
 * next pull or push is refused with 401 (a revoked device or user is told to wipe: details.wipe).
 * Revocations made outside the server process (the admin CLI) and, on PostgreSQL, through another
 * server instance reach the stream too. The heartbeat is set to ten minutes, so none of this can be
 * the heartbeat's re-check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeDevice, revokeUser } from '../../../sync-server/admin/ops';
import { hashSecret } from '../../../sync-server/auth/tokens';
import { startServer } from '../../../sync-server/main';
import { adapters } from './support/adapters';
import { addUser, errorOf, login, startHarness, testConfig, type Client, type Harness } from './support/harness';
import { caseDoc, create } from './support/docs';
import { run, storageEnv } from './support/spawn';
import { openStream, type SseEvent } from './support/sse';
import type { ServerConfig } from '../../../sync-server/config';

const NO_HEARTBEAT = { heartbeatMs: 600_000 };
const CLI = 'sync-server/admin/cli.ts';

const isError = (e: SseEvent): boolean => e.event === 'error';
const errorData = (e: SseEvent) => (e.data as { error: { code: string; message: string; details: unknown } }).error;

let people = 0;

describe.each(adapters())('revocation ($name)', (adapter) => {
  let h: Harness & { storage: Partial<ServerConfig> };

  beforeAll(async () => {
    h = await startHarness(adapter, NO_HEARTBEAT);
    await h.server.store.createTeam('North', 'north');
  });

  afterAll(async () => {
    await h.close();
  });

  /** A fresh worker signed in on a fresh device, with the device id. */
  async function worker(): Promise<{ api: Client; email: string; deviceId: string; userId: string }> {
    const email = `w${++people}@example.org`;
    const user = await addUser(h.server, { email, role: 'worker', teamIds: ['north'] });
    const deviceId = `rev-device-${people}-${Date.now().toString(36)}`;
    return { api: await login(h.url, email, undefined, deviceId), email, deviceId, userId: user.id };
  }

  it('[A4] revoking a user ends their live stream at once with user-revoked (wipe) and their next pull is 401', async () => {
    const w = await worker();
    const stream = await openStream(h.url, w.api.token);
    await stream.next((e) => e.event === 'hello', 5000, 0);
    await revokeUser(h.server.store, w.email);
    const event = errorData(await stream.next(isError, 8000, 0));
    expect(event).toMatchObject({ code: 'user-revoked', details: { wipe: true } });
    expect(event.message).toMatch(/^[A-Z].*\.$/);
    await stream.ended;
    const res = await w.api.get('/api/sync/v1/cases/0/pull');
    expect(await errorOf(res)).toMatchObject({ status: 401, code: 'user-revoked', details: { wipe: true } });
  });

  it('[A4] revoking a device ends its stream with device-revoked (wipe) and its next push is 401 and writes nothing', async () => {
    const w = await worker();
    const stream = await openStream(h.url, w.api.token);
    await stream.next((e) => e.event === 'hello', 5000, 0);
    await revokeDevice(h.server.store, w.deviceId);
    expect(errorData(await stream.next(isError, 8000, 0))).toMatchObject({ code: 'device-revoked', details: { wipe: true } });
    await stream.ended;
    const doc = caseDoc({ teamId: 'north', assignedTo: [w.userId] });
    const res = await w.api.push('cases', [create(doc)]);
    expect(await errorOf(res)).toMatchObject({ status: 401, code: 'device-revoked', details: { wipe: true } });
    expect(await h.server.store.getDocs('cases', [String(doc.id)])).toEqual([]);
  });

  it('[A4] revoking one token ends only that token\'s stream (sign in again, no wipe); another device of the same user stays', async () => {
    const w = await worker();
    const other = await login(h.url, w.email, undefined, `${w.deviceId}-b`);
    const [stream, otherStream] = await Promise.all([openStream(h.url, w.api.token), openStream(h.url, other.token)]);
    await Promise.all([stream.next((e) => e.event === 'hello', 5000, 0), otherStream.next((e) => e.event === 'hello', 5000, 0)]);
    await h.server.store.revokeToken(hashSecret(w.api.token));
    const event = errorData(await stream.next(isError, 8000, 0));
    expect(event.code).toBe('unauthenticated');
    expect(event.details).not.toMatchObject({ wipe: true });
    expect(await errorOf(await w.api.get('/api/sync/v1/visits/0/pull'))).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect((await other.get('/api/sync/v1/visits/0/pull')).status).toBe(200);
    expect(otherStream.events.some(isError)).toBe(false);
    otherStream.close();
  });

  it('[A4] signing out through the API ends that device\'s stream', async () => {
    const w = await worker();
    const stream = await openStream(h.url, w.api.token);
    await stream.next((e) => e.event === 'hello', 5000, 0);
    expect((await w.api.post('/api/auth/logout')).status).toBe(200);
    expect(errorData(await stream.next(isError, 8000, 0)).code).toBe('unauthenticated');
  });

  it('[A4] a device revoked from the admin CLI (another process) loses its open stream within seconds', async () => {
    const w = await worker();
    const stream = await openStream(h.url, w.api.token);
    await stream.next((e) => e.event === 'hello', 5000, 0);
    const out = await run(CLI, ['device:revoke', '--id', w.deviceId], storageEnv(h.storage));
    expect(out.code).toBe(0);
    expect(errorData(await stream.next(isError, 10_000, 0))).toMatchObject({ code: 'device-revoked', details: { wipe: true } });
    expect(await errorOf(await w.api.get('/api/sync/v1/tasks/0/pull'))).toMatchObject({ status: 401, code: 'device-revoked' });
  });

  it('[A4] a user switched off from the admin CLI loses their open stream within seconds', async () => {
    const w = await worker();
    const stream = await openStream(h.url, w.api.token);
    await stream.next((e) => e.event === 'hello', 5000, 0);
    expect((await run(CLI, ['user:revoke', '--email', w.email], storageEnv(h.storage))).code).toBe(0);
    expect(errorData(await stream.next(isError, 10_000, 0))).toMatchObject({ code: 'user-revoked', details: { wipe: true } });
  });

  if (adapter.name === 'postgres') {
    it('[A4][L2] on PostgreSQL, a revocation through one instance ends a stream held by another instance', async () => {
      const second = await startServer(testConfig(h.storage, NO_HEARTBEAT));
      try {
        const w = await worker();
        const stream = await openStream(second.url, w.api.token);
        await stream.next((e) => e.event === 'hello', 5000, 0);
        await revokeDevice(h.server.store, w.deviceId);
        expect(errorData(await stream.next(isError, 8000, 0))).toMatchObject({ code: 'device-revoked', details: { wipe: true } });
        expect(await errorOf(await fetch(`${second.url}/api/me`, { headers: { authorization: `Bearer ${w.api.token}` } }))).toMatchObject({ status: 401, code: 'device-revoked' });
      } finally {
        await second.close();
      }
    });
  }

  it('[A3][A4] taking a worker out of a team pokes their open stream, and their next pull removes the team\'s shared cases', async () => {
    const w = await worker();
    const coordEmail = `coord${++people}@example.org`;
    await addUser(h.server, { email: coordEmail, role: 'coordinator', teamIds: ['north'] });
    const coord = await login(h.url, coordEmail);
    const shared = caseDoc({ teamId: 'north', assignedTo: [], sharedWithTeam: true });
    expect((await coord.push('cases', [create(shared)])).headers.get('x-resonance-quarantined')).toBe('0');
    const first = await w.api.pull('cases');
    expect(first.documents.map((d) => d.id)).toContain(shared.id);
    const stream = await openStream(h.url, w.api.token);
    await stream.next((e) => e.event === 'hello', 5000, 0);
    const from = stream.events.length;
    await h.server.store.updateUser(w.userId, { teamIds: [] });
    await stream.next((e) => e.event === 'message' && (e.data as { collection?: string }).collection === 'cases', 8000, from);
    const next = await w.api.pull('cases', first.checkpoint);
    expect(next.documents).toContainEqual(expect.objectContaining({ id: shared.id, _deleted: true }));
    expect(stream.events.some(isError)).toBe(false);
    stream.close();
  });

  it('[A4] an unrelated account change does not end other streams', async () => {
    const w = await worker();
    const stream = await openStream(h.url, w.api.token);
    await stream.next((e) => e.event === 'hello', 5000, 0);
    const bystander = await worker();
    await revokeDevice(h.server.store, bystander.deviceId);
    // Give the re-check time to run (poll of one second on SQLite, NOTIFY on PostgreSQL).
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(stream.events.some(isError)).toBe(false);
    expect((await w.api.get('/api/sync/v1/cases/0/pull')).status).toBe(200);
    stream.close();
  });
});
