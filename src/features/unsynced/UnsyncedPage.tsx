/**
 * Unsynced changes (/unsynced), like Salesforce's Pending Changes: every change saved on this device
 * that the server has not accepted yet, held-back ones first (sync.md C4), each named in plain words
 * with how long ago it changed. A worker can see exactly what a lost tablet would lose, and what the
 * server refused and why. Reads only through queries.ts.
 */
import { useEffect, useState } from 'react';
import { useData } from '../common/data';
import { Button } from '../../ui/form';
import { countOf, EmptyState, PageHeading } from '../../ui/shell';
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
  const { sync } = useData();
  const list = useUnsyncedRecords();
  const now = useNow();

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

  return (
    <div className="us-page">
      <PageHeading>Unsynced changes</PageHeading>
      {entries.length === 0 ? (
        <EmptyState title="Everything on this device has synced.">
          <p>Changes you save appear here until the server has them.</p>
        </EmptyState>
      ) : (
        <>
          <p>
            {countOf(entries.length, 'change')} saved on this device {entries.length === 1 ? 'has' : 'have'} not reached the server yet.
            {held > 0 ? ` ${countOf(held, 'change was', 'changes were')} not accepted by the server and ${held === 1 ? 'needs' : 'need'} your attention.` : ''}{' '}
            Everything else syncs by itself whenever there is a connection.
          </p>
          <p>
            <Button variant="secondary" onClick={() => sync.syncNow()}>
              Try to sync now
            </Button>
          </p>
          <ul className="us-list">
            {entries.map((entry) => (
              <UnsyncedItem key={entry.key} entry={entry} now={now} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
