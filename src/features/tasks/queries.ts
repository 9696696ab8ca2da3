/**
 * Reactive reads for the tasks page: the signed-in worker's open follow-ups, each with the client's
 * name and the case type, re-emitting whenever a task, client or case changes on this device.
 */
import { combineLatest, map, of, switchMap, type Observable } from 'rxjs';
import type { Task } from '#shared/schemas/index';
import { useData, useObservable } from '../common/data';

export interface TaskRow {
  task: Task;
  clientName: string | undefined;
  caseType: string | undefined;
}

/** Open (not done) tasks assigned to the signed-in user; `undefined` while loading. */
export function useMyOpenTasks(): TaskRow[] | undefined {
  const { db, session } = useData();
  const userId = session.user.id;
  return useObservable<TaskRow[]>(() => {
    const tasks$: Observable<Task[]> = db.tasks
      .find({ selector: { assignedTo: userId, done: false } })
      .$.pipe(map((docs) => docs.map((d) => d.toMutableJSON())));
    return tasks$.pipe(
      switchMap((tasks) => {
        if (tasks.length === 0) return of<TaskRow[]>([]);
        const clientIds = [...new Set(tasks.map((t) => t.clientId))];
        const caseIds = [...new Set(tasks.map((t) => t.caseId))];
        return combineLatest([db.clients.findByIds(clientIds).$, db.cases.findByIds(caseIds).$]).pipe(
          map(([clients, cases]) =>
            tasks.map((task) => ({ task, clientName: clients.get(task.clientId)?.name, caseType: cases.get(task.caseId)?.type })),
          ),
        );
      }),
    );
  }, [db, userId]);
}
