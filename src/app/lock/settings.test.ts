/** The idle-lock setting: the coordinator's value when the server gives a sane one, cached per user; 5 minutes otherwise. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '#sync/session';
import { cachedIdleMinutes, DEFAULT_IDLE_LOCK_MINUTES, refreshIdleMinutes } from './settings';

const map = new Map<string, string>();
Object.assign(globalThis, {
  localStorage: { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) },
});

const session = (id: string): Session => ({ token: 't', user: { id, name: id, role: 'worker', teams: [] }, deviceId: 'd', signedInAt: '' });
const answer = (status: number, body: unknown): typeof fetch => () => Promise.resolve(new Response(JSON.stringify(body), { status }));

describe('idle lock minutes', () => {
  beforeEach(() => map.clear());

  it('is 5 minutes until the server has said otherwise', () => {
    expect(cachedIdleMinutes('u1')).toBe(DEFAULT_IDLE_LOCK_MINUTES);
  });

  it("takes the coordinator's value and keeps it per user for offline starts", async () => {
    expect(await refreshIdleMinutes(session('u1'), answer(200, { idleLockMinutes: 12 }))).toBe(12);
    expect(cachedIdleMinutes('u1')).toBe(12);
    expect(cachedIdleMinutes('u2')).toBe(DEFAULT_IDLE_LOCK_MINUTES);
  });

  it('ignores a failed request, a refusal and nonsense values, keeping what it had', async () => {
    await refreshIdleMinutes(session('u1'), answer(200, { idleLockMinutes: 10 }));
    const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await refreshIdleMinutes(session('u1'), offline)).toBe(10);
    expect(await refreshIdleMinutes(session('u1'), answer(403, { error: { code: 'forbidden' } }))).toBe(10);
    for (const bad of [0, -3, 1e9, '7', null, Number.NaN]) {
      expect(await refreshIdleMinutes(session('u1'), answer(200, { idleLockMinutes: bad }))).toBe(10);
    }
    map.set('resonance.settings.u3', '{broken');
    expect(cachedIdleMinutes('u3')).toBe(DEFAULT_IDLE_LOCK_MINUTES);
  });
});
