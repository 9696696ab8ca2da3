/**
 * Writes for follow-up tasks: marking one done and undoing that. Both go through updateDoc, so the
 * change is stamped, counted as unsynced and replicated like any other write.
 */
import type { ResonanceDatabase } from '#db/database';
import { updateDoc } from '#db/writes';

export async function markTaskDone(db: ResonanceDatabase, taskId: string, now: Date = new Date()): Promise<void> {
  await updateDoc(db, 'tasks', taskId, { done: true, doneAt: now.toISOString() }, now);
}

/** Reverses markTaskDone: `doneAt` is cleared (an explicit undefined removes the field). */
export async function undoTaskDone(db: ResonanceDatabase, taskId: string, now: Date = new Date()): Promise<void> {
  await updateDoc(db, 'tasks', taskId, { done: false, doneAt: undefined }, now);
}
