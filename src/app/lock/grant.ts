/**
 * The unlock grant: while a user is unlocked, a non-extractable copy of their data key kept in a
 * small IndexedDB database so a reload or a second tab opens without the PIN again. It expires after
 * the idle period (renewed while the person is active), and GRANT_LEASE_MS after the last open page
 * of the app stopped renewing its lease (useGrantLease): a browser closed while unlocked asks for the
 * PIN again two minutes later, not at the end of the idle period. It is deleted by locking, quick
 * exit, switching user and sign-out, and is ignored whenever the synchronous lock flag in
 * localStorage is set (quick exit sets it before leaving, so even an interrupted delete cannot leave
 * the app open).
 */
const DB_NAME = 'resonance-unlock';
const STORE = 'grant';
const ID = 'current';
const LOCK_FLAG = 'resonance.locked';

/** How long a grant outlives the last open page of the app: a reload or a new tab fits well inside. */
export const GRANT_LEASE_MS = 2 * 60_000;
/** How often an open page renews the lease: a hidden tab's timers may run only once a minute. */
export const GRANT_LEASE_RENEW_MS = 30_000;

export interface Grant {
  userId: string;
  key: CryptoKey;
  /** The idle period's end (renewed on activity). */
  expiresAt: number;
  /** The lease's end: renewed by every open, unlocked page (useGrantLease). */
  leaseUntil: number;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('The unlock store could not open'));
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? new Error('The unlock store failed'));
      tx.onabort = () => reject(tx.error ?? new Error('The unlock store failed'));
    });
  } finally {
    db.close();
  }
}

export async function saveGrant(grant: Grant): Promise<void> {
  await run('readwrite', (s) => s.put(grant, ID));
  localStorage.removeItem(LOCK_FLAG);
}

function readGrant(): Promise<Grant | undefined> {
  return run<Grant | undefined>('readonly', (s) => s.get(ID) as IDBRequest<Grant | undefined>);
}

/** This user's, with its idle period still running and a real key. */
function usable(grant: Grant, userId: string, now: number): boolean {
  return grant.userId === userId && grant.expiresAt > now && grant.key instanceof CryptoKey;
}

/**
 * The live grant for this user at start-up, or null (an expired, lapsed or flagged grant is deleted on
 * the way). A grant from before leases has none: it counts as lapsed, and the PIN is asked for once.
 */
export async function loadGrant(userId: string, now = Date.now()): Promise<Grant | null> {
  if (localStorage.getItem(LOCK_FLAG)) {
    await clearGrant();
    return null;
  }
  const grant = await readGrant();
  if (!grant) return null;
  const leased = typeof grant.leaseUntil === 'number' && grant.leaseUntil > now;
  if (!usable(grant, userId, now) || !leased) {
    await clearGrant();
    return null;
  }
  return grant;
}

/**
 * Renewal by a page that is open and unlocked. A lapsed lease is renewed too: that page (a tab the
 * system froze in the background, say) was unlocked all along. Only a start-up refuses a lapsed one.
 */
async function renew(userId: string, now: number, change: Pick<Grant, 'leaseUntil'> & Partial<Pick<Grant, 'expiresAt'>>): Promise<void> {
  if (localStorage.getItem(LOCK_FLAG)) return;
  const grant = await readGrant();
  if (grant && usable(grant, userId, now)) await run('readwrite', (s) => s.put({ ...grant, ...change }, ID));
}

/** Activity: a new end of the idle period (`expiresAt`), and of the lease. */
export function renewGrant(userId: string, expiresAt: number, now = Date.now()): Promise<void> {
  return renew(userId, now, { expiresAt, leaseUntil: now + GRANT_LEASE_MS });
}

/** An open, unlocked page is still here: the lease runs on, the idle period does not move. */
export function renewLease(userId: string, now = Date.now()): Promise<void> {
  return renew(userId, now, { leaseUntil: now + GRANT_LEASE_MS });
}

export async function clearGrant(): Promise<void> {
  await run('readwrite', (s) => s.delete(ID));
}

/** Synchronous: from this moment no page load uses the grant, even if deleting it never finishes. */
export function flagLocked(): void {
  localStorage.setItem(LOCK_FLAG, new Date().toISOString());
}
