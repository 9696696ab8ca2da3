/**
 * Hooks for the online-only management screens: the signed-in coordinator's API options, and a
 * load-on-mount reader with loading / ready / failed states and a reload (after a change, or when
 * the connection comes back).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiOptions } from '#sync/api';
import { useData } from '../common/data';
import { AdminCallError } from './api';

export function useAdminApi(): ApiOptions {
  const { session } = useData();
  return useMemo(() => ({ baseUrl: '', token: session.token, fetch: globalThis.fetch.bind(globalThis) }), [session.token]);
}

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'ready'; data: T }
  | { state: 'failed'; message: string; offline: boolean };

export function useServerData<T>(load: (api: ApiOptions) => Promise<T>, deps: readonly unknown[]): [Loaded<T>, () => void] {
  const api = useAdminApi();
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  useEffect(() => {
    let live = true;
    load(api).then(
      (data) => {
        if (live) setLoaded({ state: 'ready', data });
      },
      (e: unknown) => {
        if (!live) return;
        if (e instanceof AdminCallError) setLoaded({ state: 'failed', message: e.message, offline: e.offline });
        else setLoaded({ state: 'failed', message: 'Something went wrong. Try again in a minute.', offline: false });
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists load's inputs
  }, [api, round, ...deps]);
  // Coming back online is the moment an offline screen can work: load again.
  useEffect(() => {
    window.addEventListener('online', reload);
    return () => window.removeEventListener('online', reload);
  }, [reload]);
  return [loaded, reload];
}
