/**
 * Unsynced changes (/unsynced), like Salesforce's Pending Changes: every change saved on this device
 * that the server has not accepted yet, held-back ones first (sync.md C4), each named in plain words
 * with how long ago it changed. A worker can see exactly what a lost tablet would lose, and what the
 * server refused and why. Reads only through queries.ts.
 */
import { useEffect, useState } from 'react';
import { classifyStorageError } from '#db/errors';
import { dismissHeld } from '#db/outbox-settle';
import { useData } from '../common/data';
import { Button } from '../../ui/form';
import { Banner, countOf, EmptyState, PageHeading } from '../../ui/shell';
import { describeRows } from './model';
import { useUnsyncedRecords } from './queries';
import { UnsyncedItem } from './UnsyncedItem';
import './unsynced.css';

/** "3 minutes ago" refreshes this often. */
const CLOCK_TICK_MS = 30_000;

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export default function UnsyncedPage() {
  const { sync, db } = useData();
  const list = useUnsyncedRecords();
  const now = useNow();
  const [dismissError, setDismissError] = useState<string | null>(null);
  const dismiss = (key: string): void => {
    dismissHeld(db, key).then(
      () => setDismissError(null),
      (e: unknown) => setDismissError(classifyStorageError(e).message),
    );
  };

  if (list === undefined) {
    return (
      <>
        <PageHeading>Unsynced changes</PageHeading>
        <p role="status">Loading unsynced changes…</p>
      </>
    );
  }
  const entries = describeRows(list.rows, list.lookup);
  const held = entries.filter((e) => e.rejectedReason !== null).length;
  const waiting = entries.length - held;

  return (
    <div className="us-page">
      <PageHeading>Unsynced changes</PageHeading>
      {dismissError ? <Banner tone="error" title="The notice could not be removed">{dismissError}</Banner> : null}
      {entries.length === 0 ? (
        <EmptyState title="Everything on this device has synced.">
          <p>Changes you save appear here until the server has them.</p>
        </EmptyState>
      ) : (
        <>
          <p>
            {waiting > 0 ? `${countOf(waiting, 'change')} saved on this device ${waiting === 1 ? 'has' : 'have'} not reached the server yet. ` : ''}
            {held > 0 ? `${countOf(held, 'change was', 'changes were')} held back by the server and ${held === 1 ? 'needs' : 'need'} your attention. ` : ''}
            {waiting > 0 ? 'Changes waiting to sync go by themselves whenever there is a connection.' : ''}
          </p>
          {waiting > 0 ? (
            <p>
              <Button variant="secondary" onClick={() => sync.syncNow()}>
                Try to sync now
              </Button>
            </p>
          ) : null}
          <ul className="us-list">
            {entries.map((entry) => (
              <UnsyncedItem key={entry.key} entry={entry} now={now} onDismiss={dismiss} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
