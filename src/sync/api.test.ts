import { describe, expect, it } from 'vitest';
import { apiFetch, toSyncError } from './api';

const envelope = (status: number, code: string, details: unknown = null) =>
  new Response(JSON.stringify({ error: { code, message: `Message for ${code}.`, details } }), { status, headers: { 'content-type': 'application/json' } });

describe('sync error decoding', () => {
  it('[A4] a revoked device or user (details.wipe) asks the device to wipe', async () => {
    expect((await toSyncError(envelope(401, 'device-revoked', { wipe: true }))).code).toBe('device-revoked');
    expect((await toSyncError(envelope(401, 'user-revoked', { wipe: true }))).code).toBe('device-revoked');
  });

  it('[D5] maps each answer to the state the user sees, keeping the server message', async () => {
    const expired = await toSyncError(envelope(401, 'unauthenticated'));
    expect(expired.code).toBe('unauthenticated');
    expect(expired.message).toBe('Message for unauthenticated.');
    expect((await toSyncError(envelope(426, 'schema-version-unsupported'))).code).toBe('update-required');
    expect((await toSyncError(envelope(429, 'rate-limited'))).code).toBe('rate-limited');
    expect((await toSyncError(envelope(500, 'internal'))).code).toBe('server');
    expect((await toSyncError(envelope(400, 'bad-request'))).code).toBe('rejected');
  });

  it('copes with a body that is not the envelope', async () => {
    const e = await toSyncError(new Response('<html>proxy error</html>', { status: 502 }));
    expect(e.code).toBe('server');
    expect(e.message).toContain('502');
  });
});

describe('requests while offline', () => {
  it('[D2] fail at once as offline, untried, while the browser says it has no network', async () => {
    let online = false;
    const tried: string[] = [];
    const api = {
      baseUrl: 'http://sync.example',
      token: 't',
      online: () => online,
      fetch: ((input: string) => {
        tried.push(input);
        return Promise.resolve(new Response('{}', { status: 200 }));
      }) as typeof fetch,
    };
    await expect(apiFetch(api, '/api/sync/v1/visits/0/pull')).rejects.toMatchObject({ name: 'SyncError', code: 'offline' });
    expect(tried).toEqual([]);
    online = true;
    await expect(apiFetch(api, '/api/sync/v1/visits/0/pull')).resolves.toBeInstanceOf(Response);
    expect(tried).toEqual(['http://sync.example/api/sync/v1/visits/0/pull']);
  });
});
