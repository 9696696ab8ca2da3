/**
 * Checkboxes: any number of choices from a list, as a fieldset with a legend, GOV.UK style, with
 * 48px targets.
 *
 * Props
 * - `id` (string, required): the first checkbox's id (the error summary links here); the others
 *   are `id-2`, …; also the base of the hint and error ids.
 * - `name` (string, optional, default `id`).
 * - `legend`, `legendAsHeading`, `hint`, `error`: as Fieldset.
 * - `options` (ChoiceOption[], required).
 * - `values` (string[]) and `onChange(values: string[])`: controlled; the new list keeps the
 *   options' order.
 *
 * Example
 *   <Checkboxes id="outcomes" legend="Outcomes" hint="Select all that apply"
 *     options={OUTCOMES.map((o) => ({ value: o, label: o }))} values={outcomes} onChange={setOutcomes} />
 */
import type { ReactNode } from 'react';
import { Fieldset } from './Fieldset';
import { optionId, type ChoiceOption } from './choices';
import './styles';

export interface CheckboxesProps {
  id: string;
  name?: string;
  legend: ReactNode;
  legendAsHeading?: boolean;
  hint?: ReactNode;
  error?: string | undefined;
  options: readonly ChoiceOption[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  className?: string;
}

export function Checkboxes({ id, name, legend, legendAsHeading, hint, error, options, values, onChange, className }: CheckboxesProps) {
  const toggle = (value: string, checked: boolean) => {
    const next = new Set(values);
    if (checked) next.add(value);
    else next.delete(value);
    // Options first, in their order, then any value not among the options (kept, never dropped).
    const known = options.map((o) => o.value).filter((v) => next.has(v));
    const unknown = values.filter((v) => next.has(v) && !options.some((o) => o.value === v));
    onChange([...known, ...unknown]);
  };
  return (
    <Fieldset id={id} legend={legend} legendAsHeading={legendAsHeading ?? false} hint={hint} error={error} className={className}>
      <div className="rf-choices rf-choices--stacked">
        {options.map((option, index) => {
          const inputId = optionId(id, index);
          const optionHint = option.hint !== undefined ? `${inputId}-item-hint` : undefined;
          return (
            <div className="rf-choice rf-choice--checkbox" key={option.value}>
              <input
                className="rf-choice__input"
                id={inputId}
                type="checkbox"
                name={name ?? id}
                value={option.value}
                checked={values.includes(option.value)}
                aria-describedby={optionHint}
                onChange={(e) => toggle(option.value, e.target.checked)}
              />
              <label className="rf-choice__label" htmlFor={inputId}>
                {option.label}
              </label>
              {optionHint ? (
                <div id={optionHint} className="rf-hint rf-choice__hint">
                  {option.hint}
                </div>
              ) : null}
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}
