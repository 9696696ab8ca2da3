/**
 * Cases: a coordinator sees and writes all; a worker or helper sees a case assigned to them or shared
 * with one of their teams, and may write a case only if they can see it before and after the write
 * (so they cannot hand a case away or take one they cannot see; coordinators reassign). A teammate
 * may close a case shared with their team, though closing takes it off their device (see below).
 * Who holds a case (`assignedTo`, `sharedWithTeam`, `teamId`) is changed by coordinators only; a case a
 * worker or helper opens is assigned to them alone (a forged `assignedTo` is refused).
 */
import type { DocData } from '#shared/lib/validate';
import { KIOSK_ONLY_FEEDBACK, allow, deny, isCaseholder, isCoordinator, str } from '../helpers';
import type { AccessUser, CollectionAccess } from '../types';

/**
 * The scope rule itself; the Scope of a request is built from it (access/scope.ts).
 *
 * Closing a case (A3): a closed case stays with the people it is assigned to (their caseload shows
 * closed cases with when and why) but is no longer shared with the team, so it leaves teammates'
 * devices at their next sync, with its visits, tasks and feedback. Reopening it shares it again.
 */
export function caseVisibleTo(user: AccessUser, doc: DocData): boolean {
  if (isCoordinator(user)) return true;
  if (!isCaseholder(user)) return false;
  const assigned = Array.isArray(doc.assignedTo) && doc.assignedTo.includes(user.id);
  const teamId = str(doc.teamId);
  const shared = doc.sharedWithTeam === true && doc.status !== 'closed' && teamId !== undefined && user.teamIds.includes(teamId);
  return assigned || shared;
}

/** Whether the user keeps this case apart from its being closed: may a teammate close a shared case. */
const keepsCase = (user: AccessUser, doc: DocData): boolean => caseVisibleTo(user, { ...doc, status: 'open' });

const sameList = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Only a coordinator changes who holds a case (a forged `assignedTo` would put it on others' tablets). */
function sameHolders(prev: DocData, next: DocData) {
  if (!sameList(prev.assignedTo, next.assignedTo) || prev.sharedWithTeam !== next.sharedWithTeam || prev.teamId !== next.teamId || prev.clientId !== next.clientId) {
    return deny('Only a coordinator can change who a case is assigned to, its team or whether the team shares it, so this change was held back.');
  }
  return allow();
}

/** A worker or helper opens a case for themselves, shared only with a team they belong to. */
function ownNewCase(user: AccessUser, next: DocData) {
  if (!sameList(next.assignedTo, [user.id])) {
    return deny('A case you open is assigned to you alone; a coordinator can add others. This case was held back.');
  }
  const teamId = str(next.teamId);
  if (next.sharedWithTeam === true && (teamId === undefined || !user.teamIds.includes(teamId))) {
    return deny('You can only share a case with a team you belong to, so this case was held back.');
  }
  return allow();
}

export const casesAccess: CollectionAccess = {
  canRead: (user, doc) => caseVisibleTo(user, doc),
  canWrite(user, prev, next) {
    if (isCoordinator(user)) return allow();
    if (!isCaseholder(user)) return deny(KIOSK_ONLY_FEEDBACK);
    if (prev && !caseVisibleTo(user, prev)) {
      return deny('This case is no longer assigned to you or shared with your team, so your change was held back. Ask your coordinator.');
    }
    if (!keepsCase(user, next)) {
      return deny('A case must stay assigned to you or shared with your team when you save it. Ask a coordinator to reassign a case.');
    }
    return prev ? sameHolders(prev, next) : ownNewCase(user, next);
  },
};
