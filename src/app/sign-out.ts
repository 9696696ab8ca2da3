/**
 * Signing out on a shared tablet: stop sync, tell the server (best effort), drop the key, close the
 * database, and go to the list of people on this tablet. Local data is never deleted: unsynced records
 * stay in this user's own database and sync when they next sign in (online, which unwraps their key).
 */
import { signOut } from '#sync/session';
import { markSignedOut } from '#sync/profiles';
import type { AppData } from '../features/common/data';
import { clearGrant, flagLocked } from './lock/grant';

/**
 * Longest we wait for sync to stop or the server to hear the sign-out. On a flaky connection a
 * request can hang for a minute; the session is already forgotten locally before the request, so a
 * person is never kept waiting for the network to leave.
 */
const STEP_TIMEOUT_MS = 3_000;

function withTimeout(work: Promise<unknown>, ms: number): Promise<unknown> {
  return Promise.race([work.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, ms))]);
}

export async function signOutOfDevice({ db, sync, session }: AppData): Promise<void> {
  markSignedOut(localStorage, session.user.id);
  flagLocked();
  await withTimeout(clearGrant(), STEP_TIMEOUT_MS);
  await withTimeout(sync.stop(), STEP_TIMEOUT_MS);
  await withTimeout(signOut(session), STEP_TIMEOUT_MS);
  await withTimeout(db.close(), STEP_TIMEOUT_MS);
  window.location.replace('/');
}
