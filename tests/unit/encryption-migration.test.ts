/**
 * Schema migrations through the encryption wrapper (src/db/encryption.ts): RxDB's migration plugin
 * reads the old version's documents through the same storage, so the strategy sees plain text and
 * the migrated documents are sealed again. Uses a one-collection database with a made-up version 1 of
 * the visits schema, on fake-indexeddb.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { addRxPlugin, createRxDatabase, type RxCollection, type RxJsonSchema } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { describe, expect, it } from 'vitest';
import { wrappedEncryptionStorage } from '#db/encryption';
import { schemas, type Visit } from '#shared/schemas/index';

addRxPlugin(RxDBMigrationSchemaPlugin);

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

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

describe('migrations with encryption at rest', () => {
  it('migrates sealed documents: the strategy gets plain text and the result is sealed again', async () => {
    const factory = new IDBFactory();
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const storage = () => wrappedEncryptionStorage({ storage: getRxStorageDexie({ indexedDB: factory, IDBKeyRange }), key });
    const v0 = schemas.visits as unknown as RxJsonSchema<Visit>;
    const visit: Visit = {
      id: 'v1',
      caseId: 'c1',
      clientId: 'k1',
      by: 'u1',
      at: '2026-11-29T10:00:00.000Z',
      kind: 'home',
      notes: 'Spoke about the Quillfeather arrears',
      writeId: 'w1',
      createdAt: '2026-11-29T10:00:00.000Z',
      clientUpdatedAt: '2026-11-29T10:00:00.000Z',
    };

    const first = await createRxDatabase<{ visits: RxCollection<Visit> }>({ name: 'enc-migration', storage: storage(), multiInstance: false });
    await first.addCollections({ visits: { schema: v0 } });
    await first.visits.insert(visit);
    await first.close();
    expect(await rawDump(factory)).not.toContain('Quillfeather');

    const seen: string[] = [];
    const second = await createRxDatabase<{ visits: RxCollection<Visit> }>({ name: 'enc-migration', storage: storage(), multiInstance: false });
    await second.addCollections({
      visits: {
        schema: { ...v0, version: 1 },
        migrationStrategies: {
          1: (doc: Visit) => {
            seen.push(doc.notes);
            return { ...doc, notes: `${doc.notes} (migrated)` };
          },
        },
      },
    });
    const migrated = await second.visits.findOne('v1').exec();
    expect(seen).toEqual(['Spoke about the Quillfeather arrears']);
    expect(migrated?.notes).toBe('Spoke about the Quillfeather arrears (migrated)');
    const raw = await rawDump(factory);
    expect(raw).not.toContain('Quillfeather');
    expect(raw).toContain('enc:v1:');
    await second.close();
  });
});
