/**
 * Visits and follow-up tasks on one list, newest first, with each task's due state in words
 * ("Overdue by 2 days", "Done"). Long histories show the latest TIMELINE_PAGE items first.
 */
import { visitKindLabel } from '#shared/schemas/visits';
import { useState } from 'react';
import type { Case } from '#shared/schemas/index';
import { describeDue, taskDueState } from '#shared/domain/tasks';
import { Button } from '../../ui/form';
import { EmptyState, formatDateTime, formatDayOf, labelFromSlug, Tag } from '../../ui/shell';
import type { TimelineItem, TimelineTask, TimelineVisit } from './timeline';
import { staffNameInSentence, type NameOf } from './vocabulary';

/** A year of fortnightly contact fits; older history is one tap away. */
const TIMELINE_PAGE = 25;


/** The id of an entry's list item (the client page's "Show the visit" moves focus to it). */
export function timelineEntryId(kind: TimelineItem['kind'], id: string): string {
  return `timeline-${kind}-${id}`;
}

const itemId = (item: TimelineItem): string => (item.kind === 'visit' ? item.visit.id : item.task.id);

export interface TimelineProps {
  items: readonly TimelineItem[] | undefined;
  /** A visit just recorded: its entry is marked, and shown even when it is older than the first page. */
  highlight?: string | undefined;
  cases: readonly Readonly<Pick<Case, 'id' | 'type'>>[];
  currentUserId: string;
  today: string;
  nameOf: NameOf;
}

function VisitEntry({ visit, caseType, currentUserId, nameOf }: { visit: TimelineVisit; caseType: string | undefined; currentUserId: string; nameOf: NameOf }) {
  return (
    <>
      <p className="cp-event__title">
        {visitKindLabel(visit.kind)}
        {caseType ? <span className="rs-muted"> · {caseType} case</span> : null}
      </p>
      <p className="cp-event__meta rs-muted">
        {formatDateTime(visit.at)} · by {staffNameInSentence(visit.by, currentUserId, nameOf)}
        {visit.durationMinutes !== undefined ? ` · ${visit.durationMinutes} minutes` : ''}
      </p>
      {visit.notes ? <p className="cp-event__notes">{visit.notes}</p> : null}
      {visit.outcomes && visit.outcomes.length > 0 ? <p className="cp-event__outcomes">Outcomes: {visit.outcomes.join(', ')}</p> : null}
    </>
  );
}

function TaskEntry({ task, caseType, today }: { task: TimelineTask; caseType: string | undefined; today: string }) {
  const state = taskDueState(task, today);
  return (
    <>
      <p className="cp-event__title">
        Follow-up: {task.title} <Tag tone={state}>{state === 'done' ? 'Done' : describeDue(task.due, today)}</Tag>
      </p>
      <p className="cp-event__meta rs-muted">
        Raised {formatDayOf(task.createdAt)}
        {caseType ? ` · ${caseType} case` : ''}
        {task.doneAt ? ` · done ${formatDayOf(task.doneAt)}` : ''}
      </p>
    </>
  );
}

export function Timeline({ items, highlight, cases, currentUserId, today, nameOf }: TimelineProps) {
  const [more, setMore] = useState(false);
  const highlighted = highlight === undefined ? -1 : (items?.findIndex((item) => item.kind === 'visit' && item.visit.id === highlight) ?? -1);
  const limit = more ? Infinity : Math.max(TIMELINE_PAGE, highlighted + 1);
  const caseTypes = new Map(cases.map((c) => [c.id, labelFromSlug(c.type)]));
  return (
    <section className="rs-section" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Visits and follow-ups</h2>
      {!items ? (
        <p role="status">Loading visits and follow-ups…</p>
      ) : items.length === 0 ? (
        <EmptyState title="No visits or follow-ups yet" level={3}>
          <p>Visits you record for this client appear here, newest first.</p>
        </EmptyState>
      ) : (
        <>
          <ol className="cp-timeline">
            {items.slice(0, limit).map((item, i) => (
              <li
                key={`${item.kind}:${itemId(item)}`}
                className={`cp-event cp-event--${item.kind}${i === highlighted ? ' cp-event--recorded' : ''}`}
                {...(i === highlighted ? { id: timelineEntryId(item.kind, itemId(item)), tabIndex: -1 } : {})}
              >
                {item.kind === 'visit' ? (
                  <VisitEntry visit={item.visit} caseType={caseTypes.get(item.visit.caseId)} currentUserId={currentUserId} nameOf={nameOf} />
                ) : (
                  <TaskEntry task={item.task} caseType={caseTypes.get(item.task.caseId)} today={today} />
                )}
              </li>
            ))}
          </ol>
          {items.length > limit ? (
            <Button variant="secondary" onClick={() => setMore(true)}>
              Show all {items.length} entries
            </Button>
          ) : null}
        </>
      )}
    </section>
  );
}
