/**
 * A client's timeline: visits and follow-up tasks in one list, newest first. A visit sits at the
 * time it happened; a task at the time it was raised (its due state is shown beside it). Pure.
 */
import type { Task, Visit } from '#shared/schemas/index';

export type TimelineVisit = Readonly<Pick<Visit, 'id' | 'caseId' | 'by' | 'at' | 'kind' | 'notes' | 'durationMinutes' | 'outcomes'>>;
export type TimelineTask = Readonly<Pick<Task, 'id' | 'caseId' | 'title' | 'due' | 'done' | 'doneAt' | 'assignedTo' | 'createdAt'>>;

export type TimelineItem = { kind: 'visit'; at: string; visit: TimelineVisit } | { kind: 'task'; at: string; task: TimelineTask };

export function buildTimeline(visits: readonly TimelineVisit[], tasks: readonly TimelineTask[]): TimelineItem[] {
  const items: TimelineItem[] = [
    ...visits.map((visit) => ({ kind: 'visit' as const, at: visit.at, visit })),
    ...tasks.map((task) => ({ kind: 'task' as const, at: task.createdAt, task })),
  ];
  // Compare instants, not strings: a device may store offsets other than Z.
  const time = (iso: string) => {
    const t = Date.parse(iso);
    return Number.isNaN(t) ? 0 : t;
  };
  return items.sort((a, b) => time(b.at) - time(a.at));
}
