/**
 * Encryption at rest does not change what syncs: a device whose database seals sensitive fields
 * (src/db/encryption.ts, in this process on fake-indexeddb) pulls and pushes plain documents through
 * the real sync server, while its own IndexedDB holds only ciphertext of them; conflicts on a sealed
 * field merge as usual (C3). The other side is an ordinary simulated device (worker thread, no key).
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type ResonanceDatabase } from '#db/database';
import { SEALED_PREFIX } from '#db/encryption';
import { createDoc, updateDoc } from '#db/writes';
import { DEMO_SIGN_INS } from '#shared/demo/organisation';
import { startSync, type EngineController } from '#sync/engine';
import { signIn, type KeyValueStore } from '#sync/session';
import { Device, eventually } from '../../support/device/index';
import { startServer, type RunningServer } from '../../../sync-server/main';
import { adapters } from '../server/support/adapters';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

/** Every stored value of every IndexedDB database of this factory, read around RxDB, as JSON text. */
async function rawDump(factory: IDBFactory): Promise<string> {
  const parts: string[] = [];
  for (const info of await factory.databases()) {
    if (!info.name) continue;
    const idb = await request(factory.open(info.name));
    for (const store of Array.from(idb.objectStoreNames)) parts.push(JSON.stringify(await request(idb.transaction(store).objectStore(store).getAll())));
    idb.close();
  }
  return parts.join('\n');
}

describe.each(adapters())('an encrypted device syncing on $name', (adapter) => {
  let server: RunningServer;
  let cleanup: () => Promise<void>;
  let coordinator: Device;
  const factory = new IDBFactory();
  let db: ResonanceDatabase;
  let sync: EngineController;
  let userId: string;
  let session: Parameters<typeof startSync>[1];
  const kv = new Map<string, string>();
  const store: KeyValueStore = { getItem: (k) => kv.get(k) ?? null, setItem: (k, v) => void kv.set(k, v), removeItem: (k) => void kv.delete(k) };

  beforeAll(async () => {
    const fresh = await adapter.fresh();
    cleanup = fresh.cleanup;
    server = await startServer({ ...fresh.storage, port: 0, host: '127.0.0.1', seedDemo: true, logRequests: false });
    coordinator = new Device('coordinator-laptop', server.url);
    await coordinator.signIn(DEMO_SIGN_INS.coordinator.email, DEMO_SIGN_INS.coordinator.password);
    await coordinator.awaitInSync();

    const signedIn = await signIn(store, DEMO_SIGN_INS.worker.email, DEMO_SIGN_INS.worker.password, server.url);
    if (!signedIn.ok) throw new Error(`sign-in failed: ${signedIn.code}`);
    session = signedIn.value;
    userId = session.user.id;
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    db = await openDatabase({ name: `encrypted-${adapter.name}-${userId}`, indexedDB: factory, IDBKeyRange, userId, encryptionKey: key });
    sync = startSync(db, session, { baseUrl: server.url, store, retryMs: 300 });
    await sync.awaitInSync();
  });
  afterAll(async () => {
    await sync.stop();
    await db.close();
    await coordinator.close();
    await server.close();
    await cleanup();
  });

  it('pulls the caseload in plain text through RxDB while IndexedDB holds no note of it', async () => {
    const clients = (await db.clients.find().exec()).map((c) => c.toJSON());
    const withNotes = clients.filter((c) => typeof c.notes === 'string' && c.notes.length > 20);
    expect(withNotes.length, 'the demo worker has clients with notes').toBeGreaterThan(0);
    const raw = await rawDump(factory);
    expect(raw).toContain(SEALED_PREFIX);
    for (const c of withNotes.slice(0, 20)) {
      expect(raw).not.toContain(JSON.stringify(c.notes).slice(1, -1));
      expect(raw).toContain(c.name);
    }
  });

  it('pushes a sealed visit note as plain text: another device reads it', async () => {
    const client = (await db.clients.find().exec())[0];
    const kase = (await db.cases.find({ selector: { clientId: client?.id ?? '' } }).exec())[0];
    expect(kase, 'a case of a client on the worker tablet').toBeDefined();
    const note = 'Encrypted-at-rest visit note: keys under the blue flowerpot';
    const visit = await createDoc(db, 'visits', {
      caseId: kase?.id ?? '',
      clientId: kase?.clientId ?? '',
      by: userId,
      at: new Date().toISOString(),
      kind: 'home',
      notes: note,
      outcomes: ['Food bank referral'],
    });
    await sync.awaitInSync();
    expect(await rawDump(factory)).not.toContain('blue flowerpot');
    await eventually('the visit on the coordinator laptop', async () => (await coordinator.get('visits', visit.id)) !== null, 15_000);
    const there = await coordinator.get('visits', visit.id);
    expect(there?.notes).toBe(note);
    expect(there?.outcomes).toEqual(['Food bank referral']);
  });

  it('[C3] a conflict on a sealed field merges as usual; the losing value is kept, sealed on the device', async () => {
    const client = (await db.clients.find().exec())[1];
    if (!client) throw new Error('the worker tablet has fewer than two clients');
    await sync.stop();
    await coordinator.update('clients', client.id, { notes: 'Coordinator: moved to Elm House' });
    await coordinator.awaitInSync();
    await updateDoc(db, 'clients', client.id, { notes: 'Worker: staying with sister in Ashford' });

    sync = startSync(db, session, { baseUrl: server.url, store, retryMs: 300 });
    await eventually(
      'a conflict record on the worker tablet',
      async () => (await db.conflicts.find({ selector: { documentId: client.id } }).exec()).length > 0,
      15_000,
    );
    await sync.awaitInSync();
    const conflicts = (await db.conflicts.find({ selector: { documentId: client.id } }).exec()).map((c) => c.toJSON());
    const values = conflicts.flatMap((c) => [c.keptValue, c.losingValue]).join(' ');
    expect(values).toContain('Elm House');
    expect(values).toContain('Ashford');
    const raw = await rawDump(factory);
    expect(raw).not.toContain('Elm House');
    expect(raw).not.toContain('Ashford');
  });
});
