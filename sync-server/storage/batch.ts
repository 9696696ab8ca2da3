/**
 * Small helpers both adapters use inside a batch transaction, so they record the same audit actions
 * and treat a repeated id the same way.
 */
import type { AuditRecord, DocWrite, StoredDoc } from './types';

export function auditAction(previous: StoredDoc | undefined, deleted: boolean): AuditRecord['action'] {
  if (!previous) return 'create';
  return deleted && !previous.deleted ? 'delete' : 'update';
}

/** One row per id: the last write of an id in a batch is its final state. */
export function lastWritePerId(writes: readonly DocWrite[]): DocWrite[] {
  return [...new Map(writes.map((w) => [w.id, w])).values()];
}
