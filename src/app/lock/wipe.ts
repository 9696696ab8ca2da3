/**
 * Revocation wipe (A4): when sync says a coordinator revoked this tablet (or the account), remove
 * that user's local database, their wrapped keys and sealed session, cached directory and settings,
 * and the unlock grant; then show a plain page saying why (a one-time notice kept in localStorage).
 * Also discarding one user's records that no key here opens any more (discardLocalRecords).
 */
import type { ResonanceDatabase } from '#db/database';
import { directoryKey } from '#sync/directory';
import { removeProfile } from '#sync/profiles';
import { forgetStoredHead } from '../../features/caseload/head';
import { databaseName } from './names';
import { clearGrant, flagLocked } from './grant';
import { forgetSettings } from './settings';

const NOTICE_KEY = 'resonance.revokedNotice';

export async function wipeUser(userId: string, name: string, db: ResonanceDatabase | null): Promise<void> {
  flagLocked();
  localStorage.setItem(NOTICE_KEY, JSON.stringify({ name }));
  removeProfile(localStorage, userId);
  forgetSettings(userId);
  localStorage.removeItem(directoryKey(userId));
  await clearGrant().catch(() => undefined);
  await discardLocalRecords(userId, db);
}

/**
 * This user's local database (records, outbox, checkpoints) and what describes it (the caseload's
 * stored head, the last sync time), gone: after a revocation, or when the person starts again on this
 * tablet without the key that sealed them (src/features/session/RecoverPinPage.tsx). The next sync
 * fills a new database from the server.
 */
export async function discardLocalRecords(userId: string, db: ResonanceDatabase | null): Promise<void> {
  localStorage.removeItem(`resonance.lastSyncedAt.${userId}`);
  forgetStoredHead(databaseName(userId));
  // Clears every collection's storage of this user's database (records, outbox, checkpoints)...
  if (db) await db.remove().catch(() => undefined);
  // ...and deletes the emptied IndexedDB databases too: RxDB's Dexie storage only clears their tables.
  await deleteIndexedDbs(`rxdb-dexie-${databaseName(userId)}--`);
}

async function deleteIndexedDbs(prefix: string): Promise<void> {
  const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith(prefix));
  await Promise.all(
    names.map(
      (name) =>
        new Promise<void>((resolve) => {
          const req = indexedDB.deleteDatabase(name);
          req.onsuccess = req.onerror = req.onblocked = () => resolve();
        }),
    ),
  );
}

export function readRevokedNotice(): { name: string | null } | null {
  const raw = localStorage.getItem(NOTICE_KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as { name?: unknown };
    return { name: typeof parsed.name === 'string' ? parsed.name : null };
  } catch {
    return { name: null };
  }
}

export function dismissRevokedNotice(): void {
  localStorage.removeItem(NOTICE_KEY);
}
