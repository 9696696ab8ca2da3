/**
 * The caseload head on real RxDB over fake-indexeddb, encrypted at rest as on a tablet: the head
 * taken from the full list comes back as the same rows in the same order, and any write since
 * (an edit, a new client, a removal) makes the check refuse it, so a cold start never shows rows
 * or a count the full list would not show first. A removal from before the head was taken does
 * not, and the check reads only through indexes: no cursor, no count.
 */
import { IDBFactory, IDBIndex, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildClientIndex } from '#shared/domain/search';
import { openDatabase, type ResonanceDatabase } from '#db/database';
import { createDoc, createDocs, removeDoc, updateDoc } from '#db/writes';
import { checkHead, writeTimeOfList } from './head';
import { takeHead, type CaseloadHead } from './model';

let db: ResonanceDatabase;
let n = 0;

beforeEach(async () => {
  const encryptionKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  db = await openDatabase({ name: `head-${n++}`, indexedDB: new IDBFactory(), IDBKeyRange, devMode: true, encryptionKey });
  const names = ['Zara Ahmed', 'adam brook', 'Émile Zola', 'Bea Cole', 'Aaron Dell', 'Cai Evans', 'Dee Ford', 'Eve Gray'];
  await createDocs(db, names.map((name, i) => ({ collection: 'clients' as const, fields: { name, teamId: 't1', createdBy: 'u1', phone: `0770090000${i}` } })));
});
afterEach(async () => {
  await db.close();
});

/** The head the page would store: from the full list, as queries.ts computes it. */
async function headNow(size: number): Promise<CaseloadHead> {
  const docs = await db.clients.find().exec();
  const lwt = await writeTimeOfList(db, docs, new Map(docs.map((d) => [d.id, d])));
  if (lwt === undefined) throw new Error('the list had caught up with every write, yet no write time came back');
  return takeHead(buildClientIndex(docs).sortedIds, lwt, size);
}

async function takeFullHead(): Promise<CaseloadHead> {
  return headNow(25);
}

describe('checkHead', () => {
  it('returns the first rows of the full list, in its order, while nothing was written', async () => {
    const head = await takeFullHead();
    const rows = await checkHead(db, head);
    expect(rows?.map((r) => r.name)).toEqual(['Aaron Dell', 'adam brook', 'Bea Cole', 'Cai Evans', 'Dee Ford', 'Émile Zola', 'Eve Gray', 'Zara Ahmed']);
  });

  it('refuses the head after an edit, a new client or a removal', async () => {
    const head = await takeFullHead();
    const someone = await db.clients.findOne({ selector: { name: 'Zara Ahmed' } }).exec();
    if (!someone) throw new Error('Zara Ahmed is missing');
    await updateDoc(db, 'clients', someone.id, { name: 'Aardvark Zara' });
    expect(await checkHead(db, head)).toBeUndefined();

    const afterEdit = await takeFullHead();
    expect(await checkHead(db, afterEdit)).toHaveLength(8);
    await createDoc(db, 'clients', { name: 'Ann Hill', teamId: 't1', createdBy: 'u1' });
    expect(await checkHead(db, afterEdit)).toBeUndefined();

    const afterNew = await takeFullHead();
    await removeDoc(db, 'clients', someone.id);
    expect(await checkHead(db, afterNew)).toBeUndefined();
    expect(await checkHead(db, await takeFullHead())).toHaveLength(8);
  });

  it('refuses a head that names a client no longer on the device', async () => {
    const head = await takeFullHead();
    expect(await checkHead(db, { ...head, ids: [...head.ids.slice(0, 7), 'gone'] })).toBeUndefined();
  });

  it('takes only the first screen of a long list', async () => {
    const head = await headNow(3);
    expect(head.ids).toHaveLength(3);
    expect(head.count).toBe(8);
  });

  it('accepts a head taken after a removal: a client removed before it is no reason to refuse it', async () => {
    const someone = await db.clients.findOne({ selector: { name: 'Cai Evans' } }).exec();
    if (!someone) throw new Error('Cai Evans is missing');
    // The removal is the newest write of all, later than any client still listed.
    await removeDoc(db, 'clients', someone.id);
    const head = await takeFullHead();
    expect(head.count).toBe(7);
    expect((await checkHead(db, head))?.map((r) => r.name)).toEqual(['Aaron Dell', 'adam brook', 'Bea Cole', 'Dee Ford', 'Émile Zola', 'Eve Gray', 'Zara Ahmed']);
  });

  it('gives no write time while the list has not caught up with a write, so no head is stored from it', async () => {
    const before = await db.clients.find().exec();
    const byId = new Map(before.map((d) => [d.id, d]));
    await createDoc(db, 'clients', { name: 'Ann Hill', teamId: 't1', createdBy: 'u1' });
    expect(await writeTimeOfList(db, before, byId)).toBeUndefined();
    // A removal the list still shows, likewise.
    const someone = before[0];
    if (!someone) throw new Error('no clients');
    const now = await db.clients.find().exec();
    await removeDoc(db, 'clients', someone.id);
    expect(await writeTimeOfList(db, now, new Map(now.map((d) => [d.id, d])))).toBeUndefined();
  });

  it('checks with indexed reads only, never a cursor or a count, though every client was written at the same time', async () => {
    // The clients above came in one write, as a sync's pull writes them: one local write time.
    const head = await takeFullHead();
    const cursors = vi.spyOn(IDBIndex.prototype, 'openCursor');
    const counts = vi.spyOn(IDBIndex.prototype, 'count');
    try {
      expect(await checkHead(db, head)).toHaveLength(8);
      // Before bulk-reads.ts answered "changed since" itself, RxDB walked every client of that write;
      // and IndexedDB counts by walking the index (about 150 ms for 10,000 clients in Chromium).
      expect(cursors).not.toHaveBeenCalled();
      expect(counts).not.toHaveBeenCalled();
    } finally {
      cursors.mockRestore();
      counts.mockRestore();
    }
  });
});
