/**
 * The banners at the top of the client page that confirm the save which led there: a client
 * registered, details changed (or nothing to change), a visit recorded. A recorded visit is in the
 * timeline, which comes after the client's cases and is often below the screen on a tablet, so its
 * banner has a button that brings the visit's entry into view and moves focus to it.
 */
import type { ClientPageState } from '../common/client-page-state';
import { useOnline } from '../common/online';
import { Button } from '../../ui/form';
import { Banner } from '../../ui/shell';
import { timelineEntryId } from './Timeline';

/**
 * "Saved on this device. It will sync when you are online.", with what came with the record, if
 * anything. Online, the sync is already under way, and the header says how it is going.
 */
function saved(online: boolean, withWhat = ''): string {
  return `Saved on this device${withWhat}. ${online ? 'It syncs in the background while you are online.' : 'It will sync when you are online.'}`;
}

/** " with its follow-up task", " with its 2 follow-up tasks", or nothing. */
function withFollowUps(count: number): string {
  return count === 0 ? '' : count === 1 ? ' with its follow-up task' : ` with its ${count} follow-up tasks`;
}

export interface SaveBannersProps {
  state: ClientPageState | null;
  clientName: string;
  /** Whether the recorded visit is on the timeline (it may have gone since: another device's change). */
  visitOnTimeline: boolean;
}

function showEntry(visitId: string): void {
  const entry = document.getElementById(timelineEntryId('visit', visitId));
  if (!entry) return;
  entry.scrollIntoView({ block: 'center' });
  entry.focus({ preventScroll: true });
}

export function SaveBanners({ state, clientName, visitOnTimeline }: SaveBannersProps) {
  const online = useOnline();
  if (!state) return null;
  const { registered, updated, visitRecorded } = state;
  return (
    <>
      {registered ? (
        <Banner tone="success" title={`${clientName} is registered`} className="cp-save-banner">
          {saved(online)}
        </Banner>
      ) : null}
      {updated === 'nothing' ? (
        <Banner tone="info" title="No details were changed" className="cp-save-banner">
          Nothing needed saving.
        </Banner>
      ) : null}
      {updated && updated !== 'nothing' ? (
        <Banner tone="success" title={`Changed ${updated}`} className="cp-save-banner">
          {saved(online)}
        </Banner>
      ) : null}
      {visitRecorded ? (
        <Banner tone="success" title="Visit recorded" className="cp-save-banner">
          <p>{saved(online, withFollowUps(visitRecorded.followUps))}</p>
          {visitOnTimeline ? (
            <Button variant="secondary" onClick={() => showEntry(visitRecorded.visitId)}>
              Show the visit
            </Button>
          ) : null}
        </Banner>
      ) : null}
    </>
  );
}
