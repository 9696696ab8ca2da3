/**
 * What the encryption bench page offers the suite, through `window.resonanceEncryptionBench`. Types
 * only, shared by the page (main.ts) and the suite (suites/encryption.ts).
 */

/**
 * - `none`: RxDB on Dexie, nothing encrypted (the app today without a key).
 * - `webcrypto`: the app's wrapper, src/db/encryption.ts (AES-GCM 256, one sealed value per document).
 * - `crypto-js`: RxDB's free plugin rxdb/plugins/encryption-crypto-js (crypto-js AES with a password,
 *   one value per encrypted field), on the same fields (src/shared/schemas/sensitive.ts).
 * No variant validates (validation costs the same with or without encryption), so the differences
 * are the encryption alone.
 */
export type EncryptionVariant = 'none' | 'webcrypto' | 'crypto-js';

export interface EncryptionRunRequest {
  variant: EncryptionVariant;
  clients: number;
  /** Timed repetitions of each measurement. */
  runs: number;
  /** Untimed repetitions first (first IndexedDB open, JIT). */
  warmup: number;
  /** Timed visit saves per run. */
  saves: number;
}

/** Milliseconds of each timed repetition. */
export interface EncryptionRunResult {
  /** One bulkInsert of `clients` demo clients into a new, empty database. */
  insertClients: number[];
  /** Reading every client back (a fresh RxDatabase instance each time, nothing cached). */
  readClients: number[];
  /**
   * The caseload's data path on a fresh instance: every client, then every case and open task (as
   * src/features/caseload/queries.ts reads them), and the search index built from the clients.
   */
  caseloadData: number[];
  /** Each visit insert (with notes and outcomes) into the database holding the organisation. */
  saveVisit: number[];
}

export interface EncryptionBenchApi {
  run(request: EncryptionRunRequest): Promise<EncryptionRunResult>;
}

declare global {
  interface Window {
    resonanceEncryptionBench?: EncryptionBenchApi;
  }
}
