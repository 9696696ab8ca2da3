/**
 * The decision for one pushed batch (sync.md C1, C2, C4, C5), as a pure function of the rows, the
 * caller, the access context and the current server states. It runs inside the write transaction.
 *
 * Per row, in order:
 * 1. Strip local fields, stamp serverUpdatedAt/By (C5), validate against the shared schema; a
 *    document that fails is quarantined (`invalid`), never dropped (C4).
 * 2. The server already holds this exact state (same writeId): an idempotent retry (C2), no change.
 * 3. Append-only collections never conflict (C3): a new id is created; a different writeId for an
 *    existing id is quarantined (`append-only`).
 * 4. Otherwise it conflicts iff the server's writeId differs from the assumed one (null = must not
 *    exist). The server state is answered only if the caller may read it (A1); else quarantined.
 *    A device that assumed a state the server does not have (the server lost it or never got it)
 *    does not conflict: its write is accepted, so nothing typed is lost.
 * 5. The caller must be allowed to make the write (A2); if not it is quarantined (`forbidden`).
 */
import { APPEND_ONLY, type CollectionName } from '#shared/schemas/index';
import { splitLocalFields, validateDocument, type DocData } from '#shared/lib/validate';
import { canRead, canWrite, type AccessContext, type AccessUser } from '../access/index';
import type { BatchPlan, DecideBatch, DocWrite, QuarantineInput, StoredDoc } from '../storage/types';
import { toWire, type PushRow } from './wire';

export type QuarantineCode = 'invalid' | 'forbidden' | 'append-only';

export interface PushInput {
  collection: CollectionName;
  rows: readonly PushRow[];
  user: AccessUser;
  ctx: AccessContext;
  /** ISO time stamped on every accepted write. */
  now: string;
}

/** NUL cannot be stored in PostgreSQL text or JSONB; catching it here keeps it one document's problem. */
const NUL = '\u0000';
const NUL_REASON = 'This record contains a hidden control character the server cannot store. Retype the text and save again.';

/** Whether NUL occurs in any string or property name of a pushed document (a loop, not recursion). */
function hasNul(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.includes(NUL)) return true;
    } else if (v !== null && typeof v === 'object') {
      for (const [key, child] of Object.entries(v)) {
        if (key.includes(NUL)) return true;
        stack.push(child);
      }
    }
  }
  return false;
}

/** The held copy of a document with NUL in it, every NUL replaced by U+FFFD so the quarantine can store it. */
function storableCopy(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value).replaceAll('\\u0000', '\\ufffd')) as unknown;
}
const storableText = (text: string): string => text.replaceAll(NUL, '\ufffd');

function hold(id: string, writeId: string, document: unknown, code: QuarantineCode, reason: string): QuarantineInput {
  return { documentId: id, writeId, document, code, reason };
}

const APPEND_ONLY_REASON: Partial<Record<CollectionName, string>> = {
  visits: 'A visit cannot be changed once it has been sent. Record a new visit to add to it.',
  feedback: 'Feedback cannot be changed once it has been sent.',
};

export function decidePush(input: PushInput): DecideBatch<DocData[]> {
  const { collection, user, ctx, now } = input;
  return (serverStates): BatchPlan<DocData[]> => {
    const current = new Map<string, StoredDoc | DocWrite>(serverStates);
    const writes: DocWrite[] = [];
    const quarantine: QuarantineInput[] = [];
    const conflicts: DocData[] = [];

    for (const row of input.rows) {
      const raw = row.newDocumentState;
      const { data: fields, deleted } = splitLocalFields(raw);
      const data: DocData = { ...fields, serverUpdatedAt: now, serverUpdatedBy: user.id };
      const id = String(data.id);
      const writeId = String(data.writeId);
      // First, in names as well as values: even a document held back as invalid is stored as sent.
      if (hasNul(raw)) {
        quarantine.push(hold(storableText(id), storableText(writeId), storableCopy(raw), 'invalid', NUL_REASON));
        continue;
      }
      const checked = validateDocument(collection, data);
      if (!checked.ok) {
        quarantine.push(hold(id, writeId, raw, 'invalid', checked.message));
        continue;
      }
      const server = current.get(id);
      if (server && server.writeId === writeId) continue; // C2: a retry of a write already applied.

      if (APPEND_ONLY.has(collection)) {
        if (server) {
          quarantine.push(hold(id, writeId, raw, 'append-only', APPEND_ONLY_REASON[collection] ?? 'This record cannot be changed once it has been sent.'));
          continue;
        }
      } else if (server) {
        const assumedWriteId = row.assumedMasterState?.writeId ?? null;
        if (server.writeId !== assumedWriteId) {
          if (canRead(user, collection, server.data, ctx)) {
            conflicts.push(toWire(server));
          } else {
            quarantine.push(hold(id, writeId, raw, 'forbidden', 'This record has changed on the server and is no longer yours to edit, so your change was held back. Ask your coordinator.'));
          }
          continue;
        }
      }

      const allowed = canWrite(user, collection, server ? server.data : null, data, ctx);
      if (!allowed.ok) {
        quarantine.push(hold(id, writeId, raw, 'forbidden', allowed.message));
        continue;
      }
      const write: DocWrite = { id, data, deleted, writeId, serverUpdatedAt: now, serverUpdatedBy: user.id };
      writes.push(write);
      current.set(id, write);
    }
    return { writes, quarantine, result: conflicts };
  };
}
