/**
 * Whether a document of a collection that is not deleted was written on this device after a local
 * write time: an insert, an edit or a pulled change (deletions are for the caller to notice, e.g. by
 * a count). It reads through the index RxDB keeps on `_meta.lwt` for replication, so it reads only
 * what was written after `lwt`, whether the collection holds 10 or 50,000 documents.
 */
import { getChangedDocumentsSince, type RxCollection } from 'rxdb';

/** Sorts after every real id: documents written exactly at `lwt` are not "after" it. */
const AFTER_EVERY_ID = String.fromCharCode(0xffff);
/** Documents read per step: deletions after `lwt` are skipped a page at a time. */
const PAGE = 20;

export async function writtenSince<T>(collection: RxCollection<T>, lwt: number): Promise<boolean> {
  let checkpoint = { id: AFTER_EVERY_ID, lwt };
  for (;;) {
    const changed = await getChangedDocumentsSince<T, typeof checkpoint>(collection.storageInstance, PAGE, checkpoint);
    if (changed.documents.some((d) => !d._deleted)) return true;
    if (changed.documents.length < PAGE) return false;
    checkpoint = changed.checkpoint;
  }
}
