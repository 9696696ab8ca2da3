/**
 * The replication wire format (sync.md): documents travel as the app stores them, with `_deleted`;
 * the checkpoint is `{"seq": n}`, opaque to clients; pull limits are clamped to the server cap.
 */
import { err, ok, type Result } from '#shared/lib/result';
import type { DocData } from '#shared/lib/validate';
import type { StoredDoc } from '../storage/types';

/**
 * Most documents a pull returns. sync.md P1 asks for at least 1,000. 1,000 documents of a typical
 * 1-5 KB is a 1-5 MB answer: big enough that a first sync of a 10,000-record caseload takes ten round
 * trips, small enough that one request never holds much memory or blocks a slow tablet's JSON parse
 * for long. The worst case (every field at its schema maximum) is bounded by the same number.
 */
export const PULL_LIMIT_MAX = 1000;
/** Used when the client names no limit: RxDB's own default pull batch size. */
export const PULL_LIMIT_DEFAULT = 100;

export interface Checkpoint {
  seq: number;
}

export interface PushRow {
  assumedMasterState: DocData | null;
  newDocumentState: DocData;
}

export function toWire(doc: Pick<StoredDoc, 'data' | 'deleted'>): DocData {
  return { ...doc.data, _deleted: doc.deleted };
}

export function parseCheckpoint(raw: string | undefined): Result<Checkpoint, 'bad-request'> {
  if (raw === undefined || raw === '' || raw === 'null' || raw === 'undefined') return ok({ seq: 0 });
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return err('bad-request', 'The checkpoint is not valid JSON. Send back the checkpoint the server last returned, or none to start from the beginning.');
  }
  if (value === null) return ok({ seq: 0 });
  const seq = typeof value === 'object' && 'seq' in value ? value.seq : undefined;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) {
    return err('bad-request', 'The checkpoint is not one this server issued. Send back the checkpoint the server last returned, or none to start from the beginning.');
  }
  return ok({ seq });
}

export function parseLimit(raw: string | undefined): Result<number, 'bad-request'> {
  if (raw === undefined || raw === '') return ok(PULL_LIMIT_DEFAULT);
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) return err('bad-request', 'The limit must be a whole number of at least 1.');
  return ok(Math.min(n, PULL_LIMIT_MAX));
}
