import { describe, expect, it } from 'vitest';
import { mergeFields, sameValue, stableJson, type Doc } from './merge';
import { seededRandom } from './test-clients';

/** A client-like document with its write metadata; `over` replaces or adds fields. */
function doc(over: Doc = {}): Doc {
  return {
    id: 'c1',
    writeId: 'w-base',
    createdAt: '2024-06-01T09:00:00.000Z',
    clientUpdatedAt: '2024-06-01T09:00:00.000Z',
    serverUpdatedAt: '2024-06-01T09:00:01.000Z',
    serverUpdatedBy: 'u1',
    name: 'Ann Lee',
    phone: '07700 900982',
    postcode: 'M1 1AE',
    needs: ['Housing'],
    _deleted: false,
    ...over,
  };
}

describe('mergeFields (sync.md C3)', () => {
  it('[C3] takes a field changed on the device only from the device', () => {
    const base = doc();
    const server = doc({ writeId: 'w-server' });
    const local = doc({ writeId: 'w-local', phone: '07700 900000' });
    const { merged, lost } = mergeFields(base, server, local);
    expect(merged.phone).toBe('07700 900000');
    expect(lost).toEqual([]);
  });

  it('[C3] takes a field changed on the server only from the server', () => {
    const base = doc();
    const server = doc({ writeId: 'w-server', postcode: 'LS1 4AP' });
    const local = doc({ writeId: 'w-local' });
    const { merged, lost } = mergeFields(base, server, local);
    expect(merged.postcode).toBe('LS1 4AP');
    expect(lost).toEqual([]);
  });

  it('[C3] combines different fields changed on each side', () => {
    const base = doc();
    const server = doc({ writeId: 'w-server', postcode: 'LS1 4AP' });
    const local = doc({ writeId: 'w-local', phone: '07700 900000', language: 'Polish' });
    const { merged, lost } = mergeFields(base, server, local);
    expect(merged).toMatchObject({ postcode: 'LS1 4AP', phone: '07700 900000', language: 'Polish', name: 'Ann Lee' });
    expect(lost).toEqual([]);
  });

  it('[C3] keeps the server value of a field both sides changed and reports the device value as lost', () => {
    const base = doc();
    const server = doc({ writeId: 'w-server', name: 'Ann Lee-Smith' });
    const local = doc({ writeId: 'w-local', name: 'Anne Lee' });
    const { merged, lost } = mergeFields(base, server, local);
    expect(merged.name).toBe('Ann Lee-Smith');
    expect(lost).toEqual([{ field: 'name', serverValue: 'Ann Lee-Smith', localValue: 'Anne Lee' }]);
  });

  it('[C3] reports no conflict when both sides made the same change', () => {
    const base = doc();
    const server = doc({ writeId: 'w-server', name: 'Anne Lee', needs: ['Housing', 'Benefits'] });
    const local = doc({ writeId: 'w-local', name: 'Anne Lee', needs: ['Housing', 'Benefits'] });
    const { merged, lost } = mergeFields(base, server, local);
    expect(merged).toMatchObject({ name: 'Anne Lee', needs: ['Housing', 'Benefits'] });
    expect(lost).toEqual([]);
  });

  it('[C3] with no base (both created the document) treats every differing field as a conflict', () => {
    const server = doc({ writeId: 'w-server', name: 'Ann Lee', phone: '01632 960001', notes: 'server only' });
    const local = doc({ writeId: 'w-local', name: 'Ann Lee', phone: '07700 900982', language: 'Polish', postcode: undefined });
    delete local.notes;
    for (const base of [null, undefined]) {
      const { merged, lost } = mergeFields(base, server, local);
      expect(merged).toMatchObject({ name: 'Ann Lee', phone: '01632 960001', notes: 'server only', postcode: 'M1 1AE' });
      expect(merged).not.toHaveProperty('language');
      expect(lost).toEqual(
        expect.arrayContaining([
          { field: 'phone', serverValue: '01632 960001', localValue: '07700 900982' },
          { field: 'postcode', serverValue: 'M1 1AE', localValue: undefined },
          { field: 'notes', serverValue: 'server only', localValue: undefined },
          { field: 'language', serverValue: undefined, localValue: 'Polish' },
        ]),
      );
      expect(lost).toHaveLength(4);
    }
  });

  it('[C3] never treats meta fields as conflicts, and keeps the server’s', () => {
    const base = doc();
    const server = doc({ writeId: 'w-server', clientUpdatedAt: '2024-06-02T10:00:00.000Z', serverUpdatedAt: '2024-06-02T10:00:01.000Z', serverUpdatedBy: 'u2' });
    const local = doc({ writeId: 'w-local', clientUpdatedAt: '2024-06-02T11:00:00.000Z', createdAt: '2024-06-01T09:30:00.000Z', serverUpdatedAt: 'forged', serverUpdatedBy: 'forged' });
    const { merged, lost } = mergeFields(base, server, local);
    expect(lost).toEqual([]);
    expect(merged).toMatchObject({
      id: 'c1',
      writeId: 'w-server',
      createdAt: '2024-06-01T09:00:00.000Z',
      clientUpdatedAt: '2024-06-02T10:00:00.000Z',
      serverUpdatedAt: '2024-06-02T10:00:01.000Z',
      serverUpdatedBy: 'u2',
    });
  });

  it('[C3] never treats RxDB underscore fields as user data', () => {
    const base = doc({ _rev: '1-a', _meta: { lwt: 1 } });
    const server = doc({ writeId: 'w-server', _rev: '2-b', _meta: { lwt: 2 } });
    const local = doc({ writeId: 'w-local', _rev: '2-c', _meta: { lwt: 3 } });
    const { merged, lost } = mergeFields(base, server, local);
    expect(lost).toEqual([]);
    expect(merged).toMatchObject({ _rev: '2-b', _meta: { lwt: 2 } });
  });

  it('[C3] removes a field the device cleared when the server left it alone', () => {
    const base = doc();
    const server = doc({ writeId: 'w-server' });
    const local = doc({ writeId: 'w-local', phone: undefined });
    const { merged, lost } = mergeFields(base, server, local);
    expect(merged).not.toHaveProperty('phone');
    expect(Object.keys(merged)).not.toContain('phone');
    expect(lost).toEqual([]);
  });

  it('[C3] removes a field the device deleted outright when the server left it alone', () => {
    const base = doc();
    const server = doc({ writeId: 'w-server' });
    const local = doc({ writeId: 'w-local' });
    delete local.phone;
    const { merged, lost } = mergeFields(base, server, local);
    expect(merged).not.toHaveProperty('phone');
    expect(lost).toEqual([]);
  });

  it('[C3] removes a field the server cleared when the device left it alone', () => {
    const base = doc();
    const server = doc({ writeId: 'w-server' });
    delete server.postcode;
    const local = doc({ writeId: 'w-local' });
    const { merged, lost } = mergeFields(base, server, local);
    expect(merged).not.toHaveProperty('postcode');
    expect(lost).toEqual([]);
  });

  it('[C3] keeps the server value when the device cleared a field the server changed, reporting the loss', () => {
    const base = doc();
    const server = doc({ writeId: 'w-server', phone: '01632 960001' });
    const local = doc({ writeId: 'w-local', phone: undefined });
    const { merged, lost } = mergeFields(base, server, local);
    expect(merged.phone).toBe('01632 960001');
    expect(lost).toEqual([{ field: 'phone', serverValue: '01632 960001', localValue: undefined }]);
  });

  it('[C3] compares nested objects by value regardless of key order', () => {
    const consentBase = { purpose: 'Share with GP', given: true, at: '2024-06-01T09:00:00.000Z', recordedBy: 'u1' };
    const reordered = { recordedBy: 'u1', at: '2024-06-01T09:00:00.000Z', given: true, purpose: 'Share with GP' };
    const base = doc({ consents: [consentBase], address: { line1: '1 High St', town: 'Leeds' } });
    const server = doc({ writeId: 'w-server', consents: [reordered], address: { town: 'Leeds', line1: '1 High St' } });
    const local = doc({ writeId: 'w-local', consents: [{ ...consentBase }], address: { line1: '1 High St', town: 'Leeds' } });
    const { lost } = mergeFields(base, server, local);
    expect(lost).toEqual([]);
    expect(sameValue({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 })).toBe(true);
    expect(stableJson({ b: 1, a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}],"b":1}');
  });

  it('[C3] treats a nested value edited on both sides as one conflict, not an element-wise blend', () => {
    const base = doc({ needs: ['Housing'] });
    const server = doc({ writeId: 'w-server', needs: ['Housing', 'Benefits'] });
    const local = doc({ writeId: 'w-local', needs: ['Housing', 'Food'] });
    const { merged, lost } = mergeFields(base, server, local);
    expect(merged.needs).toEqual(['Housing', 'Benefits']);
    expect(lost).toEqual([{ field: 'needs', serverValue: ['Housing', 'Benefits'], localValue: ['Housing', 'Food'] }]);
  });

  it('[C3] lets a deletion on the server win over device edits', () => {
    const base = doc();
    const server = doc({ writeId: 'w-server', _deleted: true });
    const local = doc({ writeId: 'w-local', phone: '07700 900000' });
    const { merged } = mergeFields(base, server, local);
    expect(merged._deleted).toBe(true);
  });

  it('[C3] lets a deletion on the device win over server edits', () => {
    const base = doc();
    const server = doc({ writeId: 'w-server', name: 'Ann Lee-Smith' });
    const local = doc({ writeId: 'w-local', _deleted: true });
    const { merged, lost } = mergeFields(base, server, local);
    expect(merged._deleted).toBe(true);
    expect(merged.name).toBe('Ann Lee-Smith');
    expect(lost).toEqual([]);
  });

  it('[C3] leaves an undeleted document undeleted', () => {
    const { merged } = mergeFields(doc(), doc({ writeId: 'w-server' }), doc({ writeId: 'w-local', phone: '1' }));
    expect(merged._deleted).toBe(false);
  });

  it('[C3] never stores an explicit undefined in the merged document', () => {
    const base = doc({ notes: 'n' });
    const server = doc({ writeId: 'w-server', language: undefined });
    const local = doc({ writeId: 'w-local', notes: undefined });
    const { merged } = mergeFields(base, server, local);
    expect(Object.values(merged)).not.toContain(undefined);
  });

  it('[C3] does not modify its inputs', () => {
    const base = doc();
    const server = doc({ writeId: 'w-server', name: 'S' });
    const local = doc({ writeId: 'w-local', name: 'L', phone: undefined, _deleted: true });
    const snapshot = JSON.stringify([base, server, local]);
    mergeFields(base, server, local);
    expect(JSON.stringify([base, server, local])).toBe(snapshot);
  });

  it('[C3] holds the field rules on 2,000 seeded random edits', () => {
    const rand = seededRandom(42);
    const values: unknown[] = [undefined, 'a', 'b', 1, null, ['x'], ['x', 'y'], { k: 1, j: 2 }, { j: 2, k: 1 }];
    const pick = (): unknown => values[Math.floor(rand() * values.length)];
    const fields = ['f1', 'f2', 'f3', 'f4'];
    const make = (): Doc => {
      const out: Doc = {};
      for (const f of fields) {
        const v = pick();
        if (v !== undefined) out[f] = v;
      }
      return out;
    };
    const edit = (from: Doc): Doc => {
      const out: Doc = { ...from };
      for (const f of fields) if (rand() < 0.4) out[f] = pick();
      return out;
    };
    for (let i = 0; i < 2000; i++) {
      const base = rand() < 0.1 ? null : make();
      const server = base ? edit(base) : make();
      const local = base ? edit(base) : make();
      const { merged, lost } = mergeFields(base, server, local);
      const lostFields = new Set(lost.map((l) => l.field));
      for (const f of fields) {
        const localChanged = base ? !sameValue(base[f], local[f]) : true;
        const serverChanged = base ? !sameValue(base[f], server[f]) : true;
        const agree = sameValue(server[f], local[f]);
        const expected = localChanged && !serverChanged ? local[f] : server[f];
        expect(sameValue(merged[f], expected)).toBe(true);
        expect(lostFields.has(f)).toBe(localChanged && serverChanged && !agree);
      }
      expect(Object.values(merged)).not.toContain(undefined);
    }
  });
});
