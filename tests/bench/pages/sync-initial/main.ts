/**
 * The in-browser half of the sync-initial suite. Served by the sync server itself (its distDir), so
 * the page and /api share an origin as in production. For each run it signs in (untimed), opens a
 * fresh app database (untimed), then times `startSync` (src/sync/engine.ts, the app's real engine)
 * until `awaitInSync` resolves. Then, in the same run, the floor: the same client documents, read back
 * from the synced database (untimed), are bulk-inserted into another fresh app database, timed.
 * Built by Vite's `build()` API from the suite; never part of the app bundle.
 */
import { openDatabase } from '#db/database';
import type { Client } from '#shared/schemas/index';
import { startSync } from '#sync/engine';
import { signIn, type KeyValueStore } from '#sync/session';
import type { InitialSyncRequest, InitialSyncSamples, SyncInitialBenchApi } from './api';

let runCounter = 0;

/** A fresh key-value store per run: a new device id and no remembered sync time, as on a new tablet. */
function memoryStore(): KeyValueStore {
  const values = new Map<string, string>();
  return {
    getItem: (k) => values.get(k) ?? null,
    setItem: (k, v) => void values.set(k, v),
    removeItem: (k) => void values.delete(k),
  };
}

/** One run: [sync ms, bulkInsert ms]. */
async function oneRun(request: InitialSyncRequest): Promise<[number, number]> {
  const run = ++runCounter;
  const store = memoryStore();
  const signedIn = await signIn(store, request.email, request.password);
  if (!signedIn.ok) throw new Error(`sign-in failed: ${signedIn.code}`);
  const session = signedIn.value;

  // The first sync of a new device: an empty database, opened (and migrated) before sync starts (D1).
  const db = await openDatabase({ name: `bench-sync-${String(run)}`, userId: session.user.id });
  let docs: Client[];
  let syncMs: number;
  try {
    const start = performance.now();
    const sync = startSync(db, session, { store });
    await sync.awaitInSync();
    syncMs = performance.now() - start;
    await sync.stop();
    docs = (await db.clients.find().exec()).map((d) => d.toMutableJSON());
  } finally {
    // Removed before the floor's database opens: RxDB's free build allows 13 open collections and
    // each app database has 7.
    await db.remove();
  }
  if (docs.length !== request.expectedClients) throw new Error(`the device has ${String(docs.length)} clients after sync, the server ${String(request.expectedClients)}`);

  // The floor: the same documents in one bulkInsert through the same app database (validated).
  const floor = await openDatabase({ name: `bench-floor-${String(run)}`, userId: session.user.id });
  try {
    const start = performance.now();
    const result = await floor.clients.bulkInsert(docs);
    const insertMs = performance.now() - start;
    if (result.error.length > 0) throw new Error(`bulkInsert rejected ${String(result.error.length)} documents: ${JSON.stringify(result.error[0])}`);
    return [syncMs, insertMs];
  } finally {
    await floor.remove();
  }
}

async function initialSync(request: InitialSyncRequest): Promise<InitialSyncSamples> {
  const samples: InitialSyncSamples = { syncMs: [], insertMs: [] };
  for (let i = 0; i < request.warmup + request.runs; i++) {
    const [syncMs, insertMs] = await oneRun(request);
    if (i < request.warmup) continue;
    samples.syncMs.push(syncMs);
    samples.insertMs.push(insertMs);
  }
  return samples;
}

const api: SyncInitialBenchApi = { initialSync };
window.resonanceSyncBench = api;
