/**
 * One client: details, consent, cases with their actions, and the timeline of visits and tasks.
 * The h1 is rendered from the start (the shell focuses it after navigation) and reads the client's
 * name once it has loaded. A client not on this device gets a plain explanation, not a blank page.
 */
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { localDate } from '#shared/domain/tasks';
import { usePageState } from '../common/after-save';
import type { ClientPageState } from '../common/client-page-state';
import { useData } from '../common/data';
import { useDirectory } from '../common/directory';
import { buttonClass } from '../../ui/form';
import { formatDate, PageHeading } from '../../ui/shell';
import { CasesSection } from './CasesSection';
import { ClientDetails } from './ClientDetails';
import { ConsentSection } from './ConsentSection';
import { useClient, useClientCases, useClientTasks, useClientVisits } from './queries';
import { SaveBanners } from './SaveBanners';
import { buildTimeline } from './timeline';
import { Timeline } from './Timeline';
import './clients.css';

/** "Client · born 5 March 1980 · LS6 2AB": enough to be sure it is the right person. */
function identityLine(client: { dateOfBirth?: string; postcode?: string }): string {
  return ['Client', client.dateOfBirth ? `born ${formatDate(client.dateOfBirth)}` : null, client.postcode ?? null].filter(Boolean).join(' · ');
}

export default function ClientPage() {
  const { clientId = '' } = useParams();
  const { session } = useData();
  const [today] = useState(() => localDate(new Date()));
  const people = useDirectory();
  const client = useClient(clientId);
  const cases = useClientCases(clientId);
  const visits = useClientVisits(clientId);
  const tasks = useClientTasks(clientId);
  const timeline = useMemo(() => (visits && tasks ? buildTimeline(visits, tasks) : undefined), [visits, tasks]);
  const pageState = usePageState() as ClientPageState | null;
  const recordedVisitId = pageState?.visitRecorded?.visitId;
  const recordedOnTimeline = timeline?.some((item) => item.kind === 'visit' && item.visit.id === recordedVisitId) ?? false;
  const userId = session.user.id;
  const encoded = encodeURIComponent(clientId);

  if (client === null) {
    return (
      <>
        <PageHeading>Client not found on this device</PageHeading>
        <p>This client is not on this device. They may be in someone else&apos;s caseload, or their record has not synced here yet.</p>
        <p>
          <Link to="/">Go to your caseload</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <PageHeading
        caption={client ? identityLine(client) : 'Client'}
        actions={
          client ? (
            <Link to={`/feedback/new?client=${encoded}`} className={buttonClass('secondary')}>
              Add feedback
            </Link>
          ) : null
        }
      >
        {client ? client.name : 'Loading client…'}
      </PageHeading>
      {!client ? null : (
        <>
          <SaveBanners state={pageState} clientName={client.name} visitOnTimeline={recordedOnTimeline} />
          <CasesSection clientId={clientId} cases={cases} currentUserId={userId} nameOf={people.nameOf} canAssign={session.user.role === 'coordinator'} />
          <Timeline items={timeline} highlight={recordedVisitId} cases={cases ?? []} currentUserId={userId} today={today} nameOf={people.nameOf} />
          <section className="rs-section" aria-labelledby="details-heading">
            <div className="cp-section-heading">
              <h2 id="details-heading">Details</h2>
              <Link to={`/clients/${encoded}/edit`} className={buttonClass('secondary')}>
                Change details
              </Link>
            </div>
            <ClientDetails client={client} teamName={people.teamName} currentUserId={userId} nameOf={people.nameOf} />
            {session.user.role === 'coordinator' ? (
              <p>
                <Link to={`/clients/${encoded}/audit`}>Audit trail: who changed this client’s records</Link>
              </p>
            ) : null}
          </section>
          <ConsentSection clientId={clientId} consents={client.consents ?? []} currentUserId={userId} />
        </>
      )}
    </>
  );
}
