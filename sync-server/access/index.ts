/**
 * Access control (A1/A2) as two pure functions over every collection, deny by default: a collection
 * without rules here can be neither read nor written, whatever the role.
 */
import type { CollectionName } from '#shared/schemas/index';
import type { DocData } from '#shared/lib/validate';
import { deny } from './helpers';
import { casesAccess } from './rules/cases';
import { clientsAccess } from './rules/clients';
import { conflictsAccess } from './rules/conflicts';
import { feedbackAccess } from './rules/feedback';
import { tasksAccess } from './rules/tasks';
import { visitsAccess } from './rules/visits';
import type { AccessContext, AccessUser, CollectionAccess, WriteDecision } from './types';

const RULES: Partial<Record<CollectionName, CollectionAccess>> = {
  clients: clientsAccess,
  cases: casesAccess,
  visits: visitsAccess,
  tasks: tasksAccess,
  feedback: feedbackAccess,
  conflicts: conflictsAccess,
};

export function canRead(user: AccessUser, collection: CollectionName, doc: DocData, ctx: AccessContext): boolean {
  return RULES[collection]?.canRead(user, doc, ctx) ?? false;
}

export function canWrite(user: AccessUser, collection: CollectionName, prev: DocData | null, next: DocData, ctx: AccessContext): WriteDecision {
  const rules = RULES[collection];
  if (!rules) return deny('The server does not accept changes to this kind of record.');
  return rules.canWrite(user, prev, next, ctx);
}

/** Whether a role can read anything at all in a collection; lets a pull skip scanning for kiosks. */
export function readsNothing(user: AccessUser): boolean {
  return user.role === 'kiosk';
}

export { buildScope } from './scope';
export type { AccessContext, AccessUser, Scope, WriteDecision } from './types';
export { EMPTY_SCOPE } from './types';
