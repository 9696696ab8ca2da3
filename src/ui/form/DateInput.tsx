/**
 * DateInput: a labelled native date, time or date-and-time picker. Native pickers are accessible,
 * work offline and give the value in ISO form (`YYYY-MM-DD`, `HH:MM`, `YYYY-MM-DDTHH:MM`), which the
 * domain validators accept as typed.
 *
 * Props
 * - `id`, `label`, `hint`, `error`: as Field.
 * - `value` (string) and `onChange(value: string)`: controlled, in the native ISO form ('' when empty).
 * - `mode` ('date' | 'time' | 'datetime-local', default 'date').
 * - `min`, `max` (string, optional): native bounds in the same form.
 *
 * Example
 *   <DateInput id="due" label="Due date" hint="For example, 27 3 2025" value={due} onChange={setDue} />
 */
import type { ReactNode } from 'react';
import { Field } from './Field';
import './styles';

export interface DateInputProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  mode?: 'date' | 'time' | 'datetime-local';
  min?: string;
  max?: string;
  required?: boolean;
  className?: string;
}

export function DateInput({ id, label, hint, error, value, onChange, mode = 'date', min, max, required, className }: DateInputProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      {(control) => (
        <input
          {...control}
          type={mode}
          className={`rf-input rf-input--date rf-input--${mode}`}
          value={value}
          min={min}
          max={max}
          required={required}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
