/**
 * What the storage-idb page offers the suite, through `window.resonanceBench`. Types only, shared
 * by the page (main.ts) and the suite (suites/storage-idb.ts) so both sides agree.
 */

/**
 * - `rxdb-dexie`: RxDB on the Dexie storage with only a clients collection, no schema validation: the
 *   floor under any initial sync.
 * - `app-database`: the app's own `openDatabase` (src/db/database.ts): every collection, Ajv validation
 *   on every write, multi-instance. What the replication's pull handler really writes through.
 */
export type StorageVariant = 'rxdb-dexie' | 'app-database';

export interface InsertRequest {
  variant: StorageVariant;
  clients: number;
  /** Timed runs; each uses a new database, removed afterwards (untimed). */
  runs: number;
  /** Untimed runs first: the first IndexedDB open and JIT warm-up are not what a user repeats. */
  warmup: number;
}

export interface StorageBenchApi {
  /** Milliseconds of each timed `bulkInsert` of `clients` demo client documents. */
  insertClients(request: InsertRequest): Promise<number[]>;
}

declare global {
  interface Window {
    resonanceBench?: StorageBenchApi;
  }
}
