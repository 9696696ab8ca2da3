/**
 * The unlock grant: while a user is unlocked, a non-extractable copy of their data key kept in a
 * small IndexedDB database so a reload or a second tab opens without the PIN again. It expires after
 * the idle period (renewed while the person is active), is deleted by locking, quick exit, switching
 * user and sign-out, and is ignored whenever the synchronous lock flag in localStorage is set (quick
 * exit sets it before leaving, so even an interrupted delete cannot leave the app open).
 */
const DB_NAME = 'resonance-unlock';
const STORE = 'grant';
const ID = 'current';
const LOCK_FLAG = 'resonance.locked';

export interface Grant {
  userId: string;
  key: CryptoKey;
  expiresAt: number;
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

/** The live grant for this user, or null (an expired or flagged grant is deleted on the way). */
export async function loadGrant(userId: string, now = Date.now()): Promise<Grant | null> {
  if (localStorage.getItem(LOCK_FLAG)) {
    await clearGrant();
    return null;
  }
  const grant = await run<Grant | undefined>('readonly', (s) => s.get(ID) as IDBRequest<Grant | undefined>);
  if (!grant) return null;
  if (grant.userId !== userId || grant.expiresAt <= now || !(grant.key instanceof CryptoKey)) {
    await clearGrant();
    return null;
  }
  return grant;
}

export async function renewGrant(userId: string, expiresAt: number): Promise<void> {
  const grant = await loadGrant(userId);
  if (grant) await run('readwrite', (s) => s.put({ ...grant, expiresAt }, ID));
}

export async function clearGrant(): Promise<void> {
  await run('readwrite', (s) => s.delete(ID));
}

/** Synchronous: from this moment no page load uses the grant, even if deleting it never finishes. */
export function flagLocked(): void {
  localStorage.setItem(LOCK_FLAG, new Date().toISOString());
}
