/**
 * One client in the caseload: name (a link to their record), date of birth and postcode, open
 * cases, the next task and a due badge, and "Record visit", which goes straight to the visit form
 * with the client's single open case chosen (one tap from here). Memoised: typing in the search
 * re-renders only rows whose data changed.
 */
import { memo } from 'react';
import { Link } from 'react-router';
import { describeDue, taskDueState } from '#shared/domain/tasks';
import { buttonClass } from '../../ui/form/Button';
import { formatDate, labelFromSlug, Tag } from '../../ui/shell';
import { recordVisitPath, type ClientCases, type ClientRow, type ClientTasks } from './model';

export interface CaseloadRowProps {
  client: ClientRow;
  /** undefined while cases or tasks are still loading. */
  cases: ClientCases | undefined;
  tasks: ClientTasks | undefined;
  today: string;
}

function Details({ client }: { client: ClientRow }) {
  const parts = [client.dateOfBirth ? `Born ${formatDate(client.dateOfBirth, true)}` : null, client.postcode ?? null].filter((p) => p !== null);
  if (parts.length === 0) return <p className="cl-row__meta">No date of birth or postcode recorded</p>;
  // Each part stays on one line ("LS8 1PJ" never splits); the line breaks between them.
  return (
    <p className="cl-row__meta">
      {parts.map((part, i) => (
        <span key={part} className="cl-row__part">
          {i > 0 ? ' · ' : ''}
          {part}
        </span>
      ))}
    </p>
  );
}

function Cases({ cases }: { cases: ClientCases }) {
  if (cases.open.length === 0) {
    return <p className="cl-row__cases rs-muted">{cases.closedCount > 0 ? 'No open cases (only closed ones)' : 'No cases yet'}</p>;
  }
  return (
    <p className="cl-row__cases">
      <span className="cl-row__label">{cases.open.length === 1 ? 'Open case:' : 'Open cases:'}</span>{' '}
      {cases.open.map((c) => labelFromSlug(c.type)).join(', ')}
    </p>
  );
}

function NextTask({ tasks, today }: { tasks: ClientTasks; today: string }) {
  const next = tasks.open[0];
  if (!next) return null;
  const state = taskDueState(next, today);
  return (
    <p className="cl-row__task">
      <span className="cl-row__label">Next task:</span> {next.title}{' '}
      <Tag tone={state === 'done' ? 'done' : state}>{describeDue(next.due, today)}</Tag>
    </p>
  );
}

export const CaseloadRow = memo(function CaseloadRow({ client, cases, tasks, today }: CaseloadRowProps) {
  const visitPath = cases ? recordVisitPath(client.id, cases.open) : null;
  const clientPath = `/clients/${encodeURIComponent(client.id)}`;
  return (
    <li className="cl-row">
      <div className="cl-row__who">
        <h2 className="cl-row__name">
          <Link to={clientPath} data-client-link={client.id}>
            {client.name}
          </Link>
        </h2>
        <Details client={client} />
        {tasks && tasks.dueCount > 0 ? (
          <Tag tone={tasks.anyOverdue ? 'overdue' : 'today'}>{tasks.dueCount === 1 ? '1 task due' : `${tasks.dueCount} tasks due`}</Tag>
        ) : null}
      </div>
      <div className="cl-row__work">
        {cases ? <Cases cases={cases} /> : null}
        {tasks ? <NextTask tasks={tasks} today={today} /> : null}
      </div>
      <div className="cl-row__actions">
        {visitPath ? (
          <Link to={visitPath} className={buttonClass('secondary', 'cl-row__action')}>
            Record visit<span className="rs-visually-hidden"> for {client.name}</span>
          </Link>
        ) : cases ? (
          <Link to={`${clientPath}/cases/new`} className={buttonClass('secondary', 'cl-row__action')}>
            Open a case<span className="rs-visually-hidden"> for {client.name}</span>
          </Link>
        ) : null}
      </div>
    </li>
  );
});
