/**
 * Textarea: long text with an optional live character count, GOV.UK "character count" style. The
 * count appears once the text nears the limit and says how many characters are left (or over).
 * Typing past the limit is allowed, never cut off, so a pasted note is not silently lost; the
 * validator then reports it. Characters are counted as code points, the way the schema's
 * maxLength counts them (an emoji is one).
 *
 * Props
 * - `id`, `label`, `hint`, `error`, `labelAsHeading`: as Field.
 * - `value` (string) and `onChange(value: string)`: controlled.
 * - `maxLength` (number, optional): enables the count, e.g. LONG_TEXT_MAX.
 * - `threshold` (number 0..1, default 0.75): show the count from this share of maxLength.
 * - `rows` (number, default 5).
 *
 * The visible count is hidden from assistive technology; a polite live region repeats it once the
 * typing pauses, so a screen reader is not interrupted on every key.
 *
 * Example
 *   <Textarea id="notes" label="Notes" maxLength={LONG_TEXT_MAX} value={notes} onChange={setNotes} />
 */
import { useEffect, useState, type ReactNode } from 'react';
import { codePointLength } from '#shared/domain/text';
import { Field } from './Field';
import './styles';

/** How long typing must pause before the count is announced; about one breath, as GOV.UK does. */
const ANNOUNCE_DELAY_MS = 1000;

export interface TextareaProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  maxLength?: number;
  threshold?: number;
  rows?: number;
  labelAsHeading?: boolean;
  spellCheck?: boolean;
  className?: string;
}

export function countMessage(length: number, max: number): string {
  const left = max - length;
  const chars = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'character' : 'characters'}`;
  return left >= 0 ? `You have ${chars(left)} remaining` : `You have ${chars(-left)} too many`;
}

export function Textarea({ id, label, hint, error, value, onChange, maxLength, threshold = 0.75, rows = 5, labelAsHeading, spellCheck = true, className }: TextareaProps) {
  const length = maxLength === undefined ? 0 : codePointLength(value);
  const showCount = maxLength !== undefined && length >= maxLength * threshold;
  const message = maxLength === undefined ? '' : countMessage(length, maxLength);
  const [announced, setAnnounced] = useState('');
  useEffect(() => {
    if (!showCount) return;
    const timer = setTimeout(() => setAnnounced(message), ANNOUNCE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [showCount, message]);
  const countId = `${id}-count`;
  const over = maxLength !== undefined && length > maxLength;
  return (
    <Field id={id} label={label} hint={hint} error={error} labelAsHeading={labelAsHeading ?? false} className={className}>
      {(control) => (
        <>
          <textarea
            {...control}
            className="rf-textarea"
            rows={rows}
            value={value}
            spellCheck={spellCheck}
            onChange={(e) => onChange(e.target.value)}
          />
          {maxLength !== undefined ? (
            <>
              <p className={over ? 'rf-count rf-count--over' : 'rf-count'} aria-hidden="true" hidden={!showCount}>
                {message}
              </p>
              <p id={countId} className="rf-visually-hidden" aria-live="polite">
                {showCount ? announced : ''}
              </p>
            </>
          ) : null}
        </>
      )}
    </Field>
  );
}
