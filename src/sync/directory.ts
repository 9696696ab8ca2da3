/**
 * The people directory on this device: the names of teams and staff from `GET /api/directory`, so
 * screens can say "Aisha Rahman" instead of a user id. No React here; features read it through
 * src/features/common (useDirectory).
 *
 * - Cached in localStorage per signed-in user, so names show offline and from the first frame of a
 *   cold start.
 * - Fetched at start (that is, after sign-in: signing in reloads the app) when the cached copy is
 *   missing or older than DIRECTORY_REFRESH_MS, and after each successful sync round at most every
 *   DIRECTORY_REFRESH_MS. A failed fetch keeps the cached copy and is retried after a later good
 *   round, at most every DIRECTORY_RETRY_MS. Never throws.
 */
import { BehaviorSubject, type Observable, type Subscription } from 'rxjs';
import { apiJson, type ApiOptions } from './api';
import type { SyncStatus } from './status';

/** Names change rarely (a new starter, a renamed team); ten minutes is fresh enough and costs nothing. */
export const DIRECTORY_REFRESH_MS = 10 * 60_000;
/** After a failed fetch, the next good sync round may try again after this long. */
export const DIRECTORY_RETRY_MS = 60_000;

export interface DirectoryTeam {
  id: string;
  name: string;
}

export interface DirectoryUser {
  id: string;
  name: string;
  role: string;
  teamIds: string[];
}

export interface Directory {
  teams: DirectoryTeam[];
  users: DirectoryUser[];
  /** ISO time of the fetch this copy came from. */
  fetchedAt: string;
}

export interface DirectorySource {
  /** The latest directory; null until one has been fetched on this device for this user. */
  readonly directory$: Observable<Directory | null>;
  /** The latest directory now, so a first render can use it without waiting for a subscription. */
  current(): Directory | null;
}

export interface DirectoryController extends DirectorySource {
  /** Fetch now (ignoring the interval); resolves true when a fresh copy was stored. */
  refresh(): Promise<boolean>;
  stop(): void;
}

export const directoryKey = (userId: string): string => `resonance.directory.${userId}`;

const isString = (v: unknown): v is string => typeof v === 'string';

/** The server's answer (or the cached copy) checked field by field; anything malformed is dropped. */
export function parseDirectory(raw: unknown, fetchedAt: string): Directory | null {
  if (!raw || typeof raw !== 'object') return null;
  const body = raw as { teams?: unknown; users?: unknown };
  if (!Array.isArray(body.teams) || !Array.isArray(body.users)) return null;
  const teams = (body.teams as unknown[]).flatMap((t) => {
    const team = (t ?? {}) as Partial<DirectoryTeam>;
    return isString(team.id) && isString(team.name) ? [{ id: team.id, name: team.name }] : [];
  });
  const users = (body.users as unknown[]).flatMap((u) => {
    const user = (u ?? {}) as Partial<Record<keyof DirectoryUser, unknown>>;
    if (!isString(user.id) || !isString(user.name)) return [];
    const teamIds = Array.isArray(user.teamIds) ? (user.teamIds as unknown[]).filter(isString) : [];
    return [{ id: user.id, name: user.name, role: isString(user.role) ? user.role : '', teamIds }];
  });
  return { teams, users, fetchedAt };
}

export function readCachedDirectory(store: Pick<Storage, 'getItem'>, userId: string): Directory | null {
  const text = store.getItem(directoryKey(userId));
  if (!text) return null;
  try {
    const cached = JSON.parse(text) as { fetchedAt?: unknown };
    return isString(cached.fetchedAt) ? parseDirectory(cached, cached.fetchedAt) : null;
  } catch {
    return null;
  }
}

export interface DirectoryOptions {
  api: ApiOptions;
  store: Pick<Storage, 'getItem' | 'setItem'>;
  userId: string;
  /** The sync engine's status: each change to 'up-to-date' is a successful round. */
  status$: Observable<SyncStatus>;
  now?: () => number;
}

export function startDirectory(options: DirectoryOptions): DirectoryController {
  const now = options.now ?? Date.now;
  const directory$ = new BehaviorSubject<Directory | null>(readCachedDirectory(options.store, options.userId));
  let lastAttempt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<boolean> | null = null;

  const age = (): number => {
    const current = directory$.value;
    return current ? now() - new Date(current.fetchedAt).getTime() : Number.POSITIVE_INFINITY;
  };

  async function fetchOnce(): Promise<boolean> {
    lastAttempt = now();
    try {
      const { body } = await apiJson<unknown>(options.api, '/api/directory');
      const fresh = parseDirectory(body, new Date(now()).toISOString());
      if (!fresh) return false;
      try {
        options.store.setItem(directoryKey(options.userId), JSON.stringify(fresh));
      } catch {
        // A full localStorage only costs the offline copy; the names still show this session.
      }
      directory$.next(fresh);
      return true;
    } catch {
      // Offline, signed out or a server problem: keep what we have; the sync status says the rest.
      return false;
    }
  }

  function refresh(): Promise<boolean> {
    inFlight ??= fetchOnce().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  function refreshIfDue(): void {
    if (age() < DIRECTORY_REFRESH_MS || now() - lastAttempt < DIRECTORY_RETRY_MS) return;
    void refresh();
  }

  refreshIfDue();
  let previous: SyncStatus['state'] | null = null;
  const sub: Subscription = options.status$.subscribe((status) => {
    if (status.state === 'up-to-date' && previous !== 'up-to-date') refreshIfDue();
    previous = status.state;
  });

  return {
    directory$: directory$.asObservable(),
    current: () => directory$.value,
    refresh,
    stop() {
      sub.unsubscribe();
      directory$.complete();
    },
  };
}
