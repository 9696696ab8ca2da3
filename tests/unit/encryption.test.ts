/**
 * Encryption at rest (src/db/encryption.ts) on real RxDB over fake-indexeddb, with Node's WebCrypto:
 * the raw IndexedDB stores (read directly, not through RxDB) hold no plain text of a sensitive field,
 * while RxDB reads, queries and change events give it back; a wrong key fails the open clearly.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type ResonanceDatabase } from '#db/database';
import { openText, sealText, SEALED_FIELD, SEALED_PREFIX } from '#db/encryption';
import { StorageError, WrongKeyError } from '#db/errors';
import { createDoc, updateDoc } from '#db/writes';
import { schemas } from '#shared/schemas/index';
import { SENSITIVE_FIELDS } from '#shared/schemas/sensitive';
import { rawDump } from './raw-idb';

const NOTE = 'Disclosed fear of ex-partner at 14 Larch Road; safeguarding referral made';
const NEED = 'Insulin storage at hostel';

const opened: ResonanceDatabase[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close();
});

function newKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/**
 * RxDB and its Dexie storage keep per-name state for the whole process (open Dexie instances, the
 * multi-instance channel), whatever the IndexedDB factory, so each fresh factory gets its own name.
 */
const names = new WeakMap<IDBFactory, string>();
let counter = 0;

async function open(factory: IDBFactory, key?: CryptoKey): Promise<ResonanceDatabase> {
  let name = names.get(factory);
  if (!name) {
    name = `enc-${String(++counter)}`;
    names.set(factory, name);
  }
  const db = await openDatabase({ name, indexedDB: factory, IDBKeyRange, devMode: true, ...(key ? { encryptionKey: key } : {}) });
  opened.push(db);
  return db;
}

async function seedVisit(db: ResonanceDatabase) {
  const client = await createDoc(db, 'clients', { name: 'Ada Lovelace', teamId: 't1', createdBy: 'u1', postcode: 'N1 9GU', needs: [NEED], notes: NOTE });
  const visit = await createDoc(db, 'visits', {
    caseId: 'c1',
    clientId: client.id,
    by: 'u1',
    at: '2026-11-29T10:00:00.000Z',
    kind: 'home',
    notes: NOTE,
    outcomes: ['Referred to safeguarding lead'],
  });
  return { client, visit };
}

describe('sensitive fields', () => {
  it('are declared only for fields that exist, are not indexed, not required-for-search and not the primary key', () => {
    for (const [collection, fields] of Object.entries(SENSITIVE_FIELDS)) {
      const schema = schemas[collection as keyof typeof schemas];
      const indexes = ('indexes' in schema ? schema.indexes : []) as readonly string[];
      for (const f of fields) {
        expect(Object.keys(schema.properties), `${collection}.${f}`).toContain(f);
        expect(indexes).not.toContain(f);
        expect(schema.primaryKey).not.toBe(f);
      }
    }
    // Caseload search (src/shared/domain/search.ts) reads these; they must stay in clear text.
    for (const f of ['name', 'postcode', 'dateOfBirth']) expect(SENSITIVE_FIELDS.clients).not.toContain(f as never);
  });
});

describe('sealText / openText', () => {
  it('round-trips, uses a fresh IV each time, and refuses another context, another key or a damaged value', async () => {
    const key = await newKey();
    const a = await sealText(key, NOTE, 'visits|v1');
    const b = await sealText(key, NOTE, 'visits|v1');
    expect(a.startsWith(SEALED_PREFIX)).toBe(true);
    expect(a).not.toBe(b);
    expect(a).not.toContain('Larch');
    expect(await openText(key, a, 'visits|v1')).toBe(NOTE);
    await expect(openText(key, a, 'visits|v2')).rejects.toBeInstanceOf(WrongKeyError);
    await expect(openText(await newKey(), a, 'visits|v1')).rejects.toBeInstanceOf(WrongKeyError);
    await expect(openText(key, `${a.slice(0, -4)}AAAA`, 'visits|v1')).rejects.toBeInstanceOf(WrongKeyError);
    await expect(openText(key, 'not sealed at all', 'visits|v1')).rejects.toBeInstanceOf(StorageError);
  });
});

describe('encrypted local database', () => {
  it('stores no plain text of a note, need or outcome in IndexedDB, yet RxDB reads them back; names stay clear', async () => {
    const factory = new IDBFactory();
    const key = await newKey();
    const db = await open(factory, key);
    const { client, visit } = await seedVisit(db);

    const raw = await rawDump(factory);
    expect(raw).not.toContain('Larch Road');
    expect(raw).not.toContain('Insulin');
    expect(raw).not.toContain('safeguarding lead');
    expect(raw).toContain(SEALED_PREFIX);
    // Search fields are clear, so caseload search works unchanged.
    expect(raw).toContain('Ada Lovelace');
    expect(raw).toContain('N1 9GU');

    expect((await db.visits.findOne(visit.id).exec())?.notes).toBe(NOTE);
    const read = await db.clients.find({ selector: { teamId: 't1' } }).exec();
    expect(read.map((c) => [c.name, c.notes, c.needs])).toEqual([['Ada Lovelace', NOTE, [NEED]]]);
    expect(read[0]?.toJSON()).not.toHaveProperty(SEALED_FIELD);

    // And after closing and reopening with the same key (a new page load).
    await db.close();
    opened.splice(opened.indexOf(db), 1);
    const again = await open(factory, key);
    expect((await again.clients.findOne(client.id).exec())?.notes).toBe(NOTE);
    expect((await again.visits.findOne(visit.id).exec())?.outcomes).toEqual(['Referred to safeguarding lead']);
  });

  it('seals an edited note too, and the replaced version is gone from storage', async () => {
    const factory = new IDBFactory();
    const db = await open(factory, await newKey());
    const { client } = await seedVisit(db);
    await updateDoc(db, 'clients', client.id, { notes: 'Moved to Birchwood refuge' });
    expect(await rawDump(factory)).not.toContain('Birchwood');
    expect((await db.clients.findOne(client.id).exec())?.notes).toBe('Moved to Birchwood refuge');
  });

  it('a wrong key fails the open with a clear StorageError and changes nothing', async () => {
    const factory = new IDBFactory();
    const key = await newKey();
    const db = await open(factory, key);
    await seedVisit(db);
    await db.close();
    opened.splice(opened.indexOf(db), 1);
    const before = await rawDump(factory);

    const error: unknown = await open(factory, await newKey()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongKeyError);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).message).toMatch(/could not be unlocked/);
    expect(await rawDump(factory)).toBe(before);

    const right = await open(factory, key);
    expect(await right.visits.count().exec()).toBe(1);
  });

  it('change events carry plain text', async () => {
    const db = await open(new IDBFactory(), await newKey());
    const seen: unknown[] = [];
    const sub = db.visits.$.subscribe((event) => seen.push(event.documentData.notes));
    const live: unknown[] = [];
    const liveSub = db.clients.find().$.subscribe((docs) => live.push(docs.map((d) => d.notes)));
    await seedVisit(db);
    await new Promise((resolve) => setTimeout(resolve, 50));
    sub.unsubscribe();
    liveSub.unsubscribe();
    expect(seen).toEqual([NOTE]);
    expect(live.at(-1)).toEqual([NOTE]);
  });

  it('validates the plain text: an over-long note is rejected whole, not stored as ciphertext', async () => {
    const db = await open(new IDBFactory(), await newKey());
    const tooLong = 'x'.repeat(10_001);
    await expect(
      createDoc(db, 'visits', { caseId: 'c1', clientId: 'k1', by: 'u1', at: '2026-11-29T10:00:00.000Z', kind: 'home', notes: tooLong }),
    ).rejects.toMatchObject({ code: 'invalid-record' });
    expect(await db.visits.count().exec()).toBe(0);
  });

  it('refuses a query on an encrypted field with a plain error instead of silently matching nothing', async () => {
    const db = await open(new IDBFactory(), await newKey());
    await seedVisit(db);
    await expect(db.visits.find({ selector: { notes: NOTE } }).exec()).rejects.toThrow(/encrypted on the device/);
    await expect(db.clients.find({ sort: [{ notes: 'asc' }] }).exec()).rejects.toThrow(/encrypted on the device/);
  });

  it('reads records written before the device had a key, and seals them on their next change', async () => {
    const factory = new IDBFactory();
    const plain = await open(factory);
    const { client } = await seedVisit(plain);
    await plain.close();
    opened.splice(opened.indexOf(plain), 1);
    expect(await rawDump(factory)).toContain('Larch Road');

    const db = await open(factory, await newKey());
    expect((await db.clients.findOne(client.id).exec())?.notes).toBe(NOTE);
    await updateDoc(db, 'clients', client.id, { notes: 'Now sealed' });
    const raw = await rawDump(factory);
    expect(raw).not.toContain('Now sealed');
  });

  it('without a key behaves as before: plain text, no sealed field', async () => {
    const factory = new IDBFactory();
    const db = await open(factory);
    await seedVisit(db);
    const raw = await rawDump(factory);
    expect(raw).toContain('Larch Road');
    expect(raw).not.toContain(SEALED_PREFIX);
  });
});
