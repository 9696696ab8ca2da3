/**
 * Recording feedback a client gave to a worker. Feedback is append-only (sync.md C3): created once,
 * never edited, so it never conflicts.
 */
import type { ResonanceDatabase } from '#db/database';
import { createDoc } from '#db/writes';
import type { FeedbackFormValue } from '#shared/domain/forms';
import type { Feedback } from '#shared/schemas/index';

export interface RecordFeedbackInput {
  value: FeedbackFormValue;
  userId: string;
  clientId?: string;
  /** The client's (or case's) team, so coordinators' reports can group it. */
  teamId?: string;
  now?: Date;
}

export async function recordFeedback(db: ResonanceDatabase, input: RecordFeedbackInput): Promise<Feedback> {
  const now = input.now ?? new Date();
  return createDoc(
    db,
    'feedback',
    {
      ...input.value,
      source: 'worker',
      by: input.userId,
      at: now.toISOString(),
      ...(input.clientId ? { clientId: input.clientId } : {}),
      ...(input.teamId ? { teamId: input.teamId } : {}),
    },
    now,
  );
}
