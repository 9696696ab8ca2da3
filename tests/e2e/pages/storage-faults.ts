/**
 * Storage fault injection for browser tests: makes IndexedDB writes fail the way a full disk does
 * (a DOMException named QuotaExceededError thrown by IDBObjectStore put/add), switchable at run
 * time, and a raw look into every IndexedDB database of the page to prove what was (not) stored.
 * The wrapper is installed before any app script runs (addInitScript), so every write path of the
 * app, RxDB and Dexie included, goes through it.
 */
import type { Page } from 'playwright-core';

declare global {
  interface Window {
    __resonanceFailWrites?: boolean;
  }
}

export class StorageFaults {
  constructor(readonly page: Page) {}

  /** Call before the first navigation. Writes succeed until `failWrites(true)`. */
  async install(): Promise<void> {
    await this.page.addInitScript(() => {
      const proto = IDBObjectStore.prototype;
      for (const method of ['put', 'add'] as const) {
        // eslint-disable-next-line @typescript-eslint/unbound-method -- called with its store via apply below
        const original = proto[method];
        Object.defineProperty(proto, method, {
          configurable: true,
          writable: true,
          value: function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
            if (window.__resonanceFailWrites === true) {
              throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            }
            return original.apply(this, args);
          },
        });
      }
    });
  }

  async failWrites(on: boolean): Promise<void> {
    await this.page.evaluate((value) => {
      window.__resonanceFailWrites = value;
    }, on);
  }

  /**
   * How many stored records (soft-deleted ones included) the IndexedDB databases of one RxDB
   * collection hold, across every user's database on this origin. Notes are encrypted at rest, so
   * this count, not a search for the typed text, proves that nothing was half-written.
   */
  async recordsIn(collection: string): Promise<number> {
    return this.page.evaluate(async (suffix) => {
      const request = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
        });
      let count = 0;
      for (const info of await indexedDB.databases()) {
        if (!info.name?.endsWith(suffix)) continue;
        const db = await request(indexedDB.open(info.name));
        try {
          for (const storeName of Array.from(db.objectStoreNames)) {
            count += await request(db.transaction(storeName, 'readonly').objectStore(storeName).count());
          }
        } finally {
          db.close();
        }
      }
      return count;
    }, `--${collection}`);
  }

  /**
   * How many stored records, in any object store of any IndexedDB database of this origin, contain
   * `text` anywhere (soft-deleted ones included): the ground truth under the app's own reads.
   */
  async recordsContaining(text: string): Promise<number> {
    return this.page.evaluate(async (needle) => {
      const request = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
        });
      let found = 0;
      for (const info of await indexedDB.databases()) {
        if (!info.name) continue;
        const db = await request(indexedDB.open(info.name));
        try {
          for (const storeName of Array.from(db.objectStoreNames)) {
            const all = await request(db.transaction(storeName, 'readonly').objectStore(storeName).getAll());
            found += all.filter((record) => JSON.stringify(record).includes(needle)).length;
          }
        } finally {
          db.close();
        }
      }
      return found;
    }, text);
  }
}
