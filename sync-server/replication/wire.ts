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

/**
 * `seq`: the last commit-order position scanned (P1). For workers and helpers (A3) also `scope`, the
 * fingerprint of the scope the device's copy reflects; while a scope change is being caught up, `to`
 * (the fingerprint being moved to) and `c` (the seq of the last catch-up document sent); and `q`, the
 * last quarantine row of this device already answered with a removal; `r` while a copy whose scope
 * is unknown is gone over again.
 */
export interface Checkpoint {
  seq: number;
  scope?: string;
  to?: string;
  c?: number;
  q?: number;
  /** While going over everything again after an unknown scope: removals are sent up to this seq. */
  r?: number;
}

const FINGERPRINT = /^[A-Za-z0-9_-]{1,64}$/;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

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
  const bad = err('bad-request', 'The checkpoint is not one this server issued. Send back the checkpoint the server last returned, or none to start from the beginning.');
  if (!isCount(seq)) return bad;
  const fields = value as Record<string, unknown>;
  const checkpoint: Checkpoint = { seq };
  for (const key of ['scope', 'to'] as const) {
    const v = fields[key];
    if (v === undefined) continue;
    if (typeof v !== 'string' || !FINGERPRINT.test(v)) return bad;
    checkpoint[key] = v;
  }
  for (const key of ['c', 'q', 'r'] as const) {
    const v = fields[key];
    if (v === undefined) continue;
    if (!isCount(v)) return bad;
    checkpoint[key] = v;
  }
  return ok(checkpoint);
}

export function parseLimit(raw: string | undefined): Result<number, 'bad-request'> {
  if (raw === undefined || raw === '') return ok(PULL_LIMIT_DEFAULT);
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) return err('bad-request', 'The limit must be a whole number of at least 1.');
  return ok(Math.min(n, PULL_LIMIT_MAX));
}
