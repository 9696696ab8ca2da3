/**
 * Conflict records (C3): a coordinator sees and decides all. A worker or helper sees the conflicts on
 * cases and clients in their scope and the ones they lost or kept, may create them (the merge on
 * their device does), and may not decide them.
 */
import { KIOSK_ONLY_FEEDBACK, allow, deny, isCaseholder, isCoordinator, str } from '../helpers';
import type { DocData } from '#shared/lib/validate';
import type { AccessContext, CollectionAccess } from '../types';

/**
 * A conflict about a case or a client must be about one in the caller's scope: otherwise anyone could
 * put a value for someone else's case into the coordinator's review queue ("Use the other value"
 * applies it). Conflicts on other collections name no case, so their author is the check.
 */
function aboutScope(doc: DocData, ctx: AccessContext): boolean {
  const documentId = str(doc.documentId);
  if (doc.collectionName === 'cases') return documentId !== undefined && ctx.scope.caseIds.has(documentId);
  if (doc.collectionName === 'clients') return documentId !== undefined && ctx.scope.clientIds.has(documentId);
  return true;
}

export const conflictsAccess: CollectionAccess = {
  canRead(user, doc, ctx) {
    if (isCoordinator(user)) return true;
    if (!isCaseholder(user)) return false;
    if (doc.losingBy === user.id || doc.keptBy === user.id) return true;
    const documentId = str(doc.documentId);
    if (documentId === undefined) return false;
    if (doc.collectionName === 'cases') return ctx.scope.caseIds.has(documentId);
    if (doc.collectionName === 'clients') return ctx.scope.clientIds.has(documentId);
    return false;
  },
  canWrite(user, prev, next, ctx) {
    if (isCoordinator(user)) return allow();
    if (!isCaseholder(user)) return deny(KIOSK_ONLY_FEEDBACK);
    if (next.status !== 'open' || next.decidedBy !== undefined) return deny('Only a coordinator can decide a conflict, so this change was held back.');
    if ((prev && !this.canRead(user, prev, ctx)) || !this.canRead(user, next, ctx) || !aboutScope(next, ctx)) {
      return deny('This conflict is about a record you no longer work with, so it was held back. Your coordinator can still review it.');
    }
    return allow();
  },
};
