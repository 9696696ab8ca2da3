/**
 * Conflict records (C3): a coordinator sees and decides all. A worker or helper sees the conflicts on
 * cases and clients in their scope, and of other records the ones they lost or kept; they may create
 * them (the merge on their device does) and may not decide them.
 *
 * A conflict about a case or a client follows that record's scope and nothing else, not even for the
 * person who lost or kept the value: it holds the record's values (a phone number, a note), so once
 * the record leaves someone's caseload the conflict leaves their device with it (A3). That also keeps
 * anyone from putting a value for someone else's case into the coordinator's review queue ("Use the
 * other value" applies it). Conflicts about other records (tasks) name no case: their author is the
 * check.
 */
import { KIOSK_ONLY_FEEDBACK, allow, deny, isCaseholder, isCoordinator, str } from '../helpers';
import type { CollectionAccess } from '../types';

export const conflictsAccess: CollectionAccess = {
  canRead(user, doc, ctx) {
    if (isCoordinator(user)) return true;
    if (!isCaseholder(user)) return false;
    const documentId = str(doc.documentId);
    if (doc.collectionName === 'cases') return documentId !== undefined && ctx.scope.caseIds.has(documentId);
    if (doc.collectionName === 'clients') return documentId !== undefined && ctx.scope.clientIds.has(documentId);
    return doc.losingBy === user.id || doc.keptBy === user.id;
  },
  canWrite(user, prev, next, ctx) {
    if (isCoordinator(user)) return allow();
    if (!isCaseholder(user)) return deny(KIOSK_ONLY_FEEDBACK);
    if (next.status !== 'open' || next.decidedBy !== undefined) return deny('Only a coordinator can decide a conflict, so this change was held back.');
    if ((prev && !this.canRead(user, prev, ctx)) || !this.canRead(user, next, ctx)) {
      return deny('This conflict is about a record you no longer work with, so it was held back. Your coordinator can still review it.');
    }
    return allow();
  },
};
