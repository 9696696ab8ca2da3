/**
 * The visit form's state as typed (strings, rows with React keys) and its translation to the
 * domain's VisitFormInput, plus the field ids and the field order used by the error summary.
 * Pure: no React, no database.
 */
import { localDate } from '#shared/domain/tasks';
import type { FieldError, VisitFormInput } from '#shared/domain/forms';
import { OTHER_OUTCOME } from './options';

export interface FollowUpRow {
  /** Stable React key; never stored. */
  key: string;
  title: string;
  due: string;
}

export interface VisitFormValues {
  caseId: string;
  kind: string;
  date: string;
  time: string;
  durationMinutes: string;
  notes: string;
  outcomes: string[];
  otherOutcome: string;
  followUps: FollowUpRow[];
}

const pad = (n: number) => String(n).padStart(2, '0');

export function initialVisitValues(now: Date, caseId: string): VisitFormValues {
  return {
    caseId,
    kind: 'outreach',
    date: localDate(now),
    time: `${pad(now.getHours())}:${pad(now.getMinutes())}`,
    durationMinutes: '',
    notes: '',
    outcomes: [],
    otherOutcome: '',
    followUps: [],
  };
}

/** The element id for an error's field: `followUps.0.title` → `visit-followUps-0-title`. */
export const visitFieldId = (field: string): string => `visit-${field.replaceAll('.', '-')}`;

export function toVisitInput(values: VisitFormValues, caseId: string): VisitFormInput {
  const outcomes = values.outcomes.filter((o) => o !== OTHER_OUTCOME);
  if (values.outcomes.includes(OTHER_OUTCOME) && values.otherOutcome.trim() !== '') outcomes.push(values.otherOutcome);
  return {
    caseId,
    kind: values.kind,
    date: values.date,
    time: values.time,
    durationMinutes: values.durationMinutes,
    notes: values.notes,
    outcomes,
    followUps: values.followUps.map(({ title, due }) => ({ title, due })),
  };
}

/** Checks the form adds on top of the domain's: 'Other' ticked needs its description. */
export function localErrors(values: VisitFormValues): FieldError[] {
  if (values.outcomes.includes(OTHER_OUTCOME) && values.otherOutcome.trim() === '') {
    return [{ field: 'otherOutcome', message: 'Describe the other outcome' }];
  }
  return [];
}

const ORDER = ['caseId', 'kind', 'date', 'time', 'durationMinutes', 'notes', 'outcomes', 'otherOutcome', 'followUps'];

function rank(field: string): number {
  const [top = '', row, part] = field.split('.');
  const base = ORDER.indexOf(top);
  const index = base === -1 ? ORDER.length : base;
  if (row === undefined) return index * 10_000;
  return index * 10_000 + 1 + Number(row) * 2 + (part === 'due' ? 1 : 0);
}

/** Errors in the order their fields appear on the page (the error summary's order). */
export function inFieldOrder(errors: readonly FieldError[]): FieldError[] {
  return [...errors].sort((a, b) => rank(a.field) - rank(b.field));
}
