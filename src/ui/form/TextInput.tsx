/**
 * TextInput: a labelled single-line input inside a Field (label, hint, inline error).
 *
 * Props (plus most <input> attributes: type, inputMode, autoComplete, spellCheck, min, max, …)
 * - `id`, `label`, `hint`, `error`: as Field.
 * - `value` (string, required) and `onChange(value: string)` (required): controlled; the callback
 *   receives the text, not the event.
 * - `width` ('full' | 'half' | 'short' | 'tiny', default 'full'): match the box to the expected
 *   answer (a 'tiny' box for minutes, 'full' for a title).
 * - `suffix` (ReactNode, optional): a unit shown after the box, e.g. "minutes".
 *
 * Example
 *   <TextInput id="duration" label="How long did it take?" inputMode="numeric" width="tiny"
 *     suffix="minutes" value={values.duration} onChange={(v) => set('duration', v)} error={errors.duration} />
 */
import type { InputHTMLAttributes, ReactNode } from 'react';
import { Field } from './Field';
import './styles';

export type InputWidth = 'full' | 'half' | 'short' | 'tiny';

export interface TextInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'width'> {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  width?: InputWidth;
  suffix?: ReactNode;
  labelAsHeading?: boolean;
}

export function TextInput({ id, label, hint, error, value, onChange, width = 'full', suffix, labelAsHeading, className, type = 'text', ...rest }: TextInputProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} labelAsHeading={labelAsHeading ?? false}>
      {(control) => {
        const input = (
          <input
            {...rest}
            {...control}
            type={type}
            className={['rf-input', `rf-input--${width}`, className ?? ''].filter(Boolean).join(' ')}
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
        );
        return suffix ? (
          <div className="rf-input-wrapper">
            {input}
            <span className="rf-input-suffix" aria-hidden="true">
              {suffix}
            </span>
          </div>
        ) : (
          input
        );
      }}
    </Field>
  );
}
