/**
 * Words the management screens use: roles a person can hold, what an audit action and a collection
 * are called, and how a refusal's field maps to a form field id.
 */
import { ROLE_LABELS, type Role } from '#shared/domain/roles';

export const PERSON_ROLES: readonly Role[] = ['worker', 'helper', 'coordinator'];

export const ROLE_OPTIONS = PERSON_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

const RECORD_WORDS: Record<string, string> = {
  clients: 'Client details',
  cases: 'Case',
  visits: 'Visit',
  tasks: 'Follow-up task',
  feedback: 'Feedback',
  submissions: 'Form answers',
  conflicts: 'Conflict record',
};

const ACTION_WORDS: Record<string, string> = {
  create: 'created',
  update: 'changed',
  delete: 'deleted',
  quarantine: 'held back (refused by the server)',
};

export function describeWrite(collection: string, action: string): string {
  return `${RECORD_WORDS[collection] ?? collection} ${ACTION_WORDS[action] ?? action}`;
}

/** "3 unsynced" / "None" / "Not reported" for a device's backlog. */
export function backlogText(backlog: number | null): string {
  if (backlog === null) return 'Not reported';
  if (backlog === 0) return 'None';
  return `${backlog} unsynced`;
}
