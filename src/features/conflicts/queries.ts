/**
 * Reactive reads for conflict review: open conflict records, newest first, with what is needed to
 * name each record (the clients, cases and tasks they are about). Re-emits on any change, so a
 * decision taken on another device removes the item here too.
 */
import { combineLatest, map, of, switchMap, type Observable } from 'rxjs';
import type { Conflict } from '#shared/schemas/index';
import { useData, useObservable } from '../common/data';
import type { RecordLookup } from './model';

export interface ConflictList {
  conflicts: Conflict[];
  lookup: RecordLookup;
}

const EMPTY_LOOKUP: RecordLookup = { clients: new Map(), cases: new Map(), tasks: new Map() };

const idsOf = (conflicts: readonly Conflict[], collection: string) => [
  ...new Set(conflicts.filter((c) => c.collectionName === collection).map((c) => c.documentId)),
];

export function useOpenConflicts(): ConflictList | undefined {
  const { db } = useData();
  return useObservable<ConflictList>(() => {
    const conflicts$: Observable<Conflict[]> = db.conflicts
      .find({ selector: { status: 'open' } })
      .$.pipe(map((docs) => docs.map((d) => d.toMutableJSON()).sort((a, b) => (a.losingAt < b.losingAt ? 1 : a.losingAt > b.losingAt ? -1 : 0))));
    return conflicts$.pipe(
      switchMap((conflicts) => {
        if (conflicts.length === 0) return of({ conflicts, lookup: EMPTY_LOOKUP });
        return combineLatest([db.cases.findByIds(idsOf(conflicts, 'cases')).$, db.tasks.findByIds(idsOf(conflicts, 'tasks')).$]).pipe(
          switchMap(([cases, tasks]) => {
            const clientIds = new Set(idsOf(conflicts, 'clients'));
            for (const c of cases.values()) clientIds.add(c.clientId);
            for (const t of tasks.values()) clientIds.add(t.clientId);
            return db.clients.findByIds([...clientIds]).$.pipe(
              map((clients) => ({ conflicts, lookup: { clients, cases, tasks } satisfies RecordLookup })),
            );
          }),
        );
      }),
    );
  }, [db]);
}
