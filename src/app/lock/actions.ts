/**
 * Leaving the unlocked app on a shared tablet: lock (idle or by hand), quick exit, switch user, and
 * finishing an unlock. Locking drops the key (the unlock grant), stops sync and closes the database,
 * then reloads to the PIN screen, so nothing of this user's data stays in the page.
 */
import { lockedCopy } from '#sync/keys';
import { setActiveUser } from '#sync/profiles';
import type { AppData } from '../../features/common/data';
import { clearGrant, flagLocked, GRANT_LEASE_MS, saveGrant } from './grant';
import { cachedIdleMinutes } from './settings';

/**
 * Quick exit goes to the BBC weather page: an ordinary, common page to have open, on a different site,
 * so the address bar shows nothing about Resonance. Offline, the browser's own "no connection" page
 * shows instead, which is just as neutral.
 */
export const QUICK_EXIT_URL = 'https://www.bbc.co.uk/weather';

/** Longest a step may hold up locking; the lock flag is already set before any of them. */
const STEP_MS = 3_000;

function withTimeout(work: Promise<unknown>, ms = STEP_MS): Promise<unknown> {
  return Promise.race([work.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, ms))]);
}

/** Stops sync and closes the database (each step bounded), after the key is dropped. */
async function closeData(data: AppData | null): Promise<void> {
  flagLocked();
  await withTimeout(clearGrant());
  if (!data) return;
  await withTimeout(data.sync.stop());
  await withTimeout(data.db.close());
}

export async function lockApp(data: AppData | null): Promise<void> {
  await closeData(data);
  window.location.reload();
}

/** "Not you? Switch user": lock, and start at the list of people on this tablet. */
export async function switchUser(data: AppData | null): Promise<void> {
  setActiveUser(localStorage, null);
  await closeData(data);
  window.location.replace('/');
}

/**
 * One tap: the page is replaced at once (no Back into Resonance), and the app is locked. The lock flag
 * is set synchronously first, so the app is locked even if the page goes before the rest finishes.
 */
export function quickExit(): void {
  flagLocked();
  void clearGrant().catch(() => undefined);
  window.location.replace(QUICK_EXIT_URL);
}

/** After a PIN or online sign-in: keep a non-extractable copy of the key until idle, then open the app. */
export async function finishUnlock(userId: string, key: CryptoKey): Promise<void> {
  setActiveUser(localStorage, userId);
  const now = Date.now();
  await saveGrant({ userId, key: await lockedCopy(key), expiresAt: now + cachedIdleMinutes(userId) * 60_000, leaseUntil: now + GRANT_LEASE_MS });
  window.location.reload();
}
