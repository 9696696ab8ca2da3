/**
 * One change waiting to sync: what it is (linked to its page where it has one), what kind of record,
 * how long ago it changed, and, when the server held it back (sync.md C4), a clear notice with the
 * server's reason and what to do. The reason is the server's own plain sentence.
 */
import { Link } from 'react-router';
import { Button } from '../../ui/form';
import { formatAgo, Tag } from '../../ui/shell';
import type { UnsyncedEntry } from './model';

export interface UnsyncedItemProps {
  entry: UnsyncedEntry;
  now: number;
  /** Removes the notice of a held-back change whose record is no longer on this device. */
  onDismiss: (key: string) => void;
}

export function UnsyncedItem({ entry, now, onDismiss }: UnsyncedItemProps) {
  const held = entry.rejectedReason !== null;
  const headingId = `unsynced-${entry.key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return (
    <li className={`rs-card us-item${held ? ' us-item--held' : ''}`} aria-labelledby={headingId}>
      <h2 className="us-item__title" id={headingId}>
        {entry.href ? <Link to={entry.href}>{entry.label}</Link> : entry.label}
      </h2>
      <p className="us-item__meta">
        <Tag tone="muted">{entry.kind}</Tag> Changed {formatAgo(entry.since, now)}
      </p>
      {held ? (
        <div className="us-held">
          <p className="us-held__title">Not accepted by the server</p>
          <p>
            <span className="rs-visually-hidden">The server&apos;s reason: </span>
            {entry.rejectedReason}
          </p>
          {entry.onDevice ? (
            <p>
              This change is safe on this device and has not been lost, and a coordinator can see it in the list of records the server
              held back. Tell your coordinator about it. If you can put it right yourself, open the record, correct it and save it again.
            </p>
          ) : (
            <>
              <p>
                The server has kept this change, so it has not been lost, and a coordinator can see it in the list of records the server
                held back. The record is no longer on this device, so there is nothing to correct here. Tell your coordinator about it.
              </p>
              <p>
                <Button variant="secondary" onClick={() => onDismiss(entry.key)} aria-describedby={headingId}>
                  Remove this notice
                </Button>
              </p>
            </>
          )}
        </div>
      ) : (
        <p className="us-item__waiting">Waiting to sync. It goes by itself as soon as this device can reach the server.</p>
      )}
    </li>
  );
}
