/**
 * Button: the one button style of the app, at least 48px tall for one-handed use on shared tablets.
 *
 * Props (plus any <button> attribute)
 * - `variant` ('primary' | 'secondary' | 'warning', default 'primary'): primary for the one main
 *   action of a page, secondary for the others, warning for actions that discard or close things.
 * - `type` ('button' | 'submit' | 'reset', default 'button'): pass 'submit' for a form's main action;
 *   the default avoids accidental submits from secondary buttons inside forms.
 * - `ref` (optional): the <button> element, e.g. to move focus to it.
 * - `busy` (boolean, optional): the action is in progress; the button stays focusable but ignores
 *   clicks (aria-disabled), so focus is never lost to the page body.
 *
 * `buttonClass(variant)` gives the same look to a link (e.g. react-router's <Link>) that acts as a button.
 *
 * Example
 *   <Button type="submit">Save visit</Button>
 *   <Button variant="secondary" onClick={addRow}>Add another follow-up</Button>
 *   <Link className={buttonClass('secondary')} to="/clients/c1">Cancel</Link>
 */
import type { ButtonHTMLAttributes, MouseEvent, Ref } from 'react';
import './styles';

export type ButtonVariant = 'primary' | 'secondary' | 'warning';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  type?: 'button' | 'submit' | 'reset';
  busy?: boolean;
  /** React 19 passes refs as props: focus the button after an action replaces it. */
  ref?: Ref<HTMLButtonElement>;
}

export function buttonClass(variant: ButtonVariant = 'primary', extra?: string): string {
  return ['rf-button', `rf-button--${variant}`, extra ?? ''].filter(Boolean).join(' ');
}

export function Button({ variant = 'primary', type = 'button', busy = false, className, onClick, children, ...rest }: ButtonProps) {
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (busy) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <button
      {...rest}
      type={type}
      className={buttonClass(variant, className)}
      aria-disabled={busy || rest['aria-disabled'] === true ? true : undefined}
      onClick={handleClick}
    >
      {children}
    </button>
  );
}
