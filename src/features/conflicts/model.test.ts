/** Conflict review wording: record labels, field names, values, and which fields may be written back. */
import { describe, expect, it } from 'vitest';
import { canSwap, displayValue, fieldLabel, recordLabel, type RecordLookup } from './model';

const lookup: RecordLookup = {
  clients: new Map([['c1', { name: 'Maya Patel' }]]),
  cases: new Map([['k1', { type: 'digital-inclusion', clientId: 'c1' }]]),
  tasks: new Map([['t1', { title: 'Chase banding', clientId: 'c1' }]]),
};

describe('conflict model', () => {
  it('names the record in words', () => {
    expect(recordLabel('clients', 'c1', lookup)).toBe('Client: Maya Patel');
    expect(recordLabel('cases', 'k1', lookup)).toBe('Case: Digital inclusion, for Maya Patel');
    expect(recordLabel('tasks', 't1', lookup)).toBe('Task: Chase banding, for Maya Patel');
    expect(recordLabel('clients', 'gone', lookup)).toBe('Client record (not on this device)');
  });

  it('names fields plainly', () => {
    expect(fieldLabel('dateOfBirth')).toBe('Date of birth');
    expect(fieldLabel('phone')).toBe('Phone');
    expect(fieldLabel('preferredContactTime')).toBe('Preferred contact time');
  });

  it('shows stored JSON values as words', () => {
    expect(displayValue('"07700 900982"')).toBe('07700 900982');
    expect(displayValue('null')).toBe('(empty)');
    expect(displayValue('true')).toBe('Yes');
    expect(displayValue('["housing","food"]')).toBe('housing, food');
    expect(displayValue('not json')).toBe('not json');
  });

  it('writes back only user fields of editable collections', () => {
    expect(canSwap('clients', 'phone')).toBe(true);
    expect(canSwap('clients', 'writeId')).toBe(false);
    expect(canSwap('conflicts', 'status')).toBe(false);
    expect(canSwap('nonsense', 'x')).toBe(false);
  });
});
