/** The unsynced changes page's wording: each outbox row as a record a person recognises. */
import { describe, expect, it } from 'vitest';
import { describeRows, EMPTY_LOOKUP, type RecordLookup } from './model';

const lookup: RecordLookup = {
  ...EMPTY_LOOKUP,
  clients: new Map([['c1', { name: 'Maya Patel' }]]),
  cases: new Map([['k1', { type: 'digital-inclusion', clientId: 'c1' }]]),
  visits: new Map([['v1', { kind: 'home', at: '2025-03-05T14:05:00.000Z', clientId: 'c1' }]]),
  tasks: new Map([['t1', { title: 'Chase banding', clientId: 'c1' }]]),
  conflicts: new Map([['x1', { field: 'postcode', collectionName: 'clients', documentId: 'c1' }]]),
};

const row = (collectionName: string, documentId: string, since: string, rejectedReason?: string) => ({
  id: `${collectionName}:${documentId}`,
  collectionName,
  documentId,
  since,
  ...(rejectedReason ? { rejectedReason } : {}),
});

describe('unsynced rows', () => {
  it('names each record in plain words and links to its page', () => {
    const entries = describeRows(
      [row('clients', 'c1', '2025-03-05T10:00:00Z'), row('cases', 'k1', '2025-03-05T11:00:00Z'), row('visits', 'v1', '2025-03-05T12:00:00Z'), row('tasks', 't1', '2025-03-05T13:00:00Z'), row('conflicts', 'x1', '2025-03-05T14:00:00Z')],
      lookup,
    );
    expect(entries.map((e) => [e.kind, e.href])).toEqual([
      ['Client details', '/clients/c1'],
      ['Case', '/clients/c1'],
      ['Visit', '/clients/c1'],
      ['Follow-up task', '/clients/c1'],
      ['Conflict decision', '/conflicts'],
    ]);
    expect(entries[0]?.label).toBe('Maya Patel');
    expect(entries[1]?.label).toBe('Digital inclusion case, for Maya Patel');
    expect(entries[2]?.label).toMatch(/^Home visit, 5 Mar 2025, \d\d:05, for Maya Patel$/);
    expect(entries[3]?.label).toBe('Chase banding, for Maya Patel');
  });

  it('says so when the record is no longer on the device', () => {
    const [entry] = describeRows([row('clients', 'gone', '2025-03-05T10:00:00Z')], lookup);
    expect(entry?.href).toBeNull();
    expect(entry?.label).toMatch(/no longer on this device/);
    expect(entry?.onDevice).toBe(false);
  });

  it('[C4][A3] names a held-back change whose record left this device without guessing it was deleted', () => {
    const [gone, here] = describeRows([row('visits', 'gone', '2025-03-05T10:00:00Z', 'Not on case'), row('clients', 'c1', '2025-03-05T11:00:00Z', 'Bad')], lookup);
    expect(gone).toMatchObject({ label: 'A record that is no longer on this device', href: null, onDevice: false, kind: 'Visit' });
    expect(here).toMatchObject({ onDevice: true, rejectedReason: 'Bad' });
  });

  it('[C4] puts held-back changes first with their reason, then the oldest', () => {
    const entries = describeRows(
      [row('clients', 'c1', '2025-03-05T09:00:00Z'), row('tasks', 't1', '2025-03-05T08:00:00Z'), row('visits', 'v1', '2025-03-05T12:00:00Z', 'Not yours')],
      lookup,
    );
    expect(entries.map((e) => e.key)).toEqual(['visits:v1', 'tasks:t1', 'clients:c1']);
    expect(entries[0]?.rejectedReason).toBe('Not yours');
    expect(entries[1]?.rejectedReason).toBeNull();
  });
});
