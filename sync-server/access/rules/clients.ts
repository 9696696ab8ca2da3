/**
 * Clients: a coordinator sees all; a worker or helper sees the clients of cases in their scope and the
 * clients they registered themselves. `createdBy` is set once, by its author, and never changes.
 */
import { KIOSK_ONLY_FEEDBACK, allow, deny, forged, isCaseholder, isCoordinator, str } from '../helpers';
import type { CollectionAccess } from '../types';

export const clientsAccess: CollectionAccess = {
  canRead(user, doc, ctx) {
    if (isCoordinator(user)) return true;
    if (!isCaseholder(user)) return false;
    const id = str(doc.id);
    return (id !== undefined && ctx.scope.clientIds.has(id)) || doc.createdBy === user.id;
  },
  canWrite(user, prev, next, ctx) {
    if (user.role === 'kiosk') return deny(KIOSK_ONLY_FEEDBACK);
    if (!prev) return forged('createdBy', user, next.createdBy) ?? allow();
    if (next.createdBy !== prev.createdBy) return deny('Who registered a client cannot be changed, so this change was held back.');
    if (isCoordinator(user)) return allow();
    if (!this.canRead(user, prev, ctx)) {
      return deny('You no longer work with this client (their case may have been reassigned), so your change was held back. Ask your coordinator.');
    }
    return allow();
  },
};
