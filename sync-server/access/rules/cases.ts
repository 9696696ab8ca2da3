/**
 * Cases: a coordinator sees and writes all; a worker or helper sees a case assigned to them or shared
 * with one of their teams, and may write a case only if they can see it before and after the write
 * (so they cannot hand a case away or take one they cannot see; coordinators reassign).
 */
import type { DocData } from '#shared/lib/validate';
import { KIOSK_ONLY_FEEDBACK, allow, deny, isCaseholder, isCoordinator, str } from '../helpers';
import type { AccessUser, CollectionAccess } from '../types';

/** The scope rule itself; the Scope of a request is built from it (access/scope.ts). */
export function caseVisibleTo(user: AccessUser, doc: DocData): boolean {
  if (isCoordinator(user)) return true;
  if (!isCaseholder(user)) return false;
  const assigned = Array.isArray(doc.assignedTo) && doc.assignedTo.includes(user.id);
  const teamId = str(doc.teamId);
  const shared = doc.sharedWithTeam === true && teamId !== undefined && user.teamIds.includes(teamId);
  return assigned || shared;
}

export const casesAccess: CollectionAccess = {
  canRead: (user, doc) => caseVisibleTo(user, doc),
  canWrite(user, prev, next) {
    if (isCoordinator(user)) return allow();
    if (!isCaseholder(user)) return deny(KIOSK_ONLY_FEEDBACK);
    if (prev && !caseVisibleTo(user, prev)) {
      return deny('This case is no longer assigned to you or shared with your team, so your change was held back. Ask your coordinator.');
    }
    if (!caseVisibleTo(user, next)) {
      return deny('A case must stay assigned to you or shared with your team when you save it. Ask a coordinator to reassign a case.');
    }
    return allow();
  },
};
