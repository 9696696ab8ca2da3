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

const ADMIN_ACTION_WORDS: Record<string, string> = {
  'user.add': 'Added a person',
  'user.change': 'Changed role or teams',
  'user.deactivate': 'Switched off an account',
  'user.reactivate': 'Switched an account back on',
  'user.reset-password': 'Reset a password',
  'team.add': 'Added a team',
  'device.revoke': 'Revoked a device',
  'kiosk.enrol-code': 'Made a kiosk enrolment code',
  'settings.update': 'Changed the idle lock',
  'held.dealt-with': 'Dealt with a held-back change',
};

/** "Revoked a device: Lost tablet" from an admin audit row; the name is in its detail when it has one. */
export function describeAdminAction(action: string, targetId: string, detail: Record<string, unknown>): string {
  const words = ADMIN_ACTION_WORDS[action] ?? action;
  if (action === 'settings.update' && typeof detail.idleLockMinutes === 'number') return `${words} to ${detail.idleLockMinutes} minutes`;
  if (action === 'held.dealt-with' && typeof detail.collection === 'string' && typeof detail.documentId === 'string') {
    return `${words} to a ${detail.collection.replace(/s$/, '')} record (${detail.documentId})`;
  }
  const name = typeof detail.name === 'string' ? detail.name : targetId;
  return `${words}: ${name}`;
}
