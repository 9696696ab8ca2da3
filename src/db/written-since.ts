/**
 * What was written to a collection on this device after a local write time: inserts, edits,
 * deletions and pulled changes alike (a deletion is a write: RxDB keeps the document, marked
 * deleted, with a new write time). It reads through the index RxDB keeps on `_meta.lwt` for
 * replication (answered in one read by bulk-reads.ts), so it reads only what was written after
 * `lwt`, whether the collection holds 10 or 50,000 documents.
 */
import { getChangedDocumentsSince, type RxCollection } from 'rxdb';

/** One write after the time asked about: the document, whether it is now deleted, and when. */
export interface WriteMark {
  id: string;
  deleted: boolean;
  lwt: number;
}

/** Sorts after every real id: documents written exactly at `lwt` are not "after" it. */
const AFTER_EVERY_ID = String.fromCharCode(0xffff);
/** Documents read per step. */
const PAGE = 100;

/** The documents written after `lwt`, oldest first, at most `max` of them. */
export async function writesAfter<T>(collection: RxCollection<T>, lwt: number, max = Infinity): Promise<WriteMark[]> {
  const primary = collection.schema.primaryPath as string;
  const marks: WriteMark[] = [];
  let checkpoint = { id: AFTER_EVERY_ID, lwt };
  for (;;) {
    const limit = Math.min(PAGE, max - marks.length);
    const changed = await getChangedDocumentsSince<T, typeof checkpoint>(collection.storageInstance, limit, checkpoint);
    for (const d of changed.documents) marks.push({ id: String((d as Record<string, unknown>)[primary]), deleted: d._deleted, lwt: d._meta.lwt });
    if (changed.documents.length < limit || marks.length >= max) return marks;
    checkpoint = changed.checkpoint;
  }
}

/** Whether anything at all was written to the collection after `lwt`. */
export async function writtenSince<T>(collection: RxCollection<T>, lwt: number): Promise<boolean> {
  return (await writesAfter(collection, lwt, 1)).length > 0;
}
