/**
 * What every feature shares: the signed-in user's database, session, sync controller and people directory, provided
 * once by the app shell, and a hook that turns an RxDB query observable into React state.
 * Features import this folder only; they never import each other (lint enforces it).
 */
import { createContext, startTransition, useContext, useEffect, useState } from 'react';
import type { Observable } from 'rxjs';
import type { ResonanceDatabase } from '#db/database';
import type { SyncController } from '#sync/controller';
import type { DirectorySource } from '#sync/directory';
import type { Session } from '#sync/session';
import { followInBackground } from './background';

export interface AppData {
  db: ResonanceDatabase;
  session: Session;
  sync: SyncController;
  /** Names of teams and staff (src/sync/directory.ts); read with useDirectory(). */
  directory: DirectorySource;
}

export const DataContext = createContext<AppData | null>(null);

export function useData(): AppData {
  const value = useContext(DataContext);
  if (!value) throw new Error('useData() used outside the signed-in app shell');
  return value;
}

/**
 * Subscribes to an observable (usually `collection.find(...).$`) and returns its latest value,
 * `undefined` until the first emission. `deps` re-subscribes when they change.
 */
export function useObservable<T>(factory: () => Observable<T>, deps: readonly unknown[], initial?: () => T): T | undefined {
  // `initial`: the value the observable will emit first, when it can be read synchronously (a
  // BehaviorSubject's). The first render then has it, and the subscription's first emission,
  // being the same value, does not render again.
  return useLatest(factory, deps, initial, false);
}

/**
 * After its first value, a background observable's changes are drawn at most this often, the last
 * one at the end of the wait: a save writes the outbox before its visit, and the shell redrawn in
 * between held up the client page the save goes to by about 5 ms (a tenth of the save, issue 2).
 */
const BACKGROUND_DELAY_MS = 250;

/**
 * As useObservable, for what must not hold up what the person is waiting for: the first value at
 * once, later ones BACKGROUND_DELAY_MS after they change, each rendered as a transition, after
 * urgent updates. The shell's unsynced count changes with every save; drawn at once it re-renders
 * the whole frame just before the page the save navigates to.
 */
export function useBackgroundObservable<T>(factory: () => Observable<T>, deps: readonly unknown[]): T | undefined {
  return useLatest(factory, deps, undefined, true);
}

function useLatest<T>(factory: () => Observable<T>, deps: readonly unknown[], initial: (() => T) | undefined, background: boolean): T | undefined {
  const [value, setValue] = useState<T | undefined>(initial);
  useEffect(() => {
    if (background) return followInBackground(factory(), (next) => startTransition(() => setValue(next)), BACKGROUND_DELAY_MS);
    const sub = factory().subscribe(setValue);
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists the factory's inputs
  }, deps);
  return value;
}
