/**
 * Select: a labelled drop-down. Prefer Radios for fewer than about seven options (all visible at
 * once, bigger targets); use Select for longer lists.
 *
 * Props
 * - `id`, `label`, `hint`, `error`: as Field.
 * - `options` ({ value: string; label: string }[], required).
 * - `value` (string) and `onChange(value: string)`: controlled; '' selects the placeholder.
 * - `placeholder` (string, optional): a first, empty option such as "Choose a type".
 *
 * Example
 *   <Select id="type" label="Type of case" placeholder="Choose a type"
 *     options={[{ value: 'housing', label: 'Housing' }]} value={type} onChange={setType} error={errors.type} />
 */
import type { ReactNode } from 'react';
import { Field } from './Field';
import './styles';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  options: readonly SelectOption[];
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  className?: string;
}

export function Select({ id, label, hint, error, options, value, onChange, placeholder, className }: SelectProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      {(control) => (
        <select {...control} className="rf-select" value={value} onChange={(e) => onChange(e.target.value)}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
