/**
 * Where the caseload's first screen comes from before every client is read (model.ts, CaseloadHead):
 * the head is kept in localStorage per database (ids, a count and a time: no names, nothing a
 * person could read), and checked at a cold start with two small reads that use indexes: any
 * client document written after the head was taken, and the head's clients by id. Reading all
 * 10,000 clients (and decrypting them) took about 850 ms of a 1.1 s cold start; these reads take a
 * few ms. (It used to count the clients too: IndexedDB counts by walking the index, about 150 ms
 * for 10,000 clients, and every other read of the cold start queued behind it.)
 */
import type { ResonanceDatabase } from '#db/database';
import { writesAfter, writtenSince } from '#db/written-since';
import { currentHeadRows, headWriteTime, parseHead, type CaseloadHead, type ClientRow } from './model';

const keyOf = (dbName: string) => `resonance.caseloadHead.${dbName}`;

/** The head stored for this database, or undefined (none yet, malformed, or storage unavailable). */
export function readStoredHead(dbName: string): CaseloadHead | undefined {
  try {
    return parseHead(localStorage.getItem(keyOf(dbName)));
  } catch {
    return undefined;
  }
}

export function storeHead(dbName: string, head: CaseloadHead): void {
  try {
    localStorage.setItem(keyOf(dbName), JSON.stringify(head));
  } catch {
    // A full or unavailable localStorage only costs the quick first screen of the next cold start.
  }
}

export function forgetStoredHead(dbName: string): void {
  try {
    localStorage.removeItem(keyOf(dbName));
  } catch {
    // Nothing stored, nothing to forget.
  }
}

/** RxDB's local write time of a document from a query result (RxDocument keeps its data in `_data`). */
export function lwtOf(doc: unknown): number {
  const lwt = (doc as { _data?: { _meta?: { lwt?: unknown } } })._data?._meta?.lwt;
  return typeof lwt === 'number' ? lwt : 0;
}

/** The latest local write time among documents of a query result; 0 for none. */
export function latestWrite(docs: readonly unknown[]): number {
  let max = 0;
  for (const d of docs) {
    const lwt = lwtOf(d);
    if (lwt > max) max = lwt;
  }
  return max;
}

/**
 * The write time to store with a head taken from `clients`, the full list as the page has it
 * (model.ts, headWriteTime), or undefined while that list has yet to catch up with a write.
 */
export async function writeTimeOfList(db: ResonanceDatabase, clients: readonly unknown[], listed: ReadonlyMap<string, unknown>): Promise<number | undefined> {
  const newest = latestWrite(clients);
  return headWriteTime(newest, await writesAfter(db.clients, newest), listed);
}

/**
 * The head's rows if it is still exactly the first screen of the full list (model.ts,
 * currentHeadRows), else undefined. "Written since" (src/db/written-since.ts) sees deletions too.
 */
export async function checkHead(db: ResonanceDatabase, head: CaseloadHead): Promise<ClientRow[] | undefined> {
  const [later, found] = await Promise.all([writtenSince(db.clients, head.lwt), db.clients.findByIds([...head.ids]).exec()]);
  return currentHeadRows(head, { writtenSince: later, found });
}
