/**
 * Signing out on a shared tablet: stop sync, forget the session (and tell the server, best effort),
 * close the database, and reload to the sign-in page. Local data is never deleted: unsynced records
 * stay in this user's own database and sync when they next sign in.
 */
import { signOut } from '#sync/session';
import type { AppData } from '../features/common/data';

/**
 * Longest we wait for sync to stop or the server to hear the sign-out. On a flaky connection a
 * request can hang for a minute; the session is already cleared locally before the request, so a
 * person is never kept waiting for the network to leave.
 */
const STEP_TIMEOUT_MS = 3_000;

function withTimeout(work: Promise<unknown>, ms: number): Promise<unknown> {
  return Promise.race([work.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, ms))]);
}

export async function signOutOfDevice({ db, sync }: AppData): Promise<void> {
  await withTimeout(sync.stop(), STEP_TIMEOUT_MS);
  await withTimeout(signOut(localStorage), STEP_TIMEOUT_MS);
  await withTimeout(db.close(), STEP_TIMEOUT_MS);
  window.location.replace('/');
}
