/**
 * The one-field PIN form of the unlock and recovery screens: the error summary, the PIN box (digits,
 * hidden, the password manager's "current password") and the submit button with its busy message.
 */
import type { SyntheticEvent } from 'react';
import { Button, ButtonGroup, ErrorSummary, InlineMessage, TextInput, type FormState } from '../../ui/form';

export interface PinFormProps {
  id: string;
  form: FormState<{ pin: string }>;
  busy: boolean;
  submitLabel: string;
  onSubmit: (event: SyntheticEvent) => void;
}

export function PinForm({ id, form, busy, submitLabel, onSubmit }: PinFormProps) {
  return (
    <form noValidate onSubmit={onSubmit}>
      <ErrorSummary errors={form.errors} idFor={() => id} />
      <TextInput
        id={id}
        label="PIN"
        type="password"
        inputMode="numeric"
        autoComplete="current-password"
        width="short"
        value={form.values.pin}
        onChange={(v) => form.set('pin', v)}
        error={form.errorFor('pin')}
      />
      <ButtonGroup>
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
        {busy ? <InlineMessage>Checking your PIN…</InlineMessage> : null}
      </ButtonGroup>
    </form>
  );
}
