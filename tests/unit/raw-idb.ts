/**
 * Reading a fake-indexeddb factory directly, beneath RxDB and Dexie: for tests that check what is
 * really stored (no plain text of an encrypted field, say).
 */
import type { IDBFactory } from 'fake-indexeddb';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

/** Every value of every object store of every database in this IndexedDB, as one JSON text. */
export async function rawDump(factory: IDBFactory): Promise<string> {
  const parts: string[] = [];
  for (const info of await factory.databases()) {
    if (!info.name) continue;
    const idb = await request(factory.open(info.name));
    for (const store of Array.from(idb.objectStoreNames)) {
      parts.push(JSON.stringify(await request(idb.transaction(store).objectStore(store).getAll())));
    }
    idb.close();
  }
  return parts.join('\n');
}
