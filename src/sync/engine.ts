/**
 * Starts and supervises sync for one signed-in user's database (sync.md D1-D5):
 * - replication of every synced collection (replicate.ts), started after the database is open;
 *   app start never waits for it (D1);
 * - sync attempted at start, on `online`, when the app becomes visible, after local writes (RxDB's
 *   live push), on each stream poke, and on a slow safety timer (D2);
 * - one plain-language status (D5) derived from the replications' activity and errors.
 */
import { BehaviorSubject, merge } from 'rxjs';
import type { ResonanceDatabase } from '#db/database';
import { COLLECTION_NAMES, isCollectionName, type CollectionName } from '#shared/schemas/index';
import { isSyncErrorCode, SyncError, type ApiOptions } from './api';
import type { SyncController } from './controller';
import { runLiveStream } from './live';
import { replicateCollection, RETRY_MS, type CollectionReplication } from './replicate';
import type { Session } from './session';
import { statusOf, type SyncStatus } from './status';

/** Safety-net pull for anything a missed poke left behind; rare enough to cost nothing. */
export const SAFETY_INTERVAL_MS = 5 * 60_000;
/** Coalesces bursts of triggers (online + visible + poke at once) into one round. */
export const TRIGGER_DEBOUNCE_MS = 250;

export interface SyncOptions {
  /** Server origin; '' means the page's own origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Where the time of the last good sync is kept across restarts. */
  store?: Pick<Storage, 'getItem' | 'setItem'>;
  /** Called once when the server says this device was revoked (A4). */
  onDeviceRevoked?: () => void;
  /** How long RxDB waits before retrying a failed round (tests shorten it). */
  retryMs?: number;
  /** Browser events; absent in Node tests. */
  window?: Pick<Window, 'addEventListener' | 'removeEventListener'> & { navigator?: { onLine: boolean } };
  document?: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>;
}

export interface EngineController extends SyncController {
  /** Resolves when every collection has pushed its local changes and pulled to the end. */
  awaitInSync(): Promise<void>;
}

/**
 * RxDB wraps handler errors (RC_PULL, RC_PUSH) with the originals in `parameters.errors`, turned into
 * plain JSON (`{name, message, code}`), so a SyncError arrives without its class: rebuild it by name.
 */
export function toSyncError(e: unknown): SyncError {
  if (e instanceof SyncError) return e;
  const plain = (e ?? {}) as { name?: unknown; message?: unknown; code?: unknown; parameters?: { errors?: unknown[]; error?: unknown } };
  const inner = plain.parameters?.errors?.[0] ?? plain.parameters?.error;
  if (inner) return toSyncError(inner);
  const message = typeof plain.message === 'string' ? plain.message : String(e);
  if (plain.name === 'SyncError' && typeof plain.code === 'string' && isSyncErrorCode(plain.code)) return new SyncError(plain.code, message);
  return new SyncError('server', message);
}

export function startSync(db: ResonanceDatabase, session: Session, options: SyncOptions = {}): EngineController {
  const online = () => options.window?.navigator?.onLine ?? true;
  const api: ApiOptions = { baseUrl: options.baseUrl ?? '', token: session.token, fetch: options.fetch ?? globalThis.fetch.bind(globalThis), online };
  const lastKey = `resonance.lastSyncedAt.${session.user.id}`;
  let lastSyncedAt = options.store?.getItem(lastKey) ?? null;
  const status$ = new BehaviorSubject<SyncStatus>(statusOf(online() ? 'syncing' : 'offline', lastSyncedAt));
  let fatal: SyncError | null = null;
  let roundError: SyncError | null = null;

  const replications = new Map<CollectionName, CollectionReplication>();
  for (const name of COLLECTION_NAMES) replications.set(name, replicateCollection(db, name, api, options.retryMs ?? RETRY_MS));
  const states = [...replications.values()].map((r) => r.state);

  const set = (next: SyncStatus) => {
    const cur = status$.value;
    if (cur.state !== next.state || cur.message !== next.message || cur.lastSyncedAt !== next.lastSyncedAt) status$.next(next);
  };

  function stopReplication(): void {
    live.stop();
    for (const s of states) void s.cancel();
  }

  function onError(raw: unknown): void {
    const err = toSyncError(raw);
    roundError = err;
    if (err.code === 'offline' || !online()) return set(statusOf('offline', lastSyncedAt));
    if (err.code === 'unauthenticated') return goFatal(err, 'needs-sign-in');
    if (err.code === 'device-revoked') {
      goFatal(err, 'device-revoked');
      options.onDeviceRevoked?.();
      return;
    }
    if (err.code === 'update-required') return goFatal(err, 'update-required');
    set(statusOf('error', lastSyncedAt, `Sync failed: ${err.message} Your work is safe on this device; Resonance will try again shortly.`));
  }

  function goFatal(err: SyncError, state: 'needs-sign-in' | 'device-revoked' | 'update-required'): void {
    if (fatal) return;
    fatal = err;
    stopReplication();
    set(statusOf(state, lastSyncedAt));
  }

  // RxDB's active$ comes from a BehaviorSubject; its subject gives every replication's current value.
  const anyActive = () => states.some((s) => s.subjects.active.getValue());
  // The first round (push everything, pull to the end) must finish before the device may say it is
  // up to date: until then an idle moment only means no request is in flight yet.
  let firstRoundDone = false;
  const evaluate = () => {
    if (fatal) return;
    if (!firstRoundDone || anyActive()) {
      set(statusOf(online() ? 'syncing' : 'offline', lastSyncedAt));
      return;
    }
    if (roundError || !online()) return;
    lastSyncedAt = new Date().toISOString();
    options.store?.setItem(lastKey, lastSyncedAt);
    set(statusOf('up-to-date', lastSyncedAt));
  };
  const subs = [merge(...states.map((s) => s.error$)).subscribe(onError), merge(...states.map((s) => s.subjects.active)).subscribe(evaluate)];
  void Promise.all(states.map((s) => s.awaitInitialReplication())).then(() => {
    firstRoundDone = true;
    evaluate();
  }, () => undefined);

  let debounce: ReturnType<typeof setTimeout> | null = null;
  function syncNow(): void {
    if (fatal) return;
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(() => {
      debounce = null;
      roundError = null;
      if (!online()) return set(statusOf('offline', lastSyncedAt));
      for (const r of replications.values()) r.resync$.next('RESYNC');
    }, TRIGGER_DEBOUNCE_MS);
  }

  const live = runLiveStream(api, {
    // On a reconnect, pokes may have been missed: pull again. During the first round the initial pull
    // is already reading to the end, and a RESYNC on top makes RxDB re-check every page (measured:
    // it doubled a 10,000-document first sync), so it is skipped then.
    onConnect: () => {
      if (firstRoundDone) syncNow();
    },
    onPoke: (collection) => {
      if (isCollectionName(collection)) replications.get(collection)?.resync$.next('RESYNC');
    },
    onFatal: (e) => onError(e),
  });

  // While the browser says it is offline the replications are paused (and every request fails at
  // once untried, ApiOptions.online): each local write would otherwise start a push that can only
  // fail, and that push, its error and its retries ran on the main thread in the very frames that
  // draw the saved visit. `online` starts them again, which re-syncs both ways from the stored
  // checkpoints. RxDB starts them itself when the page becomes visible, so that pauses them again.
  const pauseAll = () => {
    for (const s of states) void s.pause();
  };
  if (!online()) pauseAll();
  const onOnline = () => {
    for (const s of states) void s.start();
    live.reconnectNow();
    syncNow();
  };
  const onOffline = () => {
    pauseAll();
    set(statusOf('offline', lastSyncedAt));
  };
  const onVisible = () => {
    if (options.document?.visibilityState !== 'visible') return;
    if (online()) syncNow();
    else pauseAll();
  };
  options.window?.addEventListener('online', onOnline);
  options.window?.addEventListener('offline', onOffline);
  options.document?.addEventListener('visibilitychange', onVisible);
  const safety = setInterval(syncNow, SAFETY_INTERVAL_MS);

  return {
    status$: status$.asObservable(),
    syncNow,
    async awaitInSync() {
      await Promise.all(states.map((s) => s.awaitInSync()));
    },
    async stop() {
      clearInterval(safety);
      if (debounce) clearTimeout(debounce);
      options.window?.removeEventListener('online', onOnline);
      options.window?.removeEventListener('offline', onOffline);
      options.document?.removeEventListener('visibilitychange', onVisible);
      for (const sub of subs) sub.unsubscribe();
      live.stop();
      await Promise.all(states.map((s) => s.cancel()));
      status$.complete();
    },
  };
}
