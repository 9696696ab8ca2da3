/**
 * The connection and sync strip under the navigation (sync.md D5): online or offline, the sync state
 * in plain words, when the last good sync was, and how many records wait to sync and for how long.
 * Only the sync sentence is a live region, so a screen reader hears state changes but not the clock.
 * With `unsyncedHref` the unsynced count links to the list of those records.
 */
import { Link } from 'react-router';
import { countOf } from './format';

export type SyncTone = 'ok' | 'busy' | 'offline' | 'problem';

export interface StatusBarProps {
  online: boolean;
  syncTone: SyncTone;
  syncMessage: string;
  /** "5 minutes ago"; null when this device has never completed a sync. */
  lastSynced: string | null;
  unsyncedCount: number;
  /** "2 hours": how long the oldest unsynced record has waited; null when none. */
  oldestUnsyncedAge: string | null;
  /** Where the unsynced count leads (the unsynced changes page); plain text when absent. */
  unsyncedHref?: string;
}

export function StatusBar({ online, syncTone, syncMessage, lastSynced, unsyncedCount, oldestUnsyncedAge, unsyncedHref }: StatusBarProps) {
  const unsynced =
    unsyncedCount === 0
      ? 'All your records are synced'
      : `${countOf(unsyncedCount, 'record')} not synced yet${oldestUnsyncedAge ? ` (oldest saved ${oldestUnsyncedAge} ago)` : ''}`;
  return (
    <section className="rs-status" aria-label="Connection and sync">
      <ul className="rs-status__list">
        <li className={`rs-status__item rs-status__connection rs-status__connection--${online ? 'online' : 'offline'}`}>
          <span className="rs-status__dot" aria-hidden="true" />
          {online ? 'Online' : 'Offline'}
        </li>
        <li className={`rs-status__item rs-status__sync rs-status__sync--${syncTone}`}>
          <span role="status">{syncMessage}</span>
        </li>
        <li className="rs-status__item">{lastSynced ? `Last synced ${lastSynced}` : 'Not synced yet on this device'}</li>
        <li className={`rs-status__item rs-status__unsynced${unsyncedCount > 0 ? ' rs-status__unsynced--pending' : ''}`}>
          {unsyncedHref ? <Link to={unsyncedHref}>{unsynced}</Link> : unsynced}
        </li>
      </ul>
    </section>
  );
}
