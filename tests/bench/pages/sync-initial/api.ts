/**
 * What the sync-initial page offers its suite, through `window.resonanceSyncBench`. Types only, shared
 * by the page (main.ts) and the suite (suites/sync-initial.ts) so both sides agree.
 */

export interface InitialSyncRequest {
  /** Who signs in: a coordinator, so every client on the server is in scope. */
  email: string;
  password: string;
  /** How many client documents the server holds; each run checks the device ends with exactly these. */
  expectedClients: number;
  /** Timed runs; each is a fresh sign-in and a fresh, empty database, removed afterwards (untimed). */
  runs: number;
  /** Untimed runs first: the first IndexedDB open and JIT warm-up are not what a user repeats. */
  warmup: number;
}

export interface InitialSyncSamples {
  /** Milliseconds from `startSync` until `awaitInSync` resolves, per timed run. */
  syncMs: number[];
  /** Milliseconds of one `db.clients.bulkInsert` of the same documents into a fresh app database, per timed run. */
  insertMs: number[];
}

export interface SyncInitialBenchApi {
  initialSync(request: InitialSyncRequest): Promise<InitialSyncSamples>;
}

declare global {
  interface Window {
    resonanceSyncBench?: SyncInitialBenchApi;
  }
}
