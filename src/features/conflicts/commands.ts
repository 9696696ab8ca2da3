/**
 * A coordinator's decision on a conflict. 'Keep current value' only records the decision;
 * 'Use the other value' first writes the losing value back to the record's field, then records the
 * decision. Both are ordinary writes, so they sync like any other (sync.md C3).
 */
import type { ResonanceDatabase } from '#db/database';
import { updateDoc } from '#db/writes';
import type { Conflict } from '#shared/schemas/index';
import { canSwap, parseValue } from './model';

type Decided = Pick<Conflict, 'id'>;

export async function keepCurrentValue(db: ResonanceDatabase, conflict: Decided, userId: string, now: Date = new Date()): Promise<void> {
  await updateDoc(db, 'conflicts', conflict.id, { status: 'kept', decidedBy: userId, decidedAt: now.toISOString() }, now);
}

export type SwapResult = { ok: true } | { ok: false; message: string };

export async function swapToOtherValue(
  db: ResonanceDatabase,
  conflict: Pick<Conflict, 'id' | 'collectionName' | 'documentId' | 'field' | 'losingValue'>,
  userId: string,
  now: Date = new Date(),
): Promise<SwapResult> {
  const { collectionName: collection, field } = conflict;
  const parsed = parseValue(conflict.losingValue);
  if (!parsed.ok || !canSwap(collection, field)) {
    return { ok: false, message: 'This value cannot be put back automatically. Edit the record by hand, then keep the current value.' };
  }
  // A null losing value means the field was cleared on the other device: clear it here too.
  const patch: Record<string, unknown> = { [field]: parsed.value ?? undefined };
  await updateDoc(db, collection, conflict.documentId, patch as Parameters<typeof updateDoc<typeof collection>>[3], now);
  await updateDoc(db, 'conflicts', conflict.id, { status: 'swapped', decidedBy: userId, decidedAt: now.toISOString() }, now);
  return { ok: true };
}
