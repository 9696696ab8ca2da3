/**
 * Building blocks for form validation (forms.ts, visit-form.ts): turning raw field strings into
 * storable text, the rules several forms share, and collecting GOV.UK-style field errors in field
 * order.
 *
 * Text is stored as typed, whatever it says ("<script>", SQL, emoji): rendering escapes it and the
 * database never interprets it, so content alone is never a reason to reject. Cleaning only removes
 * what no person means to type and what would break storage or sync further down:
 * - lone UTF-16 surrogates (from a bad paste) become U+FFFD, since PostgreSQL rejects them in JSON;
 * - control characters: NUL and friends are removed from multi-line text (PostgreSQL cannot store
 *   NUL in text), and single-line fields turn every control character, tabs and line breaks
 *   included, into a space;
 * - leading and trailing whitespace is trimmed, and Windows line breaks become `\n`.
 * Lengths count code points, as the JSON Schemas' `maxLength` does (text.ts).
 */
import { SHORT_TEXT_MAX } from '../schemas/common';
import { toIsoDate } from './dates';
import { isLongerThan } from './text';

/** Longest id a reference field (caseId, contractId) may hold: the schemas' id limit. */
export const ID_REF_MAX = 64;
/** Earliest date accepted for a date of birth, visit or consent: anything earlier is a typing slip. */
export const EARLIEST_DATE = '1900-01-01';

export interface FieldError {
  /** The input's field name (`followUps.0.title` inside lists), usable as the element id to link to. */
  field: string;
  /** Plain English, GOV.UK style: says what to do, e.g. "Enter the client's full name". */
  message: string;
}

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SINGLE_LINE_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex -- everything but tab and line feed
const MULTI_LINE_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function asString(raw: unknown): string {
  return typeof raw === 'string' ? raw.replace(LONE_SURROGATE, '\uFFFD') : '';
}

/** A one-line field (name, phone, title) as it will be stored. Non-strings count as empty. */
export function singleLine(raw: unknown): string {
  return asString(raw).replace(SINGLE_LINE_CONTROLS, ' ').trim();
}

/** A multi-line field (notes, address) as it will be stored: line breaks and tabs kept. */
export function multiLine(raw: unknown): string {
  return asString(raw).replace(/\r\n?/g, '\n').replace(MULTI_LINE_CONTROLS, '').trim();
}

/** "10,000": limits written the way the message reads them. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}

export function tooLong(value: string, max: number): boolean {
  return isLongerThan(value, max);
}

export function tooLongMessage(label: string, max: number): string {
  return `${label} must be ${formatCount(max)} characters or fewer`;
}

/** Errors in the order they are added, at most one per field (the first rule a field breaks). */
export class ErrorList {
  readonly errors: FieldError[] = [];
  private readonly fields = new Set<string>();

  add(field: string, message: string): void {
    if (this.fields.has(field)) return;
    this.fields.add(field);
    this.errors.push({ field, message });
  }

  has(field: string): boolean {
    return this.fields.has(field);
  }

  get isEmpty(): boolean {
    return this.errors.length === 0;
  }

  failure(): { ok: false; errors: FieldError[] } {
    return { ok: false, errors: this.errors };
  }
}

/**
 * For an edit: the validated value with every optional field it omits set to `undefined`, so that
 * patching an existing document clears what the user emptied (the merge drops cleared fields).
 */
export function withClearedFields<T extends object>(value: T, optional: readonly (keyof T)[]): T {
  const out = { ...value };
  for (const key of optional) {
    if (!(key in out)) out[key] = undefined as T[keyof T];
  }
  return out;
}

export function limitText(errors: ErrorList, field: string, value: string, max: number, label: string): void {
  if (tooLong(value, max)) errors.add(field, tooLongMessage(label, max));
}

/** Cleaned, de-duplicated, non-empty items of a multiple-choice or "add another" list. */
export function cleanList(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const items = raw.map((item) => singleLine(item)).filter((item) => item !== '');
  return [...new Set(items)];
}

/** A list of short texts: at most `maxItems`, each within the schema's short-text limit. */
export function checkList(errors: ErrorList, field: string, items: readonly string[], maxItems: number, noun: string, nounPlural: string): void {
  if (items.length > maxItems) errors.add(field, `Select ${formatCount(maxItems)} ${nounPlural} or fewer`);
  else if (items.some((item) => tooLong(item, SHORT_TEXT_MAX))) errors.add(field, `Each ${noun} must be ${formatCount(SHORT_TEXT_MAX)} characters or fewer`);
}

/**
 * A past-or-present date field: '' gives `undefined` (the caller decides if that is allowed); an
 * error is added for anything else that is not a real date between 1900 and `today`.
 */
export function pastDate(errors: ErrorList, field: string, raw: unknown, today: string, label: string): string | undefined {
  const text = singleLine(raw);
  if (text === '') return undefined;
  const date = toIsoDate(text);
  if (date === null) errors.add(field, `${label} must be a real date`);
  else if (date > today) errors.add(field, `${label} must be today or in the past`);
  else if (date < EARLIEST_DATE) errors.add(field, `${label} must be in 1900 or later`);
  else return date;
  return undefined;
}
