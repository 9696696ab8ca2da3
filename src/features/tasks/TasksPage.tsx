/**
 * Tasks due (/tasks): the signed-in worker's follow-ups that need attention, overdue first, then
 * due today, with the upcoming ones folded away. Each can be marked as done with one tap and undone
 * for 10 seconds. Reads through queries.ts, writes through commands.ts.
 */
import { useCallback, useRef, useState } from 'react';
import { StorageError } from '#db/errors';
import { dueTasks, localDate, taskDueState } from '#shared/domain/tasks';
import { PageHeading } from '../../ui/shell';
import { useData } from '../common/data';
import { markTaskDone, undoTaskDone } from './commands';
import { useMyOpenTasks, type TaskRow } from './queries';
import { TaskItem } from './TaskItem';
import { useUndoWindow } from './useUndoWindow';
import './tasks.css';

interface Sortable {
  due: string;
  done: boolean;
  title: string;
  row: TaskRow;
}

function messageOf(e: unknown): string {
  return e instanceof StorageError ? e.message : 'Something went wrong while saving on this device. Try again.';
}

export default function TasksPage() {
  const { db } = useData();
  const open = useMyOpenTasks();
  const page = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [announcement, setAnnouncement] = useState('');
  const onExpire = useCallback((id: string) => {
    // The row is about to leave the list: keep focus on the page rather than the body.
    if (document.activeElement?.closest(`[data-task-id="${CSS.escape(id)}"]`)) page.current?.querySelector<HTMLElement>('h1')?.focus();
  }, []);
  const undo = useUndoWindow<TaskRow>(onExpire);
  const today = localDate(new Date());

  const setError = (id: string, message: string | null) =>
    setErrors((current) => {
      const next = new Map(current);
      if (message === null) next.delete(id);
      else next.set(id, message);
      return next;
    });

  const run = async (row: TaskRow, action: 'done' | 'undo') => {
    const id = row.task.id;
    setBusy(id);
    setError(id, null);
    try {
      if (action === 'done') {
        await markTaskDone(db, id);
        undo.open(id, row);
        setAnnouncement(`“${row.task.title}” marked as done. You can undo this for 10 seconds.`);
      } else {
        await undoTaskDone(db, id);
        undo.close(id);
        setAnnouncement(`“${row.task.title}” is back on your list.`);
      }
      setFocusId(id);
    } catch (e) {
      setError(id, messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  if (open === undefined) {
    return (
      <div className="tasks-page">
        <PageHeading>Tasks due</PageHeading>
        <p role="status">Loading your tasks…</p>
      </div>
    );
  }

  const items: Sortable[] = [...open.filter((r) => !undo.recent.has(r.task.id)), ...undo.recent.values()].map((row) => ({
    due: row.task.due,
    done: false,
    title: row.task.title,
    row,
  }));
  const { overdue, today: dueToday } = dueTasks(items, today);
  const upcoming = items
    .filter((i) => taskDueState(i, today) === 'upcoming')
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.title.localeCompare(b.title, 'en-GB')));

  const renderList = (list: Sortable[], label: string) => (
    <ul className="task-list" aria-label={label}>
      {list.map(({ row }) => (
          <TaskItem
            key={row.task.id}
            row={row}
            today={today}
            done={undo.recent.has(row.task.id)}
            busy={busy === row.task.id}
            error={errors.get(row.task.id)}
            focusAction={focusId === row.task.id}
            onDone={() => void run(row, 'done')}
            onUndo={() => void run(row, 'undo')}
          />
      ))}
    </ul>
  );

  // The lede counts what still needs doing: tasks inside their undo window are already done.
  const pending = (list: Sortable[]) => list.filter((i) => !undo.recent.has(i.row.task.id)).length;
  const overdueCount = pending(overdue);
  const todayCount = pending(dueToday);
  return (
    <div className="tasks-page" ref={page}>
      <PageHeading>Tasks due</PageHeading>
      <p className="tasks-page__lede">
        {overdueCount + todayCount === 0 ? 'Nothing is overdue or due today.' : `${overdueCount} overdue and ${todayCount} due today.`}
      </p>
      <p className="rf-visually-hidden" role="status">
        {announcement}
      </p>
      {overdue.length > 0 ? (
        <section aria-labelledby="tasks-overdue">
          <h2 id="tasks-overdue">Overdue ({overdue.length})</h2>
          {renderList(overdue, 'Overdue tasks')}
        </section>
      ) : null}
      <section aria-labelledby="tasks-today">
        <h2 id="tasks-today">Due today ({dueToday.length})</h2>
        {dueToday.length > 0 ? renderList(dueToday, 'Tasks due today') : <p>No tasks due today.</p>}
      </section>
      <details className="tasks-page__upcoming">
        <summary className="tasks-page__upcoming-title">Upcoming ({upcoming.length})</summary>
        {upcoming.length > 0 ? renderList(upcoming, 'Upcoming tasks') : <p>No upcoming tasks.</p>}
      </details>
    </div>
  );
}
