import { describe, expect, it } from 'vitest';
import { canRecordVisit, CLOSE_REASONS, closeCase, reopenCase } from './cases';

const at = new Date('2024-06-10T09:30:00.000Z');

describe('closeCase', () => {
  it('closes an open case with a trimmed reason and the time', () => {
    expect(closeCase({ status: 'open' }, { reason: '  Support completed ', at })).toEqual({
      ok: true,
      value: { status: 'closed', closedAt: '2024-06-10T09:30:00.000Z', closedReason: 'Support completed' },
    });
  });

  it('refuses to close a closed case', () => {
    const r = closeCase({ status: 'closed' }, { reason: 'Lost contact', at });
    expect(r).toMatchObject({ ok: false, code: 'already-closed', message: 'This case is already closed.' });
  });

  it('needs a reason', () => {
    expect(closeCase({ status: 'open' }, { reason: '', at })).toMatchObject({ ok: false, code: 'reason-required' });
    expect(closeCase({ status: 'open' }, { reason: ' \n\t ', at })).toMatchObject({ ok: false, code: 'reason-required' });
  });

  it('keeps a free-text reason within the schema limit', () => {
    expect(closeCase({ status: 'open' }, { reason: 'x'.repeat(200), at }).ok).toBe(true);
    expect(closeCase({ status: 'open' }, { reason: '🙂'.repeat(200), at }).ok).toBe(true);
    expect(closeCase({ status: 'open' }, { reason: 'x'.repeat(201), at })).toMatchObject({
      ok: false,
      code: 'reason-too-long',
      message: 'Reason for closing must be 200 characters or fewer.',
    });
  });

  it('stores any text as given', () => {
    const r = closeCase({ status: 'open' }, { reason: "<script>alert(1)</script>'; DROP TABLE cases;--", at });
    expect(r.ok && r.value.closedReason).toBe("<script>alert(1)</script>'; DROP TABLE cases;--");
  });

  it('offers plain reasons ending with Other', () => {
    expect(CLOSE_REASONS).toContain('Support completed');
    expect(CLOSE_REASONS.at(-1)).toBe('Other');
  });
});

describe('reopenCase', () => {
  it('reopens a closed case and clears the closing fields explicitly', () => {
    const r = reopenCase({ status: 'closed' });
    expect(r).toEqual({ ok: true, value: { status: 'open', closedAt: undefined, closedReason: undefined } });
    expect(r.ok && Object.keys(r.value)).toEqual(['status', 'closedAt', 'closedReason']);
  });

  it('refuses to reopen an open case', () => {
    expect(reopenCase({ status: 'open' })).toMatchObject({ ok: false, code: 'already-open', message: 'This case is already open.' });
  });
});

describe('canRecordVisit', () => {
  it('allows visits on open cases only', () => {
    expect(canRecordVisit({ status: 'open' })).toBe(true);
    expect(canRecordVisit({ status: 'closed' })).toBe(false);
  });
});
