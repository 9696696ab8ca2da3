/**
 * Validation of the "record a visit" form (see forms.ts for the conventions). The value keeps the
 * visit document's fields apart from the follow-ups, which become tasks: follow-ups are not part of
 * the visit schema, so `value.visit` can be spread into a visit document as it is.
 *
 * The visit's date and time are local to the device; `at` is the ISO moment they name. A time the
 * clocks skipped (spring forward) is refused rather than silently moved.
 */
import { LONG_TEXT_MAX, SHORT_TEXT_MAX } from '../schemas/common';
import { VISIT_KINDS, type VisitKind } from '../schemas/visits';
import { localDate, toIsoDate } from './dates';
import { checkList, cleanList, EARLIEST_DATE, ErrorList, formatCount, type FormResult, ID_REF_MAX, limitText, multiLine, singleLine, tooLong } from './form-fields';

/**
 * How far in the future a visit may be recorded: a visit entered "now" on a tablet whose clock
 * runs a few minutes fast must still save, while a visit next week is a mistake.
 */
const VISIT_FUTURE_TOLERANCE_MS = 5 * 60_000;
/** Most follow-ups from one visit: more is a slip (or a hostile payload creating thousands of tasks). */
const FOLLOW_UPS_MAX = 20;
/** Largest visit duration: one day, the schema's limit. */
const DURATION_MAX_MINUTES = 1440;
/** The schema's limit on outcomes per visit. */
const OUTCOMES_MAX_ITEMS = 20;

const TIME_SHAPE = /^(\d{1,2})[:.](\d{2})$/;
const WHOLE_NUMBER = /^\d+$/;

export interface FollowUpInput {
  title: string;
  /** `YYYY-MM-DD`. */
  due: string;
}

export interface VisitFormInput {
  caseId: string;
  kind: string;
  /** `YYYY-MM-DD`, local. */
  date: string;
  /** `HH:MM`, local, 24-hour. */
  time: string;
  /** Whole minutes, '' when not recorded. */
  durationMinutes: string;
  notes: string;
  outcomes: string[];
  /** Rows of the "add a follow-up" list; rows left completely empty are ignored. */
  followUps: FollowUpInput[];
}

/** The fields of a visit document the form decides; the caller adds clientId, by and the meta fields. */
export interface VisitFields {
  caseId: string;
  kind: VisitKind;
  /** ISO date-time of the visit. */
  at: string;
  durationMinutes?: number;
  notes: string;
  outcomes: string[];
}

export interface FollowUpValue {
  title: string;
  due: string;
}

/**
 * The visit document's fields and, separately, the follow-ups to create as tasks: follow-ups are
 * not part of the visit schema, so keeping them apart means the visit can be spread as is.
 */
export interface VisitFormValue {
  visit: VisitFields;
  followUps: FollowUpValue[];
}

/** The element id of a follow-up row's field, as used in errors: `followUps.2.due`. */
export function followUpField(index: number, part: keyof FollowUpInput): string {
  return `followUps.${index}.${part}`;
}

function isVisitKind(kind: string): kind is VisitKind {
  return (VISIT_KINDS as readonly string[]).includes(kind);
}

function visitMoment(errors: ErrorList, input: VisitFormInput, now: Date): string | undefined {
  const dateText = singleLine(input.date);
  const timeText = singleLine(input.time);
  const today = localDate(now);
  let date: string | null = null;
  if (dateText === '') errors.add('date', 'Enter the date of the visit');
  else {
    date = toIsoDate(dateText);
    if (date === null) errors.add('date', 'Date of the visit must be a real date');
    else if (date > today) errors.add('date', 'Date of the visit must be today or in the past');
    else if (date < EARLIEST_DATE) errors.add('date', 'Date of the visit must be in 1900 or later');
  }
  const time = TIME_SHAPE.exec(timeText);
  const hours = Number(time?.[1]);
  const minutes = Number(time?.[2]);
  if (timeText === '') errors.add('time', 'Enter the time of the visit');
  else if (!time || hours > 23 || minutes > 59) errors.add('time', 'Time of the visit must be a real time, like 14:30');
  if (errors.has('date') || errors.has('time') || date === null) return undefined;

  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const at = new Date(y, m - 1, d, hours, minutes);
  if (at.getHours() !== hours || at.getMinutes() !== minutes) {
    errors.add('time', 'Enter a time that existed on that date (the clocks went forward)');
    return undefined;
  }
  if (at.getTime() > now.getTime() + VISIT_FUTURE_TOLERANCE_MS) {
    errors.add('time', 'Time of the visit must be now or in the past');
    return undefined;
  }
  return at.toISOString();
}

function followUps(errors: ErrorList, raw: unknown, today: string): FollowUpValue[] {
  const rows: unknown[] = Array.isArray(raw) ? raw : [];
  const out: FollowUpValue[] = [];
  const filled = rows.filter((row) => row && typeof row === 'object' && (singleLine((row as Partial<FollowUpInput>).title) !== '' || singleLine((row as Partial<FollowUpInput>).due) !== ''));
  if (filled.length > FOLLOW_UPS_MAX) {
    errors.add('followUps', `Add ${formatCount(FOLLOW_UPS_MAX)} follow-ups or fewer`);
    return out;
  }
  rows.forEach((row, i) => {
    if (!row || typeof row !== 'object') return;
    const { title: rawTitle, due: rawDue } = row as Partial<FollowUpInput>;
    const title = singleLine(rawTitle);
    const dueText = singleLine(rawDue);
    if (title === '' && dueText === '') return;
    const titleField = followUpField(i, 'title');
    const dueField = followUpField(i, 'due');
    if (title === '') errors.add(titleField, 'Enter what needs to be done');
    else limitText(errors, titleField, title, SHORT_TEXT_MAX, 'Follow-up');
    const due = dueText === '' ? null : toIsoDate(dueText);
    if (dueText === '') errors.add(dueField, 'Enter a due date for the follow-up');
    else if (due === null) errors.add(dueField, 'Due date must be a real date');
    else if (due < today) errors.add(dueField, 'Due date must be today or in the future');
    if (due !== null && !errors.has(titleField) && !errors.has(dueField)) out.push({ title, due });
  });
  return out;
}

/** `now` is the device's current time: visits cannot be in the future, follow-ups not in the past. */
export function validateVisitForm(input: VisitFormInput, now: Date): FormResult<VisitFormValue> {
  const errors = new ErrorList();

  const caseId = singleLine(input.caseId);
  if (caseId === '' || tooLong(caseId, ID_REF_MAX)) errors.add('caseId', 'Select a case');

  const kindText = singleLine(input.kind);
  const kind = isVisitKind(kindText) ? kindText : null;
  if (kind === null) errors.add('kind', 'Select the type of contact');

  const at = visitMoment(errors, input, now);

  const durationText = singleLine(input.durationMinutes);
  let durationMinutes: number | undefined;
  if (durationText !== '') {
    if (!WHOLE_NUMBER.test(durationText)) errors.add('durationMinutes', 'Duration must be a whole number of minutes, like 30');
    else {
      durationMinutes = Number(durationText);
      if (durationMinutes > DURATION_MAX_MINUTES) {
        errors.add('durationMinutes', `Duration must be ${formatCount(DURATION_MAX_MINUTES)} minutes (24 hours) or less`);
      }
    }
  }

  const notes = multiLine(input.notes);
  limitText(errors, 'notes', notes, LONG_TEXT_MAX, 'Notes');

  const outcomes = cleanList(input.outcomes);
  checkList(errors, 'outcomes', outcomes, OUTCOMES_MAX_ITEMS, 'outcome', 'outcomes');

  const tasks = followUps(errors, input.followUps, localDate(now));

  if (!errors.isEmpty || kind === null || at === undefined) return errors.failure();
  return {
    ok: true,
    value: {
      visit: {
        caseId,
        kind,
        at,
        ...(durationMinutes !== undefined ? { durationMinutes } : {}),
        notes,
        outcomes,
      },
      followUps: tasks,
    },
  };
}
