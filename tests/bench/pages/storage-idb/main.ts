/**
 * The in-browser half of the storage-idb suite: bulk-inserts demo client documents into RxDB on
 * Dexie (IndexedDB) and times only the insert. Built by Vite's `build()` API from the suite; never
 * part of the app bundle.
 */
import { createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { openDatabase } from '#db/database';
import { generateDemoOrg } from '#shared/demo/index';
import { schemas, type Client } from '#shared/schemas/index';
import type { InsertRequest, StorageBenchApi, StorageVariant } from './api';

interface Target {
  clients: RxCollection<Client>;
  remove(): Promise<unknown>;
}

let runCounter = 0;

async function open(variant: StorageVariant): Promise<Target> {
  // A new name per run: each insert meets an empty store, as a first sync does.
  const name = `bench-${variant}-${String(++runCounter)}`;
  if (variant === 'app-database') {
    const db = await openDatabase({ name });
    return { clients: db.clients, remove: () => db.remove() };
  }
  const db: RxDatabase<{ clients: RxCollection<Client> }> = await createRxDatabase({ name, storage: getRxStorageDexie(), multiInstance: false });
  await db.addCollections({ clients: { schema: schemas.clients } });
  return { clients: db.clients, remove: () => db.remove() };
}

const docsBySize = new Map<number, Client[]>();

function clientDocs(count: number): Client[] {
  let docs = docsBySize.get(count);
  if (!docs) {
    docs = generateDemoOrg({ clients: count }).docs.clients;
    docsBySize.set(count, docs);
  }
  return docs;
}

async function insertClients(request: InsertRequest): Promise<number[]> {
  const docs = clientDocs(request.clients);
  const samples: number[] = [];
  for (let i = 0; i < request.warmup + request.runs; i++) {
    const target = await open(request.variant);
    // RxDB may keep references to what it is given; each run inserts its own copies.
    const batch = docs.map((d) => structuredClone(d));
    const start = performance.now();
    const result = await target.clients.bulkInsert(batch);
    const elapsed = performance.now() - start;
    await target.remove();
    if (result.error.length > 0) throw new Error(`bulkInsert rejected ${String(result.error.length)} documents: ${JSON.stringify(result.error[0])}`);
    if (i >= request.warmup) samples.push(elapsed);
  }
  return samples;
}

const api: StorageBenchApi = { insertClients };
window.resonanceBench = api;
