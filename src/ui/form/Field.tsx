/**
 * Field: the GOV.UK-style wrapper every single-control input uses. It owns the label, the hint and
 * the inline error message, and hands the control the attributes that tie them together.
 *
 * Props
 * - `id` (string, required): the control's id. The label's `for`, the error summary's link
 *   (`#id`) and the hint/error ids (`id-hint`, `id-error`) all derive from it.
 * - `label` (ReactNode, required): what the field is, in plain words.
 * - `hint` (ReactNode, optional): one short sentence of help shown under the label.
 * - `error` (string, optional): the inline error; when set the field is marked invalid and the
 *   message is read out with the control (aria-describedby).
 * - `describedBy` (string, optional): extra ids to add to aria-describedby (e.g. a character count).
 * - `labelAsHeading` (boolean, optional): wrap the label in an h1 for one-question pages.
 * - `children` ((control) => ReactNode, required): renders the control with the given attributes.
 *
 * Example
 *   <Field id="summary" label="Summary" hint="One or two sentences" error={errors.summary}>
 *     {(control) => <input className="rf-input" {...control} />}
 *   </Field>
 */
import type { ReactNode } from 'react';
import './styles';

export interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

export interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  describedBy?: string;
  labelAsHeading?: boolean;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/** `a b` from the truthy parts, or undefined when there are none (no empty attribute). */
export function joinIds(...ids: (string | false | undefined | null)[]): string | undefined {
  const list = ids.filter((v): v is string => typeof v === 'string' && v !== '');
  return list.length > 0 ? list.join(' ') : undefined;
}

export const hintId = (id: string): string => `${id}-hint`;
export const errorId = (id: string): string => `${id}-error`;

/** The inline error: a visually hidden "Error:" prefix so it is unmistakable when read alone. */
export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="rf-error-message">
      <span className="rf-visually-hidden">Error: </span>
      {children}
    </p>
  );
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={id} className="rf-hint">
      {children}
    </div>
  );
}

export function Field({ id, label, hint, error, describedBy, labelAsHeading = false, className, children }: FieldProps) {
  const hasHint = hint !== undefined && hint !== null && hint !== '';
  const hasError = error !== undefined && error !== '';
  const labelEl = (
    <label className={labelAsHeading ? 'rf-label rf-label--heading' : 'rf-label'} htmlFor={id}>
      {label}
    </label>
  );
  return (
    <div className={['rf-field', hasError ? 'rf-field--error' : '', className ?? ''].filter(Boolean).join(' ')}>
      {labelAsHeading ? <h1 className="rf-label-wrapper">{labelEl}</h1> : labelEl}
      {hasHint ? <Hint id={hintId(id)}>{hint}</Hint> : null}
      {hasError ? <ErrorMessage id={errorId(id)}>{error}</ErrorMessage> : null}
      {children({
        id,
        'aria-describedby': joinIds(hasHint && hintId(id), hasError && errorId(id), describedBy),
        'aria-invalid': hasError ? true : undefined,
      })}
    </div>
  );
}
