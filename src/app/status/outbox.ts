/**
 * The outbox as the shell needs it: how many records wait to sync, since when, and which ones the
 * server held back with a reason (C4). One reactive query over the local-only outbox collection.
 */
import { useMemo } from 'react';
import type { ResonanceDatabase } from '#db/database';
import type { OutboxRow } from '#db/outbox';
import { useBackgroundObservable } from '../../features/common/data';

export interface OutboxSummary {
  /** Changes still waiting to reach the server. Held-back ones are not counted: the server has them (C4). */
  count: number;
  /** ISO time the oldest change still waiting was made; null when nothing waits. */
  oldestSince: string | null;
  /** Changes the server refused, each with its plain reason. */
  rejected: { documentId: string; collectionName: string; reason: string }[];
}

export const EMPTY_OUTBOX: OutboxSummary = { count: 0, oldestSince: null, rejected: [] };

export function summariseOutbox(rows: readonly Pick<OutboxRow, 'since' | 'rejectedReason' | 'documentId' | 'collectionName'>[]): OutboxSummary {
  let oldest: string | null = null;
  const rejected: OutboxSummary['rejected'] = [];
  let count = 0;
  for (const row of rows) {
    if (row.rejectedReason !== undefined) {
      rejected.push({ documentId: row.documentId, collectionName: row.collectionName, reason: row.rejectedReason });
      continue;
    }
    count++;
    // ISO times in UTC order the same way as the moments they name.
    if (oldest === null || row.since < oldest) oldest = row.since;
  }
  return { count, oldestSince: oldest, rejected };
}

/** No rxjs operators here: this module is in the entry chunk, which must not pull in the data libraries. */
export function useOutboxSummary(db: ResonanceDatabase): OutboxSummary {
  const rows = useBackgroundObservable(() => db.outbox.find().$, [db]);
  return useMemo(() => (rows ? summariseOutbox(rows) : EMPTY_OUTBOX), [rows]);
}
