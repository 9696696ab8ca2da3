/**
 * Feedback (append-only, C3). A kiosk may only create anonymous kiosk feedback: source `kiosk`, no case
 * or client, and reads nothing. Staff record worker or client feedback, on a case in their scope when
 * one is named; a worker or helper reads feedback on their cases, on their clients, or their own.
 */
import { allow, caseWritable, deny, isCaseholder, isCoordinator, str } from '../helpers';
import type { CollectionAccess } from '../types';

export const feedbackAccess: CollectionAccess = {
  canRead(user, doc, ctx) {
    if (isCoordinator(user)) return true;
    if (!isCaseholder(user)) return false;
    const caseId = str(doc.caseId);
    const clientId = str(doc.clientId);
    if (caseId !== undefined) return ctx.scope.caseIds.has(caseId);
    if (clientId !== undefined) return ctx.scope.clientIds.has(clientId);
    return doc.by === user.id;
  },
  canWrite(user, _prev, next, ctx) {
    if (next.by !== undefined && next.by !== user.id) {
      return deny('This feedback says it was recorded by someone else ("by" is not you), so the server held it back.');
    }
    if (user.role === 'kiosk') {
      if (next.source !== 'kiosk') return deny('A kiosk can only send kiosk feedback, so this record was held back.');
      if (next.caseId !== undefined || next.clientId !== undefined) {
        return deny('Kiosk feedback is anonymous and cannot name a case or a client, so this record was held back.');
      }
      return allow();
    }
    if (next.source === 'kiosk') return deny('Only a kiosk can send kiosk feedback. Choose "worker" or "client" as the source.');
    if (isCoordinator(user)) return allow();
    const caseId = str(next.caseId);
    if (caseId !== undefined && !caseWritable(caseId, ctx)) {
      return deny('You are no longer on the case this feedback is about, so it was held back. Ask your coordinator.');
    }
    return allow();
  },
};
