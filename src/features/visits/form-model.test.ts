/** The visit form's translation to the domain input and the error order of its summary. */
import { describe, expect, it } from 'vitest';
import { inFieldOrder, initialVisitValues, localErrors, toVisitInput, visitFieldId } from './form-model';

describe('visit form model', () => {
  it('starts with outreach, today and the current time on the device', () => {
    const v = initialVisitValues(new Date(2025, 2, 5, 9, 7), '');
    expect(v).toMatchObject({ kind: 'outreach', date: '2025-03-05', time: '09:07', followUps: [] });
  });

  it("replaces the 'Other' tick with the typed outcome and drops row keys", () => {
    const v = { ...initialVisitValues(new Date(), ''), outcomes: ['Advice given', 'Other'], otherOutcome: 'Lent a phone charger', followUps: [{ key: 'f1', title: 'Call', due: '2025-03-06' }] };
    const input = toVisitInput(v, 'case1');
    expect(input.caseId).toBe('case1');
    expect(input.outcomes).toEqual(['Advice given', 'Lent a phone charger']);
    expect(input.followUps).toEqual([{ title: 'Call', due: '2025-03-06' }]);
  });

  it("asks for the other outcome when 'Other' is ticked and empty", () => {
    const v = { ...initialVisitValues(new Date(), ''), outcomes: ['Other'] };
    expect(localErrors(v)).toEqual([{ field: 'otherOutcome', message: 'Describe the other outcome' }]);
    expect(localErrors({ ...v, otherOutcome: 'x' })).toEqual([]);
  });

  it('orders errors as the fields appear, follow-up rows in order, title before due', () => {
    const e = (field: string) => ({ field, message: field });
    const ordered = inFieldOrder([e('followUps.1.title'), e('otherOutcome'), e('followUps.0.due'), e('date'), e('followUps.0.title'), e('caseId')]);
    expect(ordered.map((x) => x.field)).toEqual(['caseId', 'date', 'otherOutcome', 'followUps.0.title', 'followUps.0.due', 'followUps.1.title']);
  });

  it('maps error fields to element ids', () => {
    expect(visitFieldId('followUps.2.due')).toBe('visit-followUps-2-due');
    expect(visitFieldId('notes')).toBe('visit-notes');
  });
});
