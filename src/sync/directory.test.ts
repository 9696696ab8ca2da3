/** The people directory: cached per user, fetched at start when stale, refreshed after good rounds at most every 10 minutes. */
import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { DIRECTORY_REFRESH_MS, directoryKey, readCachedDirectory, startDirectory, type Directory } from './directory';
import { statusOf, type SyncStatus } from './status';

const BODY = {
  teams: [{ id: 't1', name: 'Street Outreach' }],
  users: [{ id: 'u1', name: 'Sam Whitfield', role: 'worker', teamIds: ['t1'] }, { id: 42 }],
};

function setUp(options: { cached?: Directory; fail?: boolean } = {}) {
  let clock = Date.parse('2025-03-05T10:00:00.000Z');
  const map = new Map<string, string>();
  if (options.cached) map.set(directoryKey('u1'), JSON.stringify(options.cached));
  const store = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
  const calls: string[] = [];
  const fetchImpl = (url: string, init?: RequestInit): Promise<Response> => {
    calls.push(`${url} ${new Headers(init?.headers).get('authorization') ?? ''}`);
    if (options.fail) return Promise.reject(new TypeError('offline'));
    return Promise.resolve(new Response(JSON.stringify(BODY), { status: 200 }));
  };
  const status$ = new Subject<SyncStatus>();
  const controller = startDirectory({
    api: { baseUrl: 'http://server', token: 'tok', fetch: fetchImpl as unknown as typeof fetch },
    store,
    userId: 'u1',
    status$,
    now: () => clock,
  });
  const latest = () => {
    let value: Directory | null = null;
    controller.directory$.subscribe((d) => (value = d)).unsubscribe();
    return value as Directory | null;
  };
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { controller, calls, status$, map, store, latest, settle, advance: (ms: number) => (clock += ms) };
}

describe('people directory', () => {
  it('fetches at start with the bearer token, keeps well-formed entries and caches them per user', async () => {
    const t = setUp();
    await t.settle();
    expect(t.calls).toEqual(['http://server/api/directory Bearer tok']);
    expect(t.latest()?.users).toEqual([{ id: 'u1', name: 'Sam Whitfield', role: 'worker', teamIds: ['t1'] }]);
    expect(readCachedDirectory(t.store, 'u1')?.teams).toEqual([{ id: 't1', name: 'Street Outreach' }]);
    t.controller.stop();
  });

  it('shows the cached copy at once and does not refetch it while fresh (works offline)', async () => {
    const cached: Directory = { teams: [], users: [{ id: 'u2', name: 'Aisha Rahman', role: 'worker', teamIds: [] }], fetchedAt: '2025-03-05T09:55:00.000Z' };
    const t = setUp({ cached, fail: true });
    expect(t.latest()?.users[0]?.name).toBe('Aisha Rahman');
    t.status$.next(statusOf('up-to-date', null));
    await t.settle();
    expect(t.calls).toEqual([]);
    t.controller.stop();
  });

  it('refreshes after a successful round at most every 10 minutes', async () => {
    const t = setUp();
    await t.settle();
    t.status$.next(statusOf('syncing', null));
    t.status$.next(statusOf('up-to-date', null));
    await t.settle();
    expect(t.calls).toHaveLength(1);
    t.advance(DIRECTORY_REFRESH_MS);
    t.status$.next(statusOf('syncing', null));
    t.status$.next(statusOf('up-to-date', null));
    await t.settle();
    expect(t.calls).toHaveLength(2);
    t.controller.stop();
  });

  it('keeps the cached copy when a fetch fails', async () => {
    const cached: Directory = { teams: [], users: [{ id: 'u2', name: 'Aisha Rahman', role: 'worker', teamIds: [] }], fetchedAt: '2025-03-01T00:00:00.000Z' };
    const t = setUp({ cached, fail: true });
    await t.settle();
    expect(t.calls).toHaveLength(1);
    expect(t.latest()?.users[0]?.name).toBe('Aisha Rahman');
    t.controller.stop();
  });
});
