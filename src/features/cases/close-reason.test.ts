/** The stored reason for closing a case, from the form's reason and note. */
import { describe, expect, it } from 'vitest';
import { composeReason } from './close-reason';

describe('composeReason', () => {
  it('keeps a listed reason alone, or with the note after it', () => {
    expect(composeReason('Support completed', '')).toBe('Support completed');
    expect(composeReason('Referred to another service', '  to the tenancy team ')).toBe('Referred to another service: to the tenancy team');
  });

  it("uses the note as the reason for 'Other' (empty when none, for closeCase to refuse)", () => {
    expect(composeReason('Other', 'Went into hospital long term')).toBe('Went into hospital long term');
    expect(composeReason('Other', '  ')).toBe('');
  });
});
