/**
 * Follow-up task rules: when a task is due, which tasks need attention today, and how to say a due
 * date in plain English. `today` is the device's local date (`localDate(new Date())`), passed in so
 * that these functions are pure and a screen can render a consistent "today" throughout.
 */
import type { Task } from '../schemas/tasks';
import { daysBetween, localDate } from './dates';

export { localDate };

export type TaskDueState = 'done' | 'overdue' | 'today' | 'upcoming';

type DueFields = Pick<Task, 'due' | 'done'>;

export function taskDueState(t: DueFields, today: string): TaskDueState {
  if (t.done) return 'done';
  // YYYY-MM-DD strings order the same way as the dates they name.
  if (t.due < today) return 'overdue';
  if (t.due === today) return 'today';
  return 'upcoming';
}

/** Titles sort as a person reads them: case-insensitive, accents ignored, "Task 2" before "Task 10". */
const titleOrder = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

function titleOf(t: object): string {
  return 'title' in t && typeof t.title === 'string' ? t.title : '';
}

function byDueThenTitle(a: DueFields, b: DueFields): number {
  if (a.due !== b.due) return a.due < b.due ? -1 : 1;
  return titleOrder.compare(titleOf(a), titleOf(b));
}

/** The open tasks that need attention: overdue ones and those due today, each sorted by due date then title. */
export function dueTasks<T extends DueFields>(tasks: readonly T[], today: string): { overdue: T[]; today: T[] } {
  const overdue: T[] = [];
  const dueToday: T[] = [];
  for (const t of tasks) {
    const state = taskDueState(t, today);
    if (state === 'overdue') overdue.push(t);
    else if (state === 'today') dueToday.push(t);
  }
  return { overdue: overdue.sort(byDueThenTitle), today: dueToday.sort(byDueThenTitle) };
}

const days = (n: number): string => (n === 1 ? '1 day' : `${n} days`);

/** 'Due today', 'Due tomorrow', 'Due in 5 days', 'Overdue by 1 day', 'Overdue by 3 days'. */
export function describeDue(due: string, today: string): string {
  const diff = daysBetween(today, due);
  if (Number.isNaN(diff)) return `Due ${due}`;
  if (diff === 0) return 'Due today';
  if (diff === 1) return 'Due tomorrow';
  if (diff > 1) return `Due in ${days(diff)}`;
  return `Overdue by ${days(-diff)}`;
}
