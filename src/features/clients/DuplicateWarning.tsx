/**
 * The offline duplicate warning on the register page: people already on this device who may be the
 * person being registered (similar name plus the same date of birth or postcode), each with the
 * reasons and a link to open their record instead. A polite live region, so the warning is heard
 * as it appears while typing, without taking focus.
 */
import { Link } from 'react-router';
import type { ExistingClient, PossibleDuplicate } from '#shared/domain/duplicates';
import { Banner, formatDate } from '../../ui/shell';

export interface DuplicateWarningProps {
  matches: readonly PossibleDuplicate[];
  existing: ReadonlyMap<string, ExistingClient>;
}

function reasonsText(reasons: readonly string[]): string {
  return reasons.map((r, i) => (i === 0 ? r : r.toLowerCase())).join(', ');
}

export function DuplicateWarning({ matches, existing }: DuplicateWarningProps) {
  return (
    <div className="cr-duplicates" role="status" aria-live="polite">
      {matches.length === 0 ? null : (
        <Banner tone="warning" title="This might be someone already on this device">
          <p>Check before you register them again. If it is the same person, open their record instead.</p>
          <ul>
            {matches.map((m) => {
              const other = existing.get(m.id);
              const details = [other?.dateOfBirth ? `born ${formatDate(other.dateOfBirth)}` : null, other?.postcode ?? null].filter(Boolean).join(', ');
              return (
                <li key={m.id}>
                  <Link to={`/clients/${encodeURIComponent(m.id)}`}>Open {m.name}&apos;s record</Link>
                  {details ? ` (${details})` : ''}
                  <br />
                  <span className="rs-muted">{reasonsText(m.reasons)}</span>
                </li>
              );
            })}
          </ul>
        </Banner>
      )}
    </div>
  );
}
