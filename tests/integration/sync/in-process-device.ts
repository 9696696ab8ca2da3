/**
 * A worker's device in this test process, for tests that must order its requests exactly: the real
 * server on a fresh store with the demo organisation, Sam signed in, real RxDB on fake-indexeddb and
 * the app's sync engine, whose every request goes through the test's own fetch. Started in sync.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openDatabase, type ResonanceDatabase } from '#db/database';
import { DEMO_SIGN_INS } from '#shared/demo/organisation';
import { startSync, type EngineController } from '#sync/engine';
import { signIn, type KeyValueStore, type Session } from '#sync/session';
import { startServer, type RunningServer } from '../../../sync-server/main';
import type { AdapterCase } from '../server/support/adapters';

export interface InProcessDevice {
  server: RunningServer;
  session: Session;
  db: ResonanceDatabase;
  sync: EngineController;
  /** Stops the sync engine and starts a new one on the same database, as a reload of the app does. */
  restart(): Promise<EngineController>;
  close(): Promise<void>;
}

export async function startInProcessDevice(adapter: AdapterCase, name: string, deviceFetch: typeof fetch): Promise<InProcessDevice> {
  const fresh = await adapter.fresh();
  const server = await startServer({ ...fresh.storage, port: 0, host: '127.0.0.1', seedDemo: true, logRequests: false });
  const kv = new Map<string, string>();
  const store: KeyValueStore = { getItem: (k) => kv.get(k) ?? null, setItem: (k, v) => void kv.set(k, v), removeItem: (k) => void kv.delete(k) };
  const signedIn = await signIn(store, DEMO_SIGN_INS.worker.email, DEMO_SIGN_INS.worker.password, server.url);
  if (!signedIn.ok) throw new Error(`sign-in failed: ${signedIn.code}`);
  const session = signedIn.value;
  const db = await openDatabase({ name: `${name}-${adapter.name}`, indexedDB: new IDBFactory(), IDBKeyRange, userId: session.user.id });
  const start = () => startSync(db, session, { baseUrl: server.url, fetch: deviceFetch, store, retryMs: 300 });
  let sync = start();
  await sync.awaitInSync();
  return {
    server,
    session,
    db,
    get sync() {
      return sync;
    },
    async restart() {
      await sync.stop();
      sync = start();
      return sync;
    },
    async close() {
      await sync.stop();
      await db.close();
      await server.close();
      await fresh.cleanup();
    },
  };
}
