/**
 * Tasks: readable with their case; a worker or helper writes tasks on cases in their scope (or on a
 * case the server has not received yet), and may not edit a task whose case they no longer see.
 */
import { KIOSK_ONLY_FEEDBACK, NOT_ON_CASE, allow, caseWritable, deny, inScopeCase, isCaseholder, isCoordinator, str } from '../helpers';
import type { CollectionAccess } from '../types';

export const tasksAccess: CollectionAccess = {
  canRead(user, doc, ctx) {
    if (isCoordinator(user)) return true;
    return isCaseholder(user) && inScopeCase(doc, ctx);
  },
  canWrite(user, prev, next, ctx) {
    if (isCoordinator(user)) return allow();
    if (!isCaseholder(user)) return deny(KIOSK_ONLY_FEEDBACK);
    if (prev && !inScopeCase(prev, ctx)) return deny(NOT_ON_CASE);
    return caseWritable(str(next.caseId), ctx) ? allow() : deny(NOT_ON_CASE);
  },
};
