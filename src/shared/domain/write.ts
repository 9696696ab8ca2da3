/**
 * Every local change goes through these two helpers so that each stored state carries a fresh
 * `writeId` (the state identity of sync.md C2) and a client timestamp (informational, C5).
 */
import { newId } from '../lib/ids';

export interface SyncMeta {
  id: string;
  writeId: string;
  createdAt: string;
  clientUpdatedAt: string;
}

/** Metadata for a brand-new document. */
export function newMeta(now: Date = new Date(), id: string = newId()): SyncMeta {
  const at = now.toISOString();
  return { id, writeId: newId(), createdAt: at, clientUpdatedAt: at };
}

/** The change a local edit applies on top of the user's fields. */
export function touch(now: Date = new Date()): { writeId: string; clientUpdatedAt: string } {
  return { writeId: newId(), clientUpdatedAt: now.toISOString() };
}
