/**
 * Fieldset: groups related controls (radios, checkboxes, a row of inputs) under one legend, with a
 * hint and an inline error, GOV.UK style. Radios and Checkboxes use it; pages may use it directly
 * for a group such as one follow-up row.
 *
 * Props
 * - `id` (string, required): base for the hint and error ids (`id-hint`, `id-error`); it is not put
 *   on the fieldset (the first control inside carries it, so the error summary can focus it).
 * - `legend` (ReactNode, required): the question.
 * - `legendAsHeading` (boolean, optional): wrap the legend text in an h1 for one-question pages.
 * - `hint` (ReactNode, optional), `error` (string, optional).
 * - `children` (ReactNode, required).
 *
 * Example
 *   <Fieldset id="follow-up-1" legend="Follow-up 1" error={errors.followUp1}>…inputs…</Fieldset>
 */
import type { ReactNode } from 'react';
import { ErrorMessage, Hint, errorId, hintId, joinIds } from './Field';
import './styles';

export interface FieldsetProps {
  id: string;
  legend: ReactNode;
  legendAsHeading?: boolean;
  hint?: ReactNode;
  error?: string | undefined;
  className?: string;
  children: ReactNode;
}

export function Fieldset({ id, legend, legendAsHeading = false, hint, error, className, children }: FieldsetProps) {
  const hasHint = hint !== undefined && hint !== null && hint !== '';
  const hasError = error !== undefined && error !== '';
  return (
    <div className={['rf-field', hasError ? 'rf-field--error' : '', className ?? ''].filter(Boolean).join(' ')}>
      <fieldset className="rf-fieldset" aria-describedby={joinIds(hasHint && hintId(id), hasError && errorId(id))}>
        <legend className={legendAsHeading ? 'rf-legend rf-legend--heading' : 'rf-legend'}>
          {legendAsHeading ? <h1 className="rf-legend__heading">{legend}</h1> : legend}
        </legend>
        {hasHint ? <Hint id={hintId(id)}>{hint}</Hint> : null}
        {hasError ? <ErrorMessage id={errorId(id)}>{error}</ErrorMessage> : null}
        {children}
      </fieldset>
    </div>
  );
}
