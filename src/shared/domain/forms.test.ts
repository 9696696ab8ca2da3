import { describe, expect, it } from 'vitest';
import {
  CASE_OPTIONAL_FIELDS,
  CLIENT_OPTIONAL_FIELDS,
  type ClientFormInput,
  type FormResult,
  validateCaseForm,
  validateClientForm,
  validateConsentForm,
  validateFeedbackForm,
  validateTaskForm,
  withClearedFields,
} from './forms';

const today = '2024-06-10';
const HOSTILE = [
  "<script>alert('x')</script>",
  "Robert'); DROP TABLE clients;--",
  '1 OR 1=1; --',
  '🙂 Zoë 👨‍👩‍👧 مرحبا',
  '{{constructor.constructor("x")()}}',
  '../../etc/passwd',
];

function errorsOf<T>(r: FormResult<T>): { field: string; message: string }[] {
  return r.ok ? [] : r.errors;
}
function valueOf<T>(r: FormResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.errors)}`);
  return r.value;
}

const blankClient: ClientFormInput = {
  name: '',
  dateOfBirth: '',
  phone: '',
  email: '',
  postcode: '',
  address: '',
  language: '',
  needs: [],
  notes: '',
};
const client = (over: Partial<ClientFormInput>): ClientFormInput => ({ ...blankClient, name: 'Ann Lee', ...over });

describe('validateClientForm', () => {
  it('needs only a name, and omits every empty optional field', () => {
    expect(validateClientForm(client({ name: '  Ann   Lee ' }), today)).toEqual({ ok: true, value: { name: 'Ann   Lee', needs: [] } });
  });

  it('asks for the name when it is missing or blank', () => {
    expect(errorsOf(validateClientForm(client({ name: ' \t\n ' }), today))).toEqual([{ field: 'name', message: "Enter the client's full name" }]);
  });

  it('limits the name to 200 characters, counting emoji as one', () => {
    expect(validateClientForm(client({ name: 'x'.repeat(200) }), today).ok).toBe(true);
    expect(validateClientForm(client({ name: '🙂'.repeat(200) }), today).ok).toBe(true);
    expect(errorsOf(validateClientForm(client({ name: 'x'.repeat(201) }), today))).toEqual([
      { field: 'name', message: 'Full name must be 200 characters or fewer' },
    ]);
  });

  it('accepts a real past date of birth, typed either way', () => {
    expect(valueOf(validateClientForm(client({ dateOfBirth: '1980-05-01' }), today)).dateOfBirth).toBe('1980-05-01');
    expect(valueOf(validateClientForm(client({ dateOfBirth: '01/05/1980' }), today)).dateOfBirth).toBe('1980-05-01');
    expect(valueOf(validateClientForm(client({ dateOfBirth: today }), today)).dateOfBirth).toBe(today);
    expect(valueOf(validateClientForm(client({ dateOfBirth: '1900-01-01' }), today)).dateOfBirth).toBe('1900-01-01');
  });

  it.each([
    ['1980-02-30', 'Date of birth must be a real date'],
    ['not a date', 'Date of birth must be a real date'],
    ['2024-06-11', 'Date of birth must be today or in the past'],
    ['1899-12-31', 'Date of birth must be in 1900 or later'],
  ])('rejects the date of birth %s', (dateOfBirth, message) => {
    expect(errorsOf(validateClientForm(client({ dateOfBirth }), today))).toEqual([{ field: 'dateOfBirth', message }]);
  });

  it('defaults today to the device date', () => {
    expect(validateClientForm(client({ dateOfBirth: '2999-01-01' })).ok).toBe(false);
  });

  it('accepts phone numbers of digits, spaces and a leading +, with 7 to 20 digits', () => {
    expect(valueOf(validateClientForm(client({ phone: ' 07700  900 982 ' }), today)).phone).toBe('07700 900 982');
    expect(valueOf(validateClientForm(client({ phone: '+44 808 157 0192' }), today)).phone).toBe('+44 808 157 0192');
    expect(validateClientForm(client({ phone: '1234567' }), today).ok).toBe(true);
    expect(validateClientForm(client({ phone: '1'.repeat(20) }), today).ok).toBe(true);
  });

  it.each(['123456', '1'.repeat(21), '0770-090-0982', '(01632) 960001', '44+7700900982', 'call me', '٠٧٧٠٠٩٠٠٩٨٢'])('rejects the phone number %s', (phone) => {
    expect(errorsOf(validateClientForm(client({ phone }), today))).toEqual([
      { field: 'phone', message: 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192' },
    ]);
  });

  it('keeps a stored phone within the schema limit', () => {
    const phone = valueOf(validateClientForm(client({ phone: `+${'1 '.repeat(20)}` }), today)).phone ?? '';
    expect(phone.length).toBeLessThanOrEqual(40);
  });

  it('accepts a plausible email and rejects others', () => {
    expect(valueOf(validateClientForm(client({ email: ' ann.lee+x@example.co.uk ' }), today)).email).toBe('ann.lee+x@example.co.uk');
    for (const email of ['ann', 'ann@', '@example.com', 'ann@example', 'ann lee@example.com', 'ann@@example.com', 'ann@.com']) {
      expect(errorsOf(validateClientForm(client({ email }), today))).toEqual([
        { field: 'email', message: 'Enter an email address in the correct format, like name@example.com' },
      ]);
    }
    expect(errorsOf(validateClientForm(client({ email: `${'a'.repeat(190)}@example.com` }), today))).toEqual([
      { field: 'email', message: 'Email address must be 200 characters or fewer' },
    ]);
  });

  it('normalises a valid postcode to the standard spacing and rejects others', () => {
    expect(valueOf(validateClientForm(client({ postcode: ' sw1a1aa ' }), today)).postcode).toBe('SW1A 1AA');
    expect(valueOf(validateClientForm(client({ postcode: 'm1   1ae' }), today)).postcode).toBe('M1 1AE');
    for (const postcode of ['SW1A', '12345', 'not a postcode', 'X'.repeat(10_000)]) {
      expect(errorsOf(validateClientForm(client({ postcode }), today))).toEqual([{ field: 'postcode', message: 'Enter a real postcode, like SW1A 1AA' }]);
    }
  });

  it('limits address and language, keeping line breaks in the address', () => {
    expect(valueOf(validateClientForm(client({ address: ' 1 High St\r\nLeeds ', language: ' Polish ' }), today))).toMatchObject({
      address: '1 High St\nLeeds',
      language: 'Polish',
    });
    expect(errorsOf(validateClientForm(client({ address: 'a'.repeat(501), language: 'l'.repeat(61) }), today))).toEqual([
      { field: 'address', message: 'Address must be 500 characters or fewer' },
      { field: 'language', message: 'Language must be 60 characters or fewer' },
    ]);
  });

  it('cleans the needs list and limits it', () => {
    expect(valueOf(validateClientForm(client({ needs: [' Housing ', '', 'Housing', 'Benefits'] }), today)).needs).toEqual(['Housing', 'Benefits']);
    expect(errorsOf(validateClientForm(client({ needs: Array.from({ length: 51 }, (_, i) => `n${i}`) }), today))).toEqual([
      { field: 'needs', message: 'Select 50 needs or fewer' },
    ]);
    expect(errorsOf(validateClientForm(client({ needs: ['x'.repeat(201)] }), today))).toEqual([
      { field: 'needs', message: 'Each need must be 200 characters or fewer' },
    ]);
  });

  it('limits notes to 10,000 characters and says so', () => {
    expect(validateClientForm(client({ notes: 'n'.repeat(10_000) }), today).ok).toBe(true);
    expect(errorsOf(validateClientForm(client({ notes: 'n'.repeat(10_001) }), today))).toEqual([
      { field: 'notes', message: 'Notes must be 10,000 characters or fewer' },
    ]);
  });

  it('lists every error in field order', () => {
    const r = validateClientForm(
      { name: '', dateOfBirth: '2024-13-01', phone: 'x', email: 'x', postcode: 'x', address: 'a'.repeat(501), language: 'l'.repeat(61), needs: ['x'.repeat(201)], notes: 'n'.repeat(10_001) },
      today,
    );
    expect(errorsOf(r).map((e) => e.field)).toEqual(['name', 'dateOfBirth', 'phone', 'email', 'postcode', 'address', 'language', 'needs', 'notes']);
  });

  it.each(HOSTILE)('stores hostile-looking text as typed: %s', (text) => {
    const v = valueOf(validateClientForm(client({ name: text, address: text, language: text.slice(0, 60), needs: [text], notes: text }), today));
    expect(v.name).toBe(text);
    expect(v.address).toBe(text);
    expect(v.needs).toEqual([text]);
    expect(v.notes).toBe(text);
  });

  it('turns control characters into spaces on one-line fields and drops them from notes', () => {
    const v = valueOf(validateClientForm(client({ name: 'Ann\u0000\nLee\u200b', notes: 'line 1\u0000\r\nline\t2\u0007' }), today));
    expect(v.name).toBe('Ann  Lee\u200b');
    expect(v.notes).toBe('line 1\nline\t2');
  });

  it('repairs lone surrogates so the text can be stored and synced', () => {
    expect(valueOf(validateClientForm(client({ name: 'Ann \ud800 Lee' }), today)).name).toBe('Ann \ufffd Lee');
  });

  it('rejects 10 MB fields for their length only', () => {
    // How long this takes is measured by the domain bench suite (tests/bench/suites/domain.ts), not asserted here.
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const r = validateClientForm({ name: huge, dateOfBirth: huge, phone: huge, email: huge, postcode: huge, address: huge, language: huge, needs: [huge], notes: huge }, today);
    expect(errorsOf(r)).toEqual([
      { field: 'name', message: 'Full name must be 200 characters or fewer' },
      { field: 'dateOfBirth', message: 'Date of birth must be a real date' },
      { field: 'phone', message: 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192' },
      { field: 'email', message: 'Email address must be 200 characters or fewer' },
      { field: 'postcode', message: 'Enter a real postcode, like SW1A 1AA' },
      { field: 'address', message: 'Address must be 500 characters or fewer' },
      { field: 'language', message: 'Language must be 60 characters or fewer' },
      { field: 'needs', message: 'Each need must be 200 characters or fewer' },
      { field: 'notes', message: 'Notes must be 10,000 characters or fewer' },
    ]);
  });

  it('treats missing or non-string fields from a broken caller as empty', () => {
    const r = validateClientForm({ name: 'Ann' } as unknown as ClientFormInput, today);
    expect(r).toEqual({ ok: true, value: { name: 'Ann', needs: [] } });
  });

  it('sets omitted optional fields to undefined for an edit patch', () => {
    const v = valueOf(validateClientForm(client({ phone: '07700 900982' }), today));
    const patch = withClearedFields(v, CLIENT_OPTIONAL_FIELDS);
    expect(patch).toEqual({ name: 'Ann Lee', needs: [], phone: '07700 900982' });
    expect(Object.keys(patch).sort()).toEqual(['address', 'dateOfBirth', 'email', 'language', 'name', 'needs', 'notes', 'phone', 'postcode']);
    expect(patch.email).toBeUndefined();
  });
});

describe('validateCaseForm', () => {
  it('needs a type; summary and contract are optional', () => {
    expect(validateCaseForm({ type: ' Housing ', summary: ' ', sharedWithTeam: false, contractId: '' })).toEqual({
      ok: true,
      value: { type: 'Housing', sharedWithTeam: false },
    });
    expect(valueOf(validateCaseForm({ type: 'Housing', summary: 'Needs a flat', sharedWithTeam: true, contractId: 'k1' }))).toEqual({
      type: 'Housing',
      summary: 'Needs a flat',
      sharedWithTeam: true,
      contractId: 'k1',
    });
  });

  it('reports each rule in field order', () => {
    expect(errorsOf(validateCaseForm({ type: '', summary: 's'.repeat(10_001), sharedWithTeam: false, contractId: 'c'.repeat(65) }))).toEqual([
      { field: 'type', message: 'Select the type of case' },
      { field: 'summary', message: 'Summary must be 10,000 characters or fewer' },
      { field: 'contractId', message: 'Select a contract from the list' },
    ]);
    expect(errorsOf(validateCaseForm({ type: 't'.repeat(101), summary: '', sharedWithTeam: false, contractId: '' }))).toEqual([
      { field: 'type', message: 'Type of case must be 100 characters or fewer' },
    ]);
  });

  it('shares with the team only for a real true', () => {
    const input = { type: 'Housing', summary: '', contractId: '', sharedWithTeam: 'false' as unknown as boolean };
    expect(valueOf(validateCaseForm(input)).sharedWithTeam).toBe(false);
  });

  it('stores hostile-looking summaries as typed', () => {
    for (const text of HOSTILE) expect(valueOf(validateCaseForm({ type: 'Other', summary: text, sharedWithTeam: false, contractId: '' })).summary).toBe(text);
  });

  it('clears omitted fields for an edit', () => {
    const v = valueOf(validateCaseForm({ type: 'Housing', summary: '', sharedWithTeam: false, contractId: '' }));
    expect(withClearedFields(v, CASE_OPTIONAL_FIELDS)).toEqual({ type: 'Housing', sharedWithTeam: false, summary: undefined, contractId: undefined });
  });
});

describe('validateTaskForm', () => {
  it('needs a title and a due date from today on', () => {
    expect(validateTaskForm({ title: ' Call GP ', due: today }, today)).toEqual({ ok: true, value: { title: 'Call GP', due: today } });
    expect(valueOf(validateTaskForm({ title: 'Call GP', due: '11/06/2024' }, today)).due).toBe('2024-06-11');
  });

  it.each([
    [{ title: '', due: '' }, [
      { field: 'title', message: 'Enter what needs to be done' },
      { field: 'due', message: 'Enter a due date' },
    ]],
    [{ title: 'x'.repeat(201), due: '2024-02-30' }, [
      { field: 'title', message: 'Task must be 200 characters or fewer' },
      { field: 'due', message: 'Due date must be a real date' },
    ]],
    [{ title: 'Call', due: '2024-06-09' }, [{ field: 'due', message: 'Due date must be today or in the future' }]],
  ])('reports %j', (input, errors) => {
    expect(errorsOf(validateTaskForm(input, today))).toEqual(errors);
  });

  it('keeps an overdue task’s unchanged due date when editing', () => {
    expect(validateTaskForm({ title: 'Call', due: '2024-06-01' }, today, { currentDue: '2024-06-01' }).ok).toBe(true);
    expect(validateTaskForm({ title: 'Call', due: '2024-06-02' }, today, { currentDue: '2024-06-01' }).ok).toBe(false);
  });
});

describe('validateFeedbackForm', () => {
  it('needs a rating of 1 to 5; the rest is optional', () => {
    expect(validateFeedbackForm({ rating: '4', comment: '', theme: '', caseId: '' })).toEqual({ ok: true, value: { rating: 4 } });
    expect(valueOf(validateFeedbackForm({ rating: ' 1 ', comment: ' Kind staff ', theme: 'staff', caseId: 'c1' }))).toEqual({
      rating: 1,
      comment: 'Kind staff',
      theme: 'staff',
      caseId: 'c1',
    });
  });

  it.each(['', '0', '6', '3.5', 'five', '05', '-1'])('rejects the rating %j', (rating) => {
    expect(errorsOf(validateFeedbackForm({ rating, comment: '', theme: '', caseId: '' }))).toEqual([
      { field: 'rating', message: 'Select a rating from 1 to 5' },
    ]);
  });

  it('checks the theme, comment length and case reference in field order', () => {
    expect(errorsOf(validateFeedbackForm({ rating: '', comment: 'c'.repeat(10_001), theme: 'food', caseId: 'x'.repeat(65) }))).toEqual([
      { field: 'rating', message: 'Select a rating from 1 to 5' },
      { field: 'comment', message: 'Comment must be 10,000 characters or fewer' },
      { field: 'theme', message: 'Select a theme from the list' },
      { field: 'caseId', message: 'Select a case from the list' },
    ]);
  });

  it('stores hostile-looking comments as typed', () => {
    for (const text of HOSTILE) expect(valueOf(validateFeedbackForm({ rating: '5', comment: text, theme: '', caseId: '' })).comment).toBe(text);
  });
});

describe('validateConsentForm', () => {
  const now = new Date(2024, 5, 10, 15, 45);

  it('records consent given or refused now when no date is entered', () => {
    expect(validateConsentForm({ purpose: ' Share with GP ', given: 'yes', date: '' }, now)).toEqual({
      ok: true,
      value: { purpose: 'Share with GP', given: true, at: now.toISOString() },
    });
    expect(valueOf(validateConsentForm({ purpose: 'Share with GP', given: 'no', date: today }, now))).toEqual({
      purpose: 'Share with GP',
      given: false,
      at: now.toISOString(),
    });
  });

  it('records an earlier date at midday local time', () => {
    expect(valueOf(validateConsentForm({ purpose: 'Photos', given: 'yes', date: '2024-06-01' }, now)).at).toBe(new Date(2024, 5, 1, 12, 0).toISOString());
  });

  it('needs a purpose and an answer, and a real date not in the future', () => {
    expect(errorsOf(validateConsentForm({ purpose: '', given: '', date: '2024-06-11' }, now))).toEqual([
      { field: 'purpose', message: 'Enter what the client is consenting to' },
      { field: 'given', message: 'Select yes if the client gives consent' },
      { field: 'date', message: 'Date of consent must be today or in the past' },
    ]);
    expect(errorsOf(validateConsentForm({ purpose: 'p'.repeat(201), given: 'maybe' as 'yes', date: '2024-02-31' }, now))).toEqual([
      { field: 'purpose', message: 'Purpose must be 200 characters or fewer' },
      { field: 'given', message: 'Select yes if the client gives consent' },
      { field: 'date', message: 'Date of consent must be a real date' },
    ]);
  });
});
