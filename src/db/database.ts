/**
 * Opens one user's local database: RxDB on Dexie (IndexedDB), one collection per JSON Schema in
 * src/shared/schemas plus the local-only outbox. IndexedDB is injectable so tests run the same code
 * on fake-indexeddb. Dev-mode (schema checks, Ajv wrapper) loads only when asked: it is slow and
 * adds a tracking iframe, so production never pays for it.
 */
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { schemas, type Case, type Client, type Conflict, type Feedback, type Task, type Visit } from '#shared/schemas/index';
import { classifyStorageError } from './errors';
import { migrationStrategies } from './migrations';
import { outboxSchema, type OutboxRow } from './outbox';

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

export async function openDatabase(options: OpenOptions): Promise<ResonanceDatabase> {
  if (options.devMode) await loadDevMode();
  const dexie = getRxStorageDexie(
    options.indexedDB ? { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange } : {},
  );
  // Validate every write against its schema, in production too: a record that fails its schema is
  // rejected whole before it reaches IndexedDB, never half-written.
  const storage: RxStorage<unknown, unknown> = wrappedValidateAjvStorage({ storage: dexie });
  try {
    const db = await createRxDatabase<Collections>({
      name: options.name,
      storage,
      multiInstance: true,
      eventReduce: true,
      closeDuplicates: true,
    });
    await db.addCollections({
      clients: { schema: schemas.clients, migrationStrategies: migrationStrategies.clients },
      cases: { schema: schemas.cases, migrationStrategies: migrationStrategies.cases },
      visits: { schema: schemas.visits, migrationStrategies: migrationStrategies.visits },
      tasks: { schema: schemas.tasks, migrationStrategies: migrationStrategies.tasks },
      feedback: { schema: schemas.feedback, migrationStrategies: migrationStrategies.feedback },
      conflicts: { schema: schemas.conflicts, migrationStrategies: migrationStrategies.conflicts },
      outbox: { schema: outboxSchema },
    });
    return db;
  } catch (e) {
    throw classifyStorageError(e);
  }
}
