/**
 * Visits (append-only, C3): readable with their case. A visit is recorded by its author (`by` must be
 * the caller) on a case in their scope, or on a case the server has not received yet.
 */
import { KIOSK_ONLY_FEEDBACK, NOT_ON_CASE, allow, caseWritable, deny, forged, inScopeCase, isCaseholder, isCoordinator, str } from '../helpers';
import type { CollectionAccess } from '../types';

export const visitsAccess: CollectionAccess = {
  canRead(user, doc, ctx) {
    if (isCoordinator(user)) return true;
    return isCaseholder(user) && inScopeCase(doc, ctx);
  },
  canWrite(user, _prev, next, ctx) {
    if (user.role === 'kiosk') return deny(KIOSK_ONLY_FEEDBACK);
    const forgedBy = forged('by', user, next.by);
    if (forgedBy) return forgedBy;
    if (isCoordinator(user)) return allow();
    return caseWritable(str(next.caseId), ctx) ? allow() : deny(NOT_ON_CASE);
  },
};
