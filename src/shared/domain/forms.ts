/**
 * Field-level validation of the worker's forms, shared by the app (error summary and inline errors)
 * and anything else that accepts the same input. Each validator takes the raw strings of the form's
 * fields and returns either the value to store or the errors in field order, one per field, with
 * GOV.UK-style messages that say what to do ("Enter…", "Select…", "… must be …").
 *
 * Values are shaped for the schema's document (src/shared/schemas): trimmed; absent optional fields
 * omitted rather than empty strings; dates as `YYYY-MM-DD`, moments as ISO strings, numbers as
 * numbers. For an edit, `withClearedFields(value, CLIENT_OPTIONAL_FIELDS)` turns the omitted fields
 * into explicit `undefined`s so that the patch clears them.
 *
 * Dates are checked against the device's local "today" or "now", passed in by the caller so the
 * rules are pure and testable. The visit form lives in visit-form.ts and is re-exported here.
 */
import { LONG_TEXT_MAX, SHORT_TEXT_MAX } from '../schemas/common';
import { FEEDBACK_THEMES } from '../schemas/feedback';
import { localDate, toIsoDate } from './dates';
import { checkList, cleanList, ErrorList, type FormResult, ID_REF_MAX, limitText, multiLine, pastDate, singleLine, tooLong, tooLongMessage } from './form-fields';
import { formatPostcode } from './text';

export type { FieldError, FormResult } from './form-fields';
export { withClearedFields } from './form-fields';
export { followUpField, validateVisitForm } from './visit-form';
export type { FollowUpInput, FollowUpValue, VisitFields, VisitFormInput, VisitFormValue } from './visit-form';

type FeedbackTheme = (typeof FEEDBACK_THEMES)[number];

/** Limits the client and case schemas set on these fields (a message and its rule read one constant). */
const NAME_MAX = 200;
const EMAIL_MAX = 200;
const ADDRESS_MAX = 500;
const LANGUAGE_MAX = 60;
const NEEDS_MAX_ITEMS = 50;
const CASE_TYPE_MAX = 100;
/** Phone numbers: UK numbers have 10 or 11 digits; 7 allows short local numbers and 20 any international one. */
const PHONE_MIN_DIGITS = 7;
const PHONE_MAX_DIGITS = 20;

const PHONE_SHAPE = /^\+?[\d ]+$/;
/** Something@something.tld, no spaces: plausible, not proof (only sending an email proves an address). */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

// ---------------------------------------------------------------------------------------------
// Client

export interface ClientFormInput {
  name: string;
  /** `YYYY-MM-DD` (or `DD/MM/YYYY`), '' when not known. */
  dateOfBirth: string;
  phone: string;
  email: string;
  postcode: string;
  address: string;
  language: string;
  needs: string[];
  notes: string;
}

export interface ClientFormValue {
  name: string;
  dateOfBirth?: string;
  phone?: string;
  email?: string;
  /** Uppercase with the standard space, e.g. "SW1A 1AA". */
  postcode?: string;
  address?: string;
  language?: string;
  needs: string[];
  notes?: string;
}

/** The optional fields of a client value, for `withClearedFields` when editing. */
export const CLIENT_OPTIONAL_FIELDS = ['dateOfBirth', 'phone', 'email', 'postcode', 'address', 'language', 'notes'] as const satisfies readonly (keyof ClientFormValue)[];

/** `today` defaults to the device's local date. */
export function validateClientForm(input: ClientFormInput, today: string = localDate(new Date())): FormResult<ClientFormValue> {
  const errors = new ErrorList();

  const name = singleLine(input.name);
  if (name === '') errors.add('name', "Enter the client's full name");
  else limitText(errors, 'name', name, NAME_MAX, 'Full name');

  const dateOfBirth = pastDate(errors, 'dateOfBirth', input.dateOfBirth, today, 'Date of birth');

  const phoneText = singleLine(input.phone).replace(/ {2,}/g, ' ');
  if (phoneText !== '') {
    const digits = phoneText.replace(/\D/g, '').length;
    if (!PHONE_SHAPE.test(phoneText) || digits < PHONE_MIN_DIGITS || digits > PHONE_MAX_DIGITS) {
      errors.add('phone', 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192');
    }
  }

  const email = singleLine(input.email);
  if (email !== '') {
    if (tooLong(email, EMAIL_MAX)) errors.add('email', tooLongMessage('Email address', EMAIL_MAX));
    else if (!EMAIL_SHAPE.test(email)) errors.add('email', 'Enter an email address in the correct format, like name@example.com');
  }

  const postcodeText = singleLine(input.postcode);
  // Anything much longer than "SW1A 1AA" cannot be a postcode; skip normalising huge input.
  const postcode = postcodeText === '' || postcodeText.length > 40 ? null : formatPostcode(postcodeText);
  if (postcodeText !== '' && postcode === null) errors.add('postcode', 'Enter a real postcode, like SW1A 1AA');

  const address = multiLine(input.address);
  limitText(errors, 'address', address, ADDRESS_MAX, 'Address');

  const language = singleLine(input.language);
  limitText(errors, 'language', language, LANGUAGE_MAX, 'Language');

  const needs = cleanList(input.needs);
  checkList(errors, 'needs', needs, NEEDS_MAX_ITEMS, 'need', 'needs');

  const notes = multiLine(input.notes);
  limitText(errors, 'notes', notes, LONG_TEXT_MAX, 'Notes');

  if (!errors.isEmpty) return errors.failure();
  return {
    ok: true,
    value: {
      name,
      ...(dateOfBirth ? { dateOfBirth } : {}),
      ...(phoneText ? { phone: phoneText } : {}),
      ...(email ? { email } : {}),
      ...(postcode ? { postcode } : {}),
      ...(address ? { address } : {}),
      ...(language ? { language } : {}),
      needs,
      ...(notes ? { notes } : {}),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Case

export interface CaseFormInput {
  type: string;
  summary: string;
  sharedWithTeam: boolean;
  /** '' when the case is not funded under a contract. */
  contractId: string;
}

export interface CaseFormValue {
  type: string;
  summary?: string;
  sharedWithTeam: boolean;
  contractId?: string;
}

export const CASE_OPTIONAL_FIELDS = ['summary', 'contractId'] as const satisfies readonly (keyof CaseFormValue)[];

export function validateCaseForm(input: CaseFormInput): FormResult<CaseFormValue> {
  const errors = new ErrorList();
  const type = singleLine(input.type);
  if (type === '') errors.add('type', 'Select the type of case');
  else limitText(errors, 'type', type, CASE_TYPE_MAX, 'Type of case');

  const summary = multiLine(input.summary);
  limitText(errors, 'summary', summary, LONG_TEXT_MAX, 'Summary');

  const contractId = singleLine(input.contractId);
  if (tooLong(contractId, ID_REF_MAX)) errors.add('contractId', 'Select a contract from the list');

  const shared: unknown = input.sharedWithTeam; // only a real `true` shares: never a truthy string
  const sharedWithTeam = shared === true;

  if (!errors.isEmpty) return errors.failure();
  return {
    ok: true,
    value: {
      type,
      ...(summary ? { summary } : {}),
      sharedWithTeam,
      ...(contractId ? { contractId } : {}),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Task

export interface TaskFormInput {
  title: string;
  /** `YYYY-MM-DD`. */
  due: string;
}

export interface TaskFormValue {
  title: string;
  due: string;
}

export interface TaskFormOptions {
  /** When editing: the task's current due date, accepted even if it has passed (an overdue task keeps its date). */
  currentDue?: string;
}

/** `today` is the device's local date; a new due date cannot be before it. */
export function validateTaskForm(input: TaskFormInput, today: string, options: TaskFormOptions = {}): FormResult<TaskFormValue> {
  const errors = new ErrorList();
  const title = singleLine(input.title);
  if (title === '') errors.add('title', 'Enter what needs to be done');
  else limitText(errors, 'title', title, SHORT_TEXT_MAX, 'Task');

  const dueText = singleLine(input.due);
  const due = dueText === '' ? null : toIsoDate(dueText);
  if (dueText === '') errors.add('due', 'Enter a due date');
  else if (due === null) errors.add('due', 'Due date must be a real date');
  else if (due < today && due !== options.currentDue) errors.add('due', 'Due date must be today or in the future');

  if (!errors.isEmpty || due === null) return errors.failure();
  return { ok: true, value: { title, due } };
}

// ---------------------------------------------------------------------------------------------
// Feedback

export interface FeedbackFormInput {
  /** '1' to '5'. */
  rating: string;
  comment: string;
  /** One of FEEDBACK_THEMES, or '' for none. */
  theme: string;
  /** '' when the feedback is not about a case. */
  caseId: string;
}

export interface FeedbackFormValue {
  rating: number;
  comment?: string;
  theme?: FeedbackTheme;
  caseId?: string;
}

function isTheme(theme: string): theme is FeedbackTheme {
  return (FEEDBACK_THEMES as readonly string[]).includes(theme);
}

export function validateFeedbackForm(input: FeedbackFormInput): FormResult<FeedbackFormValue> {
  const errors = new ErrorList();
  const ratingText = singleLine(input.rating);
  const rating = /^[1-5]$/.test(ratingText) ? Number(ratingText) : null;
  if (rating === null) errors.add('rating', 'Select a rating from 1 to 5');

  const comment = multiLine(input.comment);
  limitText(errors, 'comment', comment, LONG_TEXT_MAX, 'Comment');

  const themeText = singleLine(input.theme);
  const theme = isTheme(themeText) ? themeText : null;
  if (themeText !== '' && theme === null) errors.add('theme', 'Select a theme from the list');

  const caseId = singleLine(input.caseId);
  if (tooLong(caseId, ID_REF_MAX)) errors.add('caseId', 'Select a case from the list');

  if (!errors.isEmpty || rating === null) return errors.failure();
  return {
    ok: true,
    value: {
      rating,
      ...(comment ? { comment } : {}),
      ...(theme !== null ? { theme } : {}),
      ...(caseId ? { caseId } : {}),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Consent

export interface ConsentFormInput {
  purpose: string;
  given: 'yes' | 'no' | '';
  /** `YYYY-MM-DD` the consent was given or refused; '' means now. */
  date: string;
}

/** A consent record without `recordedBy`, which the caller adds (the signed-in user). */
export interface ConsentFormValue {
  purpose: string;
  given: boolean;
  /** ISO date-time: `now` for today or no date, otherwise midday local time on that date. */
  at: string;
}

export function validateConsentForm(input: ConsentFormInput, now: Date): FormResult<ConsentFormValue> {
  const errors = new ErrorList();
  const purpose = singleLine(input.purpose);
  if (purpose === '') errors.add('purpose', 'Enter what the client is consenting to');
  else limitText(errors, 'purpose', purpose, SHORT_TEXT_MAX, 'Purpose');

  const given = singleLine(input.given);
  if (given !== 'yes' && given !== 'no') errors.add('given', 'Select yes if the client gives consent');

  const today = localDate(now);
  const date = pastDate(errors, 'date', input.date, today, 'Date of consent');

  if (!errors.isEmpty) return errors.failure();
  let at = now.toISOString();
  if (date && date !== today) {
    // Midday, not midnight: the stored moment then reads as the same date in any nearby time zone.
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    at = new Date(y, m - 1, d, 12, 0).toISOString();
  }
  return { ok: true, value: { purpose, given: given === 'yes', at } };
}
