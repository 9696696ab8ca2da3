/**
 * Conflicts (/conflicts), for coordinators: every field that two devices changed at once, with the
 * value the merge kept and the one it set aside (sync.md C3). Each decision is a normal write and
 * syncs; the item then leaves the list here and on other coordinators' devices. After a decision
 * focus moves to the next conflict's heading (or the page heading), so keyboard users keep their
 * place.
 */
import { useEffect, useRef, useState } from 'react';
import { StorageError } from '#db/errors';
import { EmptyState, PageHeading, countOf } from '../../ui/shell';
import { useData } from '../common/data';
import { useDirectory } from '../common/directory';
import { keepCurrentValue, swapToOtherValue } from './commands';
import { ConflictCard } from './ConflictCard';
import { fieldLabel, recordLabel } from './model';
import { useOpenConflicts } from './queries';
import './conflicts.css';

export default function ConflictsPage() {
  const { session } = useData();
  if (session.user.role !== 'coordinator') {
    return (
      <>
        <PageHeading>Conflicts</PageHeading>
        <p>Only coordinators review conflicts.</p>
      </>
    );
  }
  return <ConflictReview />;
}

function ConflictReview() {
  const { db, session } = useData();
  const list = useOpenConflicts();
  const people = useDirectory();
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [announcement, setAnnouncement] = useState('');
  const root = useRef<HTMLDivElement>(null);
  // Index of the item to focus after the decided one leaves the list.
  const pendingFocus = useRef<number | null>(null);
  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null || !root.current) return;
    const headings = root.current.querySelectorAll<HTMLElement>('.conflict-card__title');
    const target = headings[Math.min(index, headings.length - 1)] ?? root.current.querySelector<HTMLElement>('h1');
    if (!target) return;
    pendingFocus.current = null;
    target.focus();
  });

  if (list === undefined) {
    return (
      <>
        <PageHeading>Conflicts</PageHeading>
        <p role="status">Loading conflicts…</p>
      </>
    );
  }

  const decide = async (index: number, id: string, description: string, action: () => Promise<string | null>) => {
    setBusy(id);
    try {
      const problem = await action();
      setErrors((current) => {
        const next = new Map(current);
        if (problem === null) next.delete(id);
        else next.set(id, problem);
        return next;
      });
      if (problem === null) {
        setAnnouncement(description);
        pendingFocus.current = index;
      }
    } catch (e) {
      const message = e instanceof StorageError ? e.message : 'Something went wrong while saving on this device. Try again.';
      setErrors((current) => new Map(current).set(id, message));
    } finally {
      setBusy(null);
    }
  };

  const userId = session.user.id;
  return (
    <div className="conflicts-page" ref={root}>
      <PageHeading>Conflicts</PageHeading>
      <p className="rf-visually-hidden" role="status">
        {announcement}
      </p>
      {list.conflicts.length === 0 ? (
        <EmptyState title="No conflicts to review.">
          <p>When two people change the same detail before syncing, both values appear here for you to choose.</p>
        </EmptyState>
      ) : (
        <>
          <p className="conflicts-page__lede">
            {countOf(list.conflicts.length, 'conflict')} to review. The current value is in use now; the other value was
            saved on another device at about the same time.
          </p>
          <ul className="conflict-list">
            {list.conflicts.map((c, index) => {
              const label = recordLabel(c.collectionName, c.documentId, list.lookup);
              const what = `${fieldLabel(c.field)} of ${label}`;
              return (
                <ConflictCard
                  key={c.id}
                  conflict={c}
                  label={label}
                  personName={people.personName}
                  busy={busy === c.id}
                  error={errors.get(c.id)}
                  onKeep={() =>
                    void decide(index, c.id, `Kept the current value: ${what}.`, async () => {
                      await keepCurrentValue(db, c, userId);
                      return null;
                    })
                  }
                  onSwap={() =>
                    void decide(index, c.id, `Now using the other value: ${what}.`, async () => {
                      const result = await swapToOtherValue(db, c, userId);
                      return result.ok ? null : result.message;
                    })
                  }
                />
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
