import { afterEach, describe, expect, it } from 'vitest';
import { followUpField, validateVisitForm, type VisitFormInput } from './forms';

const now = new Date(2024, 5, 10, 14, 0); // 10 June 2024, 14:00 local
const input = (over: Partial<VisitFormInput> = {}): VisitFormInput => ({
  caseId: 'case1',
  kind: 'home',
  date: '2024-06-10',
  time: '13:30',
  durationMinutes: '',
  notes: '',
  outcomes: [],
  followUps: [],
  ...over,
});
const errorsOf = (over: Partial<VisitFormInput>, at: Date = now) => {
  const r = validateVisitForm(input(over), at);
  return r.ok ? [] : r.errors;
};

describe('validateVisitForm', () => {
  it('gives the visit fields ready for a visit document, and follow-ups apart', () => {
    const r = validateVisitForm(input({ durationMinutes: ' 45 ', notes: ' Talked about rent. ', outcomes: ['Advice given', ''], followUps: [{ title: ' Call landlord ', due: '2024-06-12' }, { title: '', due: '' }] }), now);
    expect(r).toEqual({
      ok: true,
      value: {
        visit: {
          caseId: 'case1',
          kind: 'home',
          at: new Date(2024, 5, 10, 13, 30).toISOString(),
          durationMinutes: 45,
          notes: 'Talked about rent.',
          outcomes: ['Advice given'],
        },
        followUps: [{ title: 'Call landlord', due: '2024-06-12' }],
      },
    });
  });

  it('omits an empty duration and keeps empty notes as the required empty string', () => {
    const r = validateVisitForm(input(), now);
    expect(r.ok && r.value.visit).toEqual({ caseId: 'case1', kind: 'home', at: new Date(2024, 5, 10, 13, 30).toISOString(), notes: '', outcomes: [] });
  });

  it('needs a case and a kind of contact from the list', () => {
    expect(errorsOf({ caseId: ' ', kind: 'visit' })).toEqual([
      { field: 'caseId', message: 'Select a case' },
      { field: 'kind', message: 'Select the type of contact' },
    ]);
    expect(errorsOf({ caseId: 'x'.repeat(65) })).toEqual([{ field: 'caseId', message: 'Select a case' }]);
    for (const kind of ['outreach', 'home', 'drop-in', 'phone', 'online']) expect(errorsOf({ kind })).toEqual([]);
  });

  it('needs a real date and time', () => {
    expect(errorsOf({ date: '', time: '' })).toEqual([
      { field: 'date', message: 'Enter the date of the visit' },
      { field: 'time', message: 'Enter the time of the visit' },
    ]);
    expect(errorsOf({ date: '2024-02-30', time: '25:00' })).toEqual([
      { field: 'date', message: 'Date of the visit must be a real date' },
      { field: 'time', message: 'Time of the visit must be a real time, like 14:30' },
    ]);
    expect(errorsOf({ time: '1:60' })).toEqual([{ field: 'time', message: 'Time of the visit must be a real time, like 14:30' }]);
    expect(errorsOf({ time: 'noon' })).toEqual([{ field: 'time', message: 'Time of the visit must be a real time, like 14:30' }]);
    expect(errorsOf({ date: '1899-12-31' })).toEqual([{ field: 'date', message: 'Date of the visit must be in 1900 or later' }]);
    expect(errorsOf({ time: '9:05' })).toEqual([]);
    expect(errorsOf({ time: '09.05' })).toEqual([]);
  });

  it('allows up to 5 minutes in the future for a fast clock, and no more', () => {
    expect(errorsOf({ time: '14:05' })).toEqual([]);
    expect(errorsOf({ time: '14:06' })).toEqual([{ field: 'time', message: 'Time of the visit must be now or in the past' }]);
    expect(errorsOf({ date: '2024-06-11', time: '09:00' })).toEqual([{ field: 'date', message: 'Date of the visit must be today or in the past' }]);
  });

  it('accepts a visit earlier in the past', () => {
    expect(errorsOf({ date: '2023-12-25', time: '23:59' })).toEqual([]);
  });

  describe('in a time zone with clock changes', () => {
    const saved = process.env.TZ;
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });

    it('refuses a time the clocks skipped', () => {
      process.env.TZ = 'Europe/London';
      const later = new Date(2024, 3, 1, 12, 0);
      expect(errorsOf({ date: '2024-03-31', time: '01:30' }, later)).toEqual([
        { field: 'time', message: 'Enter a time that existed on that date (the clocks went forward)' },
      ]);
      const r = validateVisitForm(input({ date: '2024-03-31', time: '02:30' }), later);
      expect(r.ok && r.value.visit.at).toBe('2024-03-31T01:30:00.000Z');
    });
  });

  it('takes duration as whole minutes from 0 to 1,440', () => {
    const duration = (d: string) => {
      const r = validateVisitForm(input({ durationMinutes: d }), now);
      return r.ok ? r.value.visit.durationMinutes : r.errors;
    };
    expect(duration('0')).toBe(0);
    expect(duration('1440')).toBe(1440);
    expect(duration('1441')).toEqual([{ field: 'durationMinutes', message: 'Duration must be 1,440 minutes (24 hours) or less' }]);
    for (const bad of ['-5', '1.5', '30 mins', 'half an hour', '1e3', '０']) {
      expect(duration(bad)).toEqual([{ field: 'durationMinutes', message: 'Duration must be a whole number of minutes, like 30' }]);
    }
  });

  it('limits notes and outcomes', () => {
    expect(errorsOf({ notes: 'n'.repeat(10_000) })).toEqual([]);
    expect(errorsOf({ notes: 'n'.repeat(10_001), outcomes: Array.from({ length: 21 }, (_, i) => `o${i}`) })).toEqual([
      { field: 'notes', message: 'Notes must be 10,000 characters or fewer' },
      { field: 'outcomes', message: 'Select 20 outcomes or fewer' },
    ]);
    expect(errorsOf({ outcomes: ['o'.repeat(201)] })).toEqual([{ field: 'outcomes', message: 'Each outcome must be 200 characters or fewer' }]);
  });

  it('needs a title with a due date and a due date with a title, from today on', () => {
    expect(
      errorsOf({
        followUps: [
          { title: 'Call GP', due: '' },
          { title: '', due: '2024-06-12' },
          { title: 'Chase', due: '2024-06-09' },
          { title: 'Book', due: '2024-06-31' },
          { title: 't'.repeat(201), due: '2024-06-10' },
          { title: '  ', due: '  ' },
        ],
      }),
    ).toEqual([
      { field: 'followUps.0.due', message: 'Enter a due date for the follow-up' },
      { field: 'followUps.1.title', message: 'Enter what needs to be done' },
      { field: 'followUps.2.due', message: 'Due date must be today or in the future' },
      { field: 'followUps.3.due', message: 'Due date must be a real date' },
      { field: 'followUps.4.title', message: 'Follow-up must be 200 characters or fewer' },
    ]);
    expect(followUpField(3, 'due')).toBe('followUps.3.due');
  });

  it('limits the number of follow-ups', () => {
    const followUps = Array.from({ length: 21 }, (_, i) => ({ title: `t${i}`, due: '2024-06-12' }));
    expect(errorsOf({ followUps })).toEqual([{ field: 'followUps', message: 'Add 20 follow-ups or fewer' }]);
    expect(errorsOf({ followUps: followUps.slice(0, 20) })).toEqual([]);
  });

  it('reports errors in field order', () => {
    const fields = errorsOf({
      caseId: '',
      kind: '',
      date: '',
      time: '',
      durationMinutes: 'x',
      notes: 'n'.repeat(10_001),
      outcomes: ['o'.repeat(201)],
      followUps: [{ title: 'x', due: '' }],
    }).map((e) => e.field);
    expect(fields).toEqual(['caseId', 'kind', 'date', 'time', 'durationMinutes', 'notes', 'outcomes', 'followUps.0.due']);
  });

  it('stores hostile-looking notes, outcomes and follow-ups as typed', () => {
    const text = "<script>alert(1)</script> '; DROP TABLE visits;-- 🙂";
    const r = validateVisitForm(input({ notes: text, outcomes: [text], followUps: [{ title: text, due: '2024-06-10' }] }), now);
    expect(r.ok && r.value).toMatchObject({ visit: { notes: text, outcomes: [text] }, followUps: [{ title: text }] });
  });

  it('rejects 10 MB notes for length only and survives junk from a broken caller', () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    expect(errorsOf({ notes: huge })).toEqual([{ field: 'notes', message: 'Notes must be 10,000 characters or fewer' }]);
    const junk = { caseId: 1, kind: null, date: {}, time: [], durationMinutes: undefined, notes: 5, outcomes: 'x', followUps: [null, 3, { title: 'ok' }] } as unknown as VisitFormInput;
    const r = validateVisitForm(junk, now);
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['caseId', 'kind', 'date', 'time', 'followUps.2.due']);
  });
});
