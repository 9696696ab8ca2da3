/**
 * Sign-in, tokens, kiosk enrolment and revocation over HTTP (sync.md B2, A4).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../../sync-server/auth/tokens';
import { AuthService } from '../../../sync-server/auth/service';
import { enrolKiosk, revokeUser } from '../../../sync-server/admin/ops';
import fs from 'node:fs';
import path from 'node:path';
import { KEY_SECRET_FILE } from '../../../sync-server/auth/device-key';
import { loadConfig } from '../../../sync-server/config';
import { startServer } from '../../../sync-server/main';
import { adapters } from './support/adapters';
import { PASSWORD, addUser, client, errorOf, login, startHarness, testConfig, type Harness } from './support/harness';
import { openStream } from './support/sse';

function postJson(url: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe.each(adapters())('auth ($name)', (adapter) => {
  let h: Harness;
  let teamId: string;

  beforeAll(async () => {
    h = await startHarness(adapter, { heartbeatMs: 200 });
    teamId = (await h.server.store.createTeam('North')).id;
    await addUser(h.server, { email: 'ann@example.org', name: 'Ann', role: 'worker', teamIds: [teamId] });
    await addUser(h.server, { email: 'bob@example.org', name: 'Bob', role: 'helper', teamIds: [teamId] });
  });

  afterAll(async () => {
    await h.close();
  });

  it('[B2] login answers a token and the user with their teams; the server keeps only hashes', async () => {
    const res = await postJson(h.url, '/api/auth/login', { email: 'ANN@example.org', password: PASSWORD, deviceId: 'tab-1', deviceName: 'Tablet 1' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; user: unknown };
    expect(body.user).toEqual({ id: expect.any(String) as unknown, name: 'Ann', role: 'worker', teams: [{ id: teamId, name: 'North' }] });
    expect(Buffer.from(body.token, 'base64url')).toHaveLength(32);
    expect(await h.server.store.findToken(body.token)).toBeNull();
    expect(await h.server.store.findToken(hashSecret(body.token))).not.toBeNull();
    const user = await h.server.store.findUserByEmail('ann@example.org');
    expect(user?.passwordHash).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect(user?.passwordHash).not.toContain(PASSWORD);
    const me = (await (await client(h.url, body.token).get('/api/me')).json()) as Record<string, unknown>;
    expect(me).toMatchObject({ user: { name: 'Ann', role: 'worker' }, device: { id: 'tab-1', name: 'Tablet 1' } });
  });

  it('[B2] a wrong password and an unknown email get the same 401 invalid-credentials', async () => {
    const wrong = await postJson(h.url, '/api/auth/login', { email: 'bob@example.org', password: 'nope', deviceId: 'tab-2' });
    const unknown = await postJson(h.url, '/api/auth/login', { email: 'who@example.org', password: 'nope', deviceId: 'tab-2' });
    expect(await errorOf(wrong)).toMatchObject({ status: 401, code: 'invalid-credentials' });
    expect(await errorOf(unknown)).toMatchObject({ status: 401, code: 'invalid-credentials' });
  });

  it('[B2] logout revokes the token: the next request is 401 unauthenticated', async () => {
    const api = await login(h.url, 'bob@example.org');
    expect((await api.post('/api/auth/logout')).status).toBe(200);
    expect(await errorOf(await api.get('/api/me'))).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('[B2] an expired token is 401 unauthenticated', async () => {
    const user = await h.server.store.findUserByEmail('bob@example.org');
    await h.server.store.upsertDevice({ id: 'old-tab', name: 'Old', userId: user?.id ?? '' });
    await h.server.store.createToken({ hash: hashSecret('expired-token'), userId: user?.id ?? '', deviceId: 'old-tab', expiresAt: new Date(Date.now() - 1000).toISOString() });
    expect(await errorOf(await client(h.url, 'expired-token').get('/api/me'))).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('[A4] a revoked device is told to wipe, on its next request and its live stream, and cannot sign in again', async () => {
    const api = await login(h.url, 'bob@example.org', PASSWORD, 'tab-lost');
    const stream = await openStream(h.url, api.token);
    await stream.next((e) => e.event === 'hello', 2000, 0);
    // Revoked through the store, as the admin CLI or another instance would: the stream finds out itself.
    await h.server.store.revokeDevice('tab-lost');
    const event = await stream.next((e) => e.event === 'error', 3000);
    expect(event.data).toMatchObject({ error: { code: 'device-revoked', details: { wipe: true } } });
    await stream.ended;
    expect(await errorOf(await api.get('/api/me'))).toMatchObject({ status: 401, code: 'device-revoked', details: { wipe: true } });
    const again = await postJson(h.url, '/api/auth/login', { email: 'bob@example.org', password: PASSWORD, deviceId: 'tab-lost' });
    expect(await errorOf(again)).toMatchObject({ status: 401, code: 'device-revoked' });
  });

  it('[A4] a switched-off user is refused everywhere and their devices are told to wipe', async () => {
    await addUser(h.server, { email: 'leaver@example.org', role: 'worker', teamIds: [teamId] });
    const api = await login(h.url, 'leaver@example.org');
    await revokeUser(h.server.store, 'leaver@example.org');
    expect(await errorOf(await api.get('/api/sync/v1/cases/0/pull'))).toMatchObject({ status: 401, code: 'user-revoked', details: { wipe: true } });
    const again = await postJson(h.url, '/api/auth/login', { email: 'leaver@example.org', password: PASSWORD, deviceId: 'x' });
    expect(again.status).toBe(401);
  });

  it('[A2][B2] a kiosk enrols with a one-time code and can read nothing personal', async () => {
    const auth = new AuthService(h.server.store, { tokenTtlDays: 30, loginFailuresPerAccount: 10, loginFailuresPerAddress: 30 });
    const { code } = await enrolKiosk(h.server.store, 'Reception', auth);
    const res = await postJson(h.url, '/api/auth/enrol', { code: code.toLowerCase(), deviceId: 'kiosk-1', deviceName: 'Front desk' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; device: unknown };
    expect(body.device).toEqual({ id: 'kiosk-1', name: 'Front desk', role: 'kiosk' });
    const reuse = await postJson(h.url, '/api/auth/enrol', { code, deviceId: 'kiosk-2' });
    expect(await errorOf(reuse)).toMatchObject({ status: 401, code: 'invalid-code' });
    const kiosk = client(h.url, body.token);
    expect(await (await kiosk.get('/api/me')).json()).toMatchObject({ user: { role: 'kiosk', name: 'Reception' }, device: { role: 'kiosk' } });
    expect(await kiosk.pull('clients')).toEqual({ documents: [], checkpoint: { seq: 0 } });
    expect(await errorOf(await kiosk.get('/api/directory'))).toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('[A1] the directory lists names, roles and teams only', async () => {
    const api = await login(h.url, 'ann@example.org');
    const dir = (await (await api.get('/api/directory')).json()) as { teams: unknown[]; users: Record<string, unknown>[] };
    expect(dir.teams).toContainEqual({ id: teamId, name: 'North' });
    const ann = dir.users.find((u) => u.name === 'Ann');
    expect(ann).toEqual({ id: expect.any(String) as unknown, name: 'Ann', role: 'worker', teamIds: [teamId] });
    expect(dir.users.some((u) => u.role === 'kiosk')).toBe(false);
  });
});

describe.each(adapters())('login rate limits ($name)', (adapter) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(adapter, { loginFailuresPerAccount: 3, loginFailuresPerAddress: 5 });
    await addUser(h.server, { email: 'target@example.org', role: 'worker' });
    await addUser(h.server, { email: 'other@example.org', role: 'worker' });
  });

  afterAll(async () => {
    await h.close();
  });

  const attempt = (email: string, password: string) => postJson(h.url, '/api/auth/login', { email, password, deviceId: 'rl' });

  it('[B2] repeated failures lock the account (429 with Retry-After), even for the right password', async () => {
    for (let i = 0; i < 3; i++) expect((await attempt('target@example.org', 'wrong')).status).toBe(401);
    const locked = await attempt('target@example.org', PASSWORD);
    expect(await errorOf(locked)).toMatchObject({ status: 429, code: 'rate-limited' });
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(60);
    expect((await attempt('other@example.org', PASSWORD)).status).toBe(200);
  });

  it('[B2] repeated failures from one address lock that address across accounts', async () => {
    for (let i = 0; i < 2; i++) expect((await attempt(`nobody${i}@example.org`, 'wrong')).status).toBe(401);
    expect(await errorOf(await attempt('other@example.org', PASSWORD))).toMatchObject({ status: 429, code: 'rate-limited' });
  });
});

describe.each(adapters())('deviceKeySecret ($name)', (adapter) => {
  let h: Awaited<ReturnType<typeof startHarness>>;

  beforeAll(async () => {
    h = await startHarness(adapter);
    await addUser(h.server, { email: 'cat@example.org', name: 'Cat', role: 'worker', teamIds: [] });
    await addUser(h.server, { email: 'dan@example.org', name: 'Dan', role: 'worker', teamIds: [] });
  });

  afterAll(async () => {
    await h.close();
  });

  async function secretOf(email: string, deviceId: string): Promise<string | undefined> {
    const res = await postJson(h.url, '/api/auth/login', { email, password: PASSWORD, deviceId });
    expect(res.status).toBe(200);
    return ((await res.json()) as { deviceKeySecret?: string }).deviceKeySecret;
  }

  it('[A4] is stable per user and device, differs across devices and users, and is never the token', async () => {
    const first = await secretOf('cat@example.org', 'shared-tab');
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await secretOf('cat@example.org', 'shared-tab')).toBe(first);
    expect(await secretOf('cat@example.org', 'other-tab')).not.toBe(first);
    expect(await secretOf('dan@example.org', 'shared-tab')).not.toBe(first);
  });

  it('[A4] another server on the same DATA_DIR gives the same secret: the key file is created once, owner-only', async () => {
    const before = await secretOf('cat@example.org', 'restart-tab');
    const file = path.join(h.storage.dataDir ?? '', KEY_SECRET_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const second = await startServer(testConfig(h.storage));
    try {
      const res = await postJson(second.url, '/api/auth/login', { email: 'cat@example.org', password: PASSWORD, deviceId: 'restart-tab' });
      expect(((await res.json()) as { deviceKeySecret?: string }).deviceKeySecret).toBe(before);
    } finally {
      await second.close();
    }
  });

  it('[A4] RESONANCE_KEY_SECRET replaces the key file, and a short one is a configuration error', () => {
    const a = loadConfig({ RESONANCE_KEY_SECRET: 'x'.repeat(40) });
    expect(a.ok && a.value.keySecret).toBe('x'.repeat(40));
    const b = loadConfig({ RESONANCE_KEY_SECRET: 'short' });
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.message).toContain('RESONANCE_KEY_SECRET must be at least 32 characters');
  });

  it('[A4] a revoked device or switched-off user gets no deviceKeySecret, only the wipe error', async () => {
    await secretOf('dan@example.org', 'dan-lost-tab');
    await h.server.store.revokeDevice('dan-lost-tab');
    const res = await postJson(h.url, '/api/auth/login', { email: 'dan@example.org', password: PASSWORD, deviceId: 'dan-lost-tab' });
    const text = await res.text();
    expect(res.status).toBe(401);
    expect(text).toContain('device-revoked');
    expect(text).not.toContain('deviceKeySecret');
    await revokeUser(h.server.store, 'dan@example.org');
    const off = await postJson(h.url, '/api/auth/login', { email: 'dan@example.org', password: PASSWORD, deviceId: 'dan-new-tab' });
    expect(off.status).toBe(401);
    expect(await off.text()).not.toContain('deviceKeySecret');
  });
});
