/**
 * Reactive read for the unsynced changes page: every outbox row, with the records they are about
 * (and the clients those belong to) so each can be named. Re-emits when a row is added, settled or
 * held back, and when a named record changes.
 */
import { combineLatest, map, of, switchMap, type Observable } from 'rxjs';
import type { RxCollection, RxDocument } from 'rxdb';
import type { ResonanceDatabase } from '#db/database';
import type { OutboxRow } from '#db/outbox';
import { useData, useObservable } from '../common/data';
import { EMPTY_LOOKUP, type RecordLookup } from './model';

export interface UnsyncedList {
  rows: OutboxRow[];
  lookup: RecordLookup;
}

const idsOf = (rows: readonly OutboxRow[], collection: string): string[] => rows.filter((r) => r.collectionName === collection).map((r) => r.documentId);

function byIds<T>(collection: RxCollection<T>, ids: readonly string[]): Observable<Map<string, T>> {
  if (ids.length === 0) return of(new Map<string, T>());
  return collection.findByIds([...ids]).$.pipe(map((docs: Map<string, RxDocument<T>>) => new Map([...docs].map(([id, d]) => [id, d.toMutableJSON()]))));
}

function unsynced$(db: ResonanceDatabase): Observable<UnsyncedList> {
  return db.outbox.find().$.pipe(
    map((docs) => docs.map((d) => d.toMutableJSON())),
    switchMap((rows) => {
      if (rows.length === 0) return of({ rows, lookup: EMPTY_LOOKUP });
      return combineLatest([
        byIds(db.cases, idsOf(rows, 'cases')),
        byIds(db.visits, idsOf(rows, 'visits')),
        byIds(db.tasks, idsOf(rows, 'tasks')),
        byIds(db.feedback, idsOf(rows, 'feedback')),
        byIds(db.conflicts, idsOf(rows, 'conflicts')),
      ]).pipe(
        switchMap(([cases, visits, tasks, feedback, conflicts]) => {
          const clientIds = new Set(idsOf(rows, 'clients'));
          for (const group of [cases, visits, tasks, feedback]) {
            for (const doc of group.values()) if (doc.clientId) clientIds.add(doc.clientId);
          }
          return byIds(db.clients, [...clientIds]).pipe(
            map((clients) => ({ rows, lookup: { clients, cases, visits, tasks, feedback, conflicts } satisfies RecordLookup })),
          );
        }),
      );
    }),
  );
}

/** Every change on this device the server has not accepted yet; undefined while loading. */
export function useUnsyncedRecords(): UnsyncedList | undefined {
  const { db } = useData();
  return useObservable(() => unsynced$(db), [db]);
}
