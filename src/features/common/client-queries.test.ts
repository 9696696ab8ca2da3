/**
 * clientPageQueries: the visit form and the client page get the very same query objects for one
 * client (so what the form keeps up to date is what the page reads), another client gets its own,
 * and a visit recorded through the app's write path shows in the shared visits query.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type ResonanceDatabase } from '#db/database';
import { createDocs, type AnyNewDoc } from '#db/writes';
import { clientPageQueries } from './client-queries';

let db: ResonanceDatabase;

beforeAll(async () => {
  db = await openDatabase({ name: 'client-queries', indexedDB: new IDBFactory(), IDBKeyRange, devMode: true });
});
afterAll(async () => {
  await db.close();
});

describe('clientPageQueries', () => {
  it('hands out the same four queries for the same client, and new ones for another client', () => {
    const first = clientPageQueries(db, 'cl_a');
    expect(clientPageQueries(db, 'cl_a')).toBe(first);
    const other = clientPageQueries(db, 'cl_b');
    expect(other).not.toBe(first);
    expect(other.visits.mangoQuery.selector).toEqual({ clientId: 'cl_b' });
    expect(other.client.mangoQuery.selector).toEqual({ id: 'cl_b' });
  });

  it('follows a visit stored for that client, and only that client', async () => {
    const { visits } = clientPageQueries(db, 'cl_c');
    expect(await visits.exec()).toEqual([]);
    const visit = (clientId: string): AnyNewDoc => ({
      collection: 'visits',
      fields: { clientId, caseId: 'ca_1', by: 'u_1', kind: 'home', at: '2026-12-01T10:00:00.000Z', durationMinutes: 30, notes: 'Talked about rent', outcomes: [] },
    });
    await createDocs(db, [visit('cl_c'), visit('cl_d')]);
    const found = await clientPageQueries(db, 'cl_c').visits.exec();
    expect(found.map((d) => d.clientId)).toEqual(['cl_c']);
  });
});
