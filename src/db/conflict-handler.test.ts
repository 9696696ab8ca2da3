/** The conflict handler tells the outbox when the server's state replaced a local one (C3). */
import { describe, expect, it } from 'vitest';
import type { RxConflictHandlerInput } from 'rxdb';
import { makeConflictHandler, type LostValues } from './conflict-handler';

type Doc = Record<string, unknown> & { id: string; _deleted: boolean };
const base: Doc = { id: 'c1', name: 'Maya', postcode: 'LS1 1AA', writeId: 'w0', serverUpdatedAt: 't0', _deleted: false };
const input = (server: Partial<Doc>, local: Partial<Doc>): RxConflictHandlerInput<Doc> => ({
  assumedMasterState: base,
  realMasterState: { ...base, ...server },
  newDocumentState: { ...base, ...local },
});

function handler(collection: 'clients' | 'visits') {
  const lost: LostValues[] = [];
  const settled: string[] = [];
  const h = makeConflictHandler<Doc>(
    collection,
    (v) => {
      lost.push(v);
      return Promise.resolve();
    },
    (id, writeId) => {
      settled.push(`${id}:${writeId}`);
      return Promise.resolve();
    },
  );
  return { h, lost, settled };
}

describe('conflict handler settling', () => {
  it('[C3] settles the local state when the server value wins the same field', async () => {
    const { h, lost, settled } = handler('clients');
    const out = await h.resolve(input({ postcode: 'YO1 7HH', writeId: 'wA', serverUpdatedAt: 't1' }, { postcode: 'HU1 2AA', writeId: 'wB' }), 'ctx');
    expect(out.postcode).toBe('YO1 7HH');
    expect(lost).toHaveLength(1);
    expect(settled).toEqual(['c1:wB']);
  });

  it('[C3] does not settle a merged state: it is a new write that settles when pushed', async () => {
    const { h, settled } = handler('clients');
    const out = await h.resolve(input({ postcode: 'YO1 7HH', writeId: 'wA', serverUpdatedAt: 't1' }, { name: 'Maya P', writeId: 'wB' }), 'ctx');
    expect(out).toMatchObject({ postcode: 'YO1 7HH', name: 'Maya P' });
    expect(settled).toEqual([]);
  });

  it('settles append-only records, where the server state always stands', async () => {
    const { h, settled } = handler('visits');
    await h.resolve(input({ writeId: 'wA', serverUpdatedAt: 't1' }, { writeId: 'wB' }), 'ctx');
    expect(settled).toEqual(['c1:wB']);
  });
});
