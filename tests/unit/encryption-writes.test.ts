/**
 * Encryption at rest on the write path (src/db/encryption.ts), with RxDB as the built app runs it
 * (no dev mode: dev mode copies every written document, and this file is its own module context,
 * so the other encryption tests' dev mode does not apply here): a save waits for no AES-GCM decrypt
 * of what it has just sealed, yet its change event carries the plain text, IndexedDB holds only
 * ciphertext, and anything read back from storage is still opened and authenticated.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type ResonanceDatabase } from '#db/database';
import { SEALED_FIELD } from '#db/encryption';
import { createDocs } from '#db/writes';
import { rawDump } from './raw-idb';

const NOTE = 'Disclosed fear of ex-partner at 14 Larch Road; safeguarding referral made';

const opened: ResonanceDatabase[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const d of opened.splice(0)) await d.close();
});

async function open(factory: IDBFactory, key: CryptoKey): Promise<ResonanceDatabase> {
  const db = await openDatabase({ name: 'enc-writes', indexedDB: factory, IDBKeyRange, devMode: false, encryptionKey: key });
  opened.push(db);
  return db;
}

describe('a save on an encrypted database', () => {
  it('seals the visit and its task without decrypting them again; its change events and live query carry the plain text', async () => {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const factory = new IDBFactory();
    const db = await open(factory, key);
    const events: unknown[] = [];
    const sub = db.visits.$.subscribe((event) => events.push(event.documentData.notes));
    const live: unknown[] = [];
    const liveSub = db.visits.find().$.subscribe((docs) => live.push(docs.map((d) => d.notes)));
    const encrypt = vi.spyOn(crypto.subtle, 'encrypt');
    const decrypt = vi.spyOn(crypto.subtle, 'decrypt');

    const [visit] = await createDocs(db, [
      { collection: 'visits', fields: { caseId: 'c1', clientId: 'k1', by: 'u1', at: '2026-11-29T10:00:00.000Z', kind: 'home', notes: NOTE } },
      { collection: 'tasks', fields: { caseId: 'c1', clientId: 'k1', assignedTo: 'u1', title: 'Call the GP about the referral', due: '2026-12-01', done: false } },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    sub.unsubscribe();
    liveSub.unsubscribe();

    expect(encrypt).toHaveBeenCalledTimes(2);
    expect(decrypt).not.toHaveBeenCalled();
    expect(events).toEqual([NOTE]);
    expect(live.at(-1)).toEqual([NOTE]);

    // IndexedDB holds the sealed form only, and a database opened afresh decrypts what it reads.
    await db.close();
    opened.splice(0);
    const dump = await rawDump(factory);
    expect(dump).not.toContain('Larch Road');
    expect(dump).toContain(SEALED_FIELD);
    decrypt.mockClear();
    const again = await open(factory, key);
    expect((await again.visits.findOne(String(visit?.id)).exec())?.notes).toBe(NOTE);
    expect(decrypt).toHaveBeenCalled();
  });
});
