/**
 * Opens one user's local database: RxDB on Dexie (IndexedDB), one collection per JSON Schema in
 * src/shared/schemas plus the local-only outbox. IndexedDB is injectable so tests run the same code
 * on fake-indexeddb. Dev-mode (schema checks, Ajv wrapper) loads only when asked: it is slow and
 * adds a tracking iframe, so production never pays for it.
 */
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { schemas, type Case, type Client, type Conflict, type Feedback, type Task, type Visit } from '#shared/schemas/index';
import { withBulkReads } from './bulk-reads';
import { makeConflictHandler, type LostValues } from './conflict-handler';
import { withoutLiveQuery } from './dexie-lean';
import { wrappedEncryptionStorage } from './encryption';
import { classifyStorageError } from './errors';
import { migrationStrategies } from './migrations';
import { outboxSchema, type OutboxRow } from './outbox';
import { settleReplaced } from './outbox-settle';
import { wrappedValidateGeneratedStorage } from './validators';
import { createDoc } from './writes';

export interface Collections {
  clients: RxCollection<Client>;
  cases: RxCollection<Case>;
  visits: RxCollection<Visit>;
  tasks: RxCollection<Task>;
  feedback: RxCollection<Feedback>;
  conflicts: RxCollection<Conflict>;
  outbox: RxCollection<OutboxRow>;
}
export type ResonanceDatabase = RxDatabase<Collections>;

export interface OpenOptions {
  /** One database per signed-in user on a shared tablet, e.g. `resonance-u_123`. */
  name: string;
  /** Inject fake-indexeddb in Node tests; defaults to the browser's. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** Load RxDB dev-mode (development builds and unit tests only). */
  devMode?: boolean;
  /** The signed-in user: named as the author of values that lose a merge. */
  userId?: string;
  /**
   * AES-GCM key that seals sensitive fields at rest (src/db/encryption.ts). Without one, nothing is
   * encrypted (tests, the kiosk). A wrong key fails the open with a WrongKeyError.
   */
  encryptionKey?: CryptoKey;
}

addRxPlugin(RxDBMigrationSchemaPlugin);
let devModeLoaded = false;

async function loadDevMode(): Promise<void> {
  if (devModeLoaded) return;
  const { RxDBDevModePlugin, disableWarnings } = await import('rxdb/plugins/dev-mode');
  disableWarnings();
  addRxPlugin(RxDBDevModePlugin);
  devModeLoaded = true;
}

/** Stores each value that lost a merge as a conflict record; it syncs like any write (C3). */
async function recordConflicts(db: ResonanceDatabase, values: LostValues, userId: string): Promise<void> {
  const now = new Date();
  const teamId = typeof values.server.teamId === 'string' ? values.server.teamId : undefined;
  for (const lost of values.lost) {
    await createDoc(db, 'conflicts', {
      collectionName: values.collection,
      documentId: values.documentId,
      field: lost.field,
      keptValue: JSON.stringify(lost.serverValue ?? null),
      losingValue: JSON.stringify(lost.localValue ?? null),
      ...(typeof values.server.serverUpdatedBy === 'string' ? { keptBy: values.server.serverUpdatedBy } : {}),
      ...(typeof values.server.serverUpdatedAt === 'string' ? { keptAt: values.server.serverUpdatedAt } : {}),
      losingBy: userId,
      losingAt: typeof values.local.clientUpdatedAt === 'string' ? values.local.clientUpdatedAt : now.toISOString(),
      ...(teamId ? { teamId } : {}),
      status: 'open',
    }, now);
  }
}

export async function openDatabase(options: OpenOptions): Promise<ResonanceDatabase> {
  if (options.devMode) await loadDevMode();
  // withBulkReads: queries read with one IndexedDB getAll instead of a cursor (bulk-reads.ts).
  // withoutLiveQuery: Dexie's liveQuery bookkeeping, unused, is not run on every write (dexie-lean.ts).
  const dexie = withBulkReads(getRxStorageDexie({
    ...(options.indexedDB ? { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange } : {}),
    onCreate: withoutLiveQuery,
  }));
  // Validate every write against its schema, in production too: a record that fails its schema is
  // rejected whole before it reaches IndexedDB, never half-written.
  // Encryption sits below validation: schemas are checked on plain text, IndexedDB gets ciphertext.
  const base = options.encryptionKey ? wrappedEncryptionStorage({ storage: dexie, key: options.encryptionKey }) : dexie;
  // Validators are generated at build time from the schemas (validators.ts): no Ajv compiler in the browser.
  const storage: RxStorage<unknown, unknown> = wrappedValidateGeneratedStorage({ storage: base });
  try {
    const db = await createRxDatabase<Collections>({
      name: options.name,
      storage,
      multiInstance: true,
      eventReduce: true,
      closeDuplicates: true,
    });
    const onLost = (values: LostValues) => recordConflicts(db, values, options.userId ?? 'unknown');
    const synced = <C extends keyof typeof schemas>(name: C) => ({
      schema: schemas[name],
      migrationStrategies: migrationStrategies[name],
      conflictHandler: makeConflictHandler(name, onLost, (id, writeId) => settleReplaced(db, name, id, writeId)),
    });
    try {
      await db.addCollections({
        clients: synced('clients'),
        cases: synced('cases'),
        visits: synced('visits'),
        tasks: synced('tasks'),
        feedback: synced('feedback'),
        conflicts: synced('conflicts'),
        outbox: { schema: outboxSchema },
      });
    } catch (e) {
      // A failed open (e.g. a wrong key) must not leave a half-open database: retrying with the
      // right key in the same page would meet it.
      await db.close().catch(() => undefined);
      throw e;
    }
    return db;
  } catch (e) {
    throw classifyStorageError(e);
  }
}
