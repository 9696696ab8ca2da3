/**
 * A simulated device: the app's real database (RxDB on fake-indexeddb) and real sync engine, in a
 * worker thread, driven by messages from the test. Its fetch can be switched off to go offline.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { RxCollection } from 'rxdb';
import { openDatabase, type ResonanceDatabase } from '#db/database';
import { createDoc, removeDoc, updateDoc } from '#db/writes';
import { startSync, type EngineController } from '#sync/engine';
import { signIn, type KeyValueStore } from '#sync/session';
import type { SyncStatus } from '#sync/status';
import type { DeviceInit, DeviceReply, DeviceRequest } from './protocol';

const init = workerData as DeviceInit;
const kv = new Map<string, string>();
const store: KeyValueStore = {
  getItem: (k) => kv.get(k) ?? null,
  setItem: (k, v) => void kv.set(k, v),
  removeItem: (k) => void kv.delete(k),
};

let offline = false;
/** Requests tried while offline: the engine should not try any (sync.md D2). */
let offlineAttempts = 0;
const events = new EventTarget();
const fakeWindow = {
  addEventListener: events.addEventListener.bind(events),
  removeEventListener: events.removeEventListener.bind(events),
  navigator: {
    get onLine() {
      return !offline;
    },
  },
};
const deviceFetch: typeof fetch = (input, reqInit) => {
  if (offline) {
    offlineAttempts += 1;
    return Promise.reject(new TypeError('fetch failed (device offline)'));
  }
  return fetch(input, reqInit);
};

let db: ResonanceDatabase | null = null;
let sync: EngineController | null = null;
let status: SyncStatus | null = null;
let firstUpToDate: Promise<{ clients: number }> | null = null;

function need<T>(value: T | null, what: string): T {
  if (!value) throw new Error(`device ${init.name}: ${what} is not ready (sign in first)`);
  return value;
}

async function handle(req: DeviceRequest): Promise<unknown> {
  switch (req.op) {
    case 'signIn': {
      const result = await signIn(store, req.email, req.password, init.serverUrl, deviceFetch);
      if (!result.ok) throw new Error(`sign-in failed: ${result.code}`);
      const session = result.value;
      db = await openDatabase({ name: `${init.name}-${session.user.id}`, indexedDB: new IDBFactory(), IDBKeyRange, userId: session.user.id });
      // Retries after 300 ms: the simulated network comes back instantly, and tests should not wait 5 s.
      sync = startSync(db, session, { baseUrl: init.serverUrl, fetch: deviceFetch, store, window: fakeWindow, retryMs: 300 });
      const opened = db;
      sync.status$.subscribe((s) => {
        status = s;
        // What the device held the first time it said "Up to date" (D5: it must not say so early).
        if (s.state === 'up-to-date' && firstUpToDate === null) {
          firstUpToDate = opened.clients.count().exec().then((clients) => ({ clients }));
        }
      });
      return session.user;
    }
    case 'create':
      return createDoc(need(db, 'db'), req.collection, req.fields as never);
    case 'update':
      return updateDoc(need(db, 'db'), req.collection, req.id, req.patch as never);
    case 'remove':
      return removeDoc(need(db, 'db'), req.collection, req.id);
    case 'find': {
      const coll = need(db, 'db').collections[req.collection] as unknown as RxCollection<Record<string, unknown>>;
      return (await coll.find().exec()).map((d) => d.toJSON());
    }
    case 'get': {
      const coll = need(db, 'db').collections[req.collection] as unknown as RxCollection<Record<string, unknown>>;
      return (await coll.findOne(req.id).exec())?.toJSON() ?? null;
    }
    case 'raw': {
      // What the storage itself holds for this id, deleted or not: proves a removal left no content.
      const coll = need(db, 'db').collections[req.collection] as unknown as RxCollection<Record<string, unknown>>;
      const [doc] = await coll.storageInstance.findDocumentsById([req.id], true);
      return doc ?? null;
    }
    case 'outbox':
      return (await need(db, 'db').outbox.find().exec()).map((d) => d.toJSON());
    case 'setOffline':
      offline = req.offline;
      events.dispatchEvent(new Event(offline ? 'offline' : 'online'));
      return null;
    case 'offlineAttempts':
      return offlineAttempts;
    case 'syncNow':
      need(sync, 'sync').syncNow();
      return null;
    case 'awaitInSync':
      await need(sync, 'sync').awaitInSync();
      return null;
    case 'status':
      return status;
    case 'firstUpToDate':
      return firstUpToDate ? await firstUpToDate : null;
    case 'close':
      await sync?.stop();
      await db?.close();
      return null;
  }
}

function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = e.cause ? ` (cause: ${describe(e.cause)})` : '';
  return `${e.name}: ${e.message}${cause}`;
}

parentPort?.on('message', (req: DeviceRequest) => {
  handle(req).then(
    (value) => parentPort?.postMessage({ seq: req.seq, ok: true, value: JSON.parse(JSON.stringify(value ?? null)) as unknown } satisfies DeviceReply),
    (e: unknown) => parentPort?.postMessage({ seq: req.seq, ok: false, error: describe(e) } satisfies DeviceReply),
  );
});
