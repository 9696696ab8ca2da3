/**
 * The caseload head on real RxDB over fake-indexeddb, encrypted at rest as on a tablet: the head
 * taken from the full list comes back as the same rows in the same order, and any write since
 * (an edit, a new client, a removal) makes the check refuse it, so a cold start never shows rows
 * the full list would not show first.
 */
import { IDBFactory, IDBIndex, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildClientIndex } from '#shared/domain/search';
import { openDatabase, type ResonanceDatabase } from '#db/database';
import { createDoc, createDocs, removeDoc, updateDoc } from '#db/writes';
import { checkHead, latestWrite } from './head';
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
  return takeHead(buildClientIndex(docs).sortedIds, latestWrite(docs), size);
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

  async function takeFullHead(): Promise<CaseloadHead> {
    return headNow(25);
  }
  it('checks with indexed reads only, never a cursor, though every client was written at the same time', async () => {
    // The clients above came in one write, as a sync's pull writes them: one local write time.
    const head = await takeFullHead();
    const cursors = vi.spyOn(IDBIndex.prototype, 'openCursor');
    try {
      expect(await checkHead(db, head)).toHaveLength(8);
      // Before bulk-reads.ts answered "changed since" itself, RxDB walked every client of that write.
      expect(cursors).not.toHaveBeenCalled();
    } finally {
      cursors.mockRestore();
    }
  });
});
