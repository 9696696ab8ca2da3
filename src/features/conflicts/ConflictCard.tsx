/**
 * One conflict to review: which record and field, the value kept by the merge and the value that
 * lost, each with who changed it and when, and the two decisions. The buttons' accessible names
 * include the field and record, since a page may hold several conflicts. People are named from the
 * people directory ("you" for the signed-in coordinator).
 */
import { Button, InlineMessage } from '../../ui/form';
import { formatDateTime } from '../../ui/shell';
import type { Conflict } from '#shared/schemas/index';
import { displayValue, fieldLabel } from './model';

export interface ConflictCardProps {
  conflict: Conflict;
  label: string;
  /** "You", a name from the directory, or "A colleague" (useDirectory().personName). */
  personName: (userId: string | undefined) => string;
  busy: boolean;
  error: string | undefined;
  onKeep: () => void;
  onSwap: () => void;
}

function who(userId: string | undefined, personName: (userId: string | undefined) => string): string {
  const name = personName(userId);
  return name === 'You' || name === 'A colleague' || name.startsWith('Someone') ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

function when(at: string | undefined): string {
  return at ? formatDateTime(at) : 'at a time not recorded';
}

export function ConflictCard({ conflict, label, personName, busy, error, onKeep, onSwap }: ConflictCardProps) {
  const field = fieldLabel(conflict.field);
  const headingId = `conflict-${conflict.id}`;
  const context = (
    <span className="rf-visually-hidden">
      {' '}
      for {field.toLowerCase()}, {label}
    </span>
  );
  return (
    <li className="conflict-card" aria-labelledby={headingId}>
      <h2 className="conflict-card__title" id={headingId} tabIndex={-1}>
        {label}
      </h2>
      <p className="conflict-card__field">
        Field: <strong>{field}</strong>
      </p>
      <div className="conflict-card__values">
        <section className="conflict-card__value conflict-card__value--kept" aria-label="Current value">
          <h3>Current value</h3>
          <p className="conflict-card__text">{displayValue(conflict.keptValue)}</p>
          <p className="conflict-card__who">
            Saved by {who(conflict.keptBy, personName)}, {when(conflict.keptAt)}
          </p>
        </section>
        <section className="conflict-card__value conflict-card__value--other" aria-label="Other value">
          <h3>Other value</h3>
          <p className="conflict-card__text">{displayValue(conflict.losingValue)}</p>
          <p className="conflict-card__who">
            Saved by {who(conflict.losingBy, personName)}, {when(conflict.losingAt)}
          </p>
        </section>
      </div>
      {error ? <InlineMessage tone="error">{error}</InlineMessage> : null}
      <div className="conflict-card__actions">
        <Button busy={busy} onClick={onKeep}>
          Keep current value{context}
        </Button>
        <Button variant="secondary" busy={busy} onClick={onSwap}>
          Use the other value{context}
        </Button>
      </div>
    </li>
  );
}
