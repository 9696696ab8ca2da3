import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '#db/database';
import { createDoc, updateDoc } from '#db/writes';

describe('local database', () => {
  it('stores a client and records it as unsynced', async () => {
    const db = await openDatabase({ name: 'smoke' + String(Math.random()).slice(2), devMode: true });
    const c = await createDoc(db, 'clients', { name: 'Ada Lovelace', teamId: 't1', createdBy: 'u1' });
    await updateDoc(db, 'clients', c.id, { postcode: 'N1 9GU' });
    const stored = await db.clients.findOne(c.id).exec();
    expect(stored?.postcode).toBe('N1 9GU');
    expect(await db.outbox.count().exec()).toBe(1);
    await db.close();
  });
});
