// Unit tests for the held-back changes formatting (sync.md C4).
import { describe, expect, it } from 'vitest';
import { describeHeld, heldFields, heldValue, type HeldRecord } from './heldModel';

const rec = (over: Partial<HeldRecord>): HeldRecord => ({
  id: 1, documentId: 'case-1', writeId: 'w1', document: { id: 'case-1', title: 'Housing', notes: 'Moved', updatedAt: 'x' },
  code: 'out_of_scope', reason: 'This case is no longer assigned to you.', collection: 'cases', authorId: 'u1', deviceId: 'd1', at: '2026-01-01T10:00:00Z', ...over,
});

describe('held-back changes (C4)', () => {
  it('lists newest first with names, reason and readable fields', () => {
    const out = describeHeld([rec({ writeId: 'old', at: '2026-01-01T09:00:00Z' }), rec({ writeId: 'new' })], new Map([['u1', 'Wren Worker']]), new Map([['case-1', 'Housing']]));
    expect(out.map((e) => e.key)).toEqual(['cases:new', 'cases:old']);
    expect(out[0]).toMatchObject({ who: 'Wren Worker', what: 'Case: Housing', device: 'd1', reason: 'This case is no longer assigned to you.' });
    expect(out[0]?.fields).toEqual([{ label: 'Notes', value: 'Moved' }, { label: 'Title', value: 'Housing' }]);
  });
  it('falls back to ids and a plain reason for unknown people, records and empty reasons', () => {
    const [e] = describeHeld([rec({ authorId: 'zz', deviceId: null, reason: ' ' })], new Map());
    expect(e).toMatchObject({ who: 'Unknown person (zz)', what: 'Case case-1 (not on this device)', device: 'Unknown device', reason: 'The server held this change back.' });
  });
  it('shows hostile or odd documents as words, never crashing', () => {
    expect(heldFields(null)).toEqual([]);
    expect(heldFields('text')).toEqual([]);
    expect(heldFields([1, 2])).toEqual([]);
    expect(heldFields({ dateOfBirth: null, done: true, tags: ['a', 'b'] })).toEqual([
      { label: 'Date of birth', value: '(empty)' }, { label: 'Done', value: 'Yes' }, { label: 'Tags', value: 'a, b' },
    ]);
    expect(heldValue({ street: 'Main' })).toBe('Street: Main');
  });
});
