/**
 * ErrorSummary: the box at the top of a form listing every problem, GOV.UK style. It is a
 * role="alert" region headed "There is a problem"; each message links to its field. It takes focus
 * whenever a new list of errors arrives (each failed submit), so keyboard and screen-reader users
 * land on it. Following a link focuses the field and scrolls its label into view, without changing
 * the URL (the router never sees a hash change).
 *
 * Props
 * - `errors` ({ field: string; message: string }[], required): in the order of the fields on the
 *   page; renders nothing when empty.
 * - `idFor` ((field: string) => string, optional, default identity): the element id of a field
 *   (for radios and checkboxes, the id of the first option).
 * - `title` (string, default 'There is a problem').
 *
 * Example
 *   <ErrorSummary errors={[{ field: 'notes', message: 'Enter notes about the visit' }]}
 *     idFor={(field) => `visit-${field}`} />
 */
import { useEffect, useRef, type MouseEvent } from 'react';
import './styles';

export interface FormError {
  field: string;
  message: string;
}

export interface ErrorSummaryProps {
  errors: readonly FormError[];
  idFor?: (field: string) => string;
  title?: string;
}

const identity = (field: string): string => field;

/** Focuses a field and brings its label (or legend) into view above it. */
export function focusField(id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  const fieldset = target.closest('fieldset');
  const label = fieldset?.querySelector('legend') ?? document.querySelector(`label[for="${CSS.escape(id)}"]`);
  target.focus({ preventScroll: true });
  (label ?? target).scrollIntoView({ block: 'start' });
}

export function ErrorSummary({ errors, idFor = identity, title = 'There is a problem' }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  const follow = (event: MouseEvent<HTMLAnchorElement>, field: string) => {
    event.preventDefault();
    focusField(idFor(field));
  };
  return (
    <div ref={ref} className="rf-error-summary" role="alert" aria-labelledby="rf-error-summary-title" tabIndex={-1}>
      <h2 className="rf-error-summary__title" id="rf-error-summary-title">
        {title}
      </h2>
      <ul className="rf-error-summary__list">
        {errors.map((e) => (
          <li key={`${e.field}:${e.message}`}>
            <a href={`#${idFor(e.field)}`} onClick={(event) => follow(event, e.field)}>
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
