/**
 * Radios: one choice from a short list, as a fieldset with a legend, GOV.UK style, with large
 * (48px) targets: the whole row, label included, is clickable.
 *
 * Props
 * - `id` (string, required): the first radio's id (the error summary links here) and the base of
 *   the others (`id-2`, …) and of the hint and error ids.
 * - `name` (string, optional, default `id`): the radio group's name.
 * - `legend` (ReactNode, required), `legendAsHeading`, `hint`, `error`: as Fieldset.
 * - `options` (ChoiceOption[]: { value, label, hint? }, required).
 * - `value` (string) and `onChange(value: string)`: controlled; '' when nothing is chosen.
 * - `layout` ('stacked' | 'inline', default 'stacked'): inline suits two short options (Yes / No).
 * - `size` ('normal' | 'large', default 'normal'): large tiles for a rating a client taps.
 *
 * Example
 *   <Radios id="kind" legend="What kind of contact?" value={kind} onChange={setKind}
 *     options={[{ value: 'outreach', label: 'Outreach' }, { value: 'phone', label: 'Phone' }]} />
 */
import type { ReactNode } from 'react';
import { Fieldset } from './Fieldset';
import { optionId, type ChoiceOption } from './choices';
import './styles';

export interface RadiosProps {
  id: string;
  name?: string;
  legend: ReactNode;
  legendAsHeading?: boolean;
  hint?: ReactNode;
  error?: string | undefined;
  options: readonly ChoiceOption[];
  value: string;
  onChange: (value: string) => void;
  layout?: 'stacked' | 'inline';
  size?: 'normal' | 'large';
  className?: string;
}

export function Radios({ id, name, legend, legendAsHeading, hint, error, options, value, onChange, layout = 'stacked', size = 'normal', className }: RadiosProps) {
  return (
    <Fieldset id={id} legend={legend} legendAsHeading={legendAsHeading ?? false} hint={hint} error={error} className={className}>
      <div className={`rf-choices rf-choices--${layout} rf-choices--${size}`}>
        {options.map((option, index) => {
          const inputId = optionId(id, index);
          const optionHint = option.hint !== undefined ? `${inputId}-item-hint` : undefined;
          return (
            <div className="rf-choice rf-choice--radio" key={option.value}>
              <input
                className="rf-choice__input"
                id={inputId}
                type="radio"
                name={name ?? id}
                value={option.value}
                checked={value === option.value}
                aria-describedby={optionHint}
                onChange={() => onChange(option.value)}
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
