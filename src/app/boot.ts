/**
 * Opening an unlocked user's data: their own local database on this shared tablet (with their data
 * key for encrypted fields), then sync in the background. Replication starts only once the database
 * is open (D1), and nothing here waits for the network: the caseload renders from local data at once.
 * When sync says a coordinator revoked this tablet (A4), this user's local data is wiped and the page
 * says why (src/app/lock/wipe.ts). Storage failures while opening come back as StorageError
 * (src/db/errors.ts) for the shell to show; they are never swallowed.
 */
import { of } from 'rxjs';
import { openDatabase, type ResonanceDatabase } from '#db/database';
import { classifyStorageError, type StorageError } from '#db/errors';
import { startDirectory } from '#sync/directory';
import { startSync } from '#sync/engine';
import type { Session } from '#sync/session';
import type { AppData } from '../features/common/data';
import { databaseName } from './lock/names';
import { wipeUser } from './lock/wipe';

export type OpenResult = { ok: true; data: AppData } | { ok: false; error: StorageError; userId: string };

export { databaseName } from './lock/names';

export async function openUserData(session: Session, dataKey: CryptoKey): Promise<OpenResult> {
  try {
    // The user's data key (unwrapped by their PIN or an online sign-in) seals sensitive fields at rest.
    const db = await openDatabase({ name: databaseName(session.user.id), devMode: import.meta.env.DEV, userId: session.user.id, encryptionKey: dataKey });
    // For benchmarks: how much of a cold start is opening the database (read with performance.getEntriesByName).
    performance.mark('resonance:db-opened');
    let wiping = false;
    const onDeviceRevoked = () => {
      if (wiping) return;
      wiping = true;
      void revokedWipe(session, db, sync);
    };
    const sync = startSync(db, session, { window, document, store: localStorage, onDeviceRevoked });
    // Staff and team names for "assigned to" and conflicts: cached per user, refreshed after good syncs.
    // A kiosk may not read the directory (the server answers 403), so it never asks.
    const directory =
      session.user.role === 'kiosk'
        ? { directory$: of(null), current: () => null }
        : startDirectory({ api: { baseUrl: '', token: session.token, fetch: fetch.bind(globalThis) }, store: localStorage, userId: session.user.id, status$: sync.status$ });
    return { ok: true, data: { db, session, sync, directory } };
  } catch (e) {
    return { ok: false, error: classifyStorageError(e), userId: session.user.id };
  }
}

/** A4: stop sync, remove this user's database and keys, then show the revocation page. */
async function revokedWipe(session: Session, db: ResonanceDatabase, sync: { stop(): Promise<void> }): Promise<void> {
  try {
    await Promise.race([sync.stop().catch(() => undefined), new Promise((r) => setTimeout(r, 3_000))]);
    await wipeUser(session.user.id, session.user.name, db);
  } finally {
    window.location.replace('/');
  }
}
