/**
 * The client's cases, open first: type, status, dates, who holds it, and the actions that apply
 * (record a visit, close the case, add feedback). Holders are named from the people directory ("You"
 * for the signed-in user). Each repeated link names its case for screen
 * readers ("Record visit on housing case").
 */
import { Link } from 'react-router';
import type { Case } from '#shared/schemas/index';
import { buttonClass } from '../../ui/form';
import { EmptyState, formatDayOf, labelFromSlug, Tag } from '../../ui/shell';
import { assignedText, type NameOf } from './vocabulary';

export interface CasesSectionProps {
  clientId: string;
  cases: readonly Readonly<Case>[] | undefined;
  currentUserId: string;
  /** Names from the people directory; colleagues not in it yet are counted. */
  nameOf: NameOf;
  /** A coordinator also gets "Assign or share" on each case (src/features/cases/AssignCasePage). */
  canAssign?: boolean;
}

const byOpenThenNewest = (a: Readonly<Case>, b: Readonly<Case>): number =>
  a.status !== b.status ? (a.status === 'open' ? -1 : 1) : a.openedAt < b.openedAt ? 1 : a.openedAt > b.openedAt ? -1 : 0;

export function CasesSection({ clientId, cases, currentUserId, nameOf, canAssign = false }: CasesSectionProps) {
  const client = encodeURIComponent(clientId);
  return (
    <section className="rs-section" aria-labelledby="cases-heading">
      <div className="cp-section-heading">
        <h2 id="cases-heading">Cases</h2>
        <Link to={`/clients/${client}/cases/new`} className={buttonClass('secondary')}>
          Open a case
        </Link>
      </div>
      {!cases ? (
        <p role="status">Loading cases…</p>
      ) : cases.length === 0 ? (
        <EmptyState title="No cases yet" level={3}>
          <p>Open a case to record visits and follow-ups for this client.</p>
        </EmptyState>
      ) : (
        <ul className="cp-cards">
          {[...cases].sort(byOpenThenNewest).map((c) => {
            const type = labelFromSlug(c.type);
            const named = <span className="rs-visually-hidden"> on {type.toLowerCase()} case</span>;
            const caseId = encodeURIComponent(c.id);
            return (
              <li key={c.id} className={`rs-card cp-case cp-case--${c.status}`}>
                <h3 className="cp-case__title">
                  {type} <Tag tone={c.status}>{c.status === 'open' ? 'Open' : 'Closed'}</Tag>
                </h3>
                <p className="cp-case__meta">
                  Opened {formatDayOf(c.openedAt)}
                  {c.closedAt ? ` · Closed ${formatDayOf(c.closedAt)}` : ''}
                  {c.closedReason ? ` (${c.closedReason})` : ''}
                </p>
                <p className="cp-case__meta">
                  Held by: {assignedText(c.assignedTo, currentUserId, nameOf)}
                  {c.sharedWithTeam ? ' · Shared with the team' : ''}
                </p>
                {c.summary ? <p className="cp-case__summary">{c.summary}</p> : null}
                <div className="rs-button-row">
                  {c.status === 'open' ? (
                    <>
                      <Link to={`/clients/${client}/visits/new?case=${caseId}`} className={buttonClass('primary')}>
                        Record visit{named}
                      </Link>
                      <Link to={`/cases/${caseId}/close`} className={buttonClass('secondary')}>
                        Close case{named}
                      </Link>
                    </>
                  ) : null}
                  <Link to={`/feedback/new?client=${client}&case=${caseId}`} className={buttonClass('secondary')}>
                    Add feedback{named}
                  </Link>
                  {canAssign ? (
                    <Link to={`/cases/${caseId}/assign`} className={buttonClass('secondary')}>
                      Assign or share{named}
                    </Link>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
