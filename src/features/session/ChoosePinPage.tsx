/**
 * Choose a PIN, straight after an online sign-in on this tablet (the first time, or after too many
 * wrong PINs). At least 6 digits, not a simple pattern; entered twice. The PIN unlocks this person's
 * records offline; it is never stored, only used to wrap their data key (src/sync/keys.ts).
 */
import { useState, type SyntheticEvent } from 'react';
import { Button, ButtonGroup, ErrorSummary, InlineMessage, TextInput, useFormState } from '../../ui/form';
import { PageHeading } from '../../ui/shell';
import { checkNewPin, saveNewPin } from './commands';

const PIN_ID = 'new-pin';
const CONFIRM_ID = 'new-pin-again';

export interface ChoosePinPageProps {
  userId: string;
  name: string;
  dataKey: CryptoKey;
  onDone: () => void;
}

export default function ChoosePinPage({ userId, name, dataKey, onDone }: ChoosePinPageProps) {
  const form = useFormState({ pin: '', confirm: '' }, { dirtyKey: 'choose-pin' });
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (busy) return;
    const problems = checkNewPin(form.values);
    if (problems.length > 0) {
      form.setErrors(problems);
      return;
    }
    setBusy(true);
    const saved = await saveNewPin(userId, dataKey, form.values.pin);
    if (saved.ok) {
      form.markSaved();
      onDone();
      return;
    }
    setBusy(false);
    form.setErrors([{ field: 'pin', message: saved.message }]);
  };

  return (
    <>
      <PageHeading caption={name}>Choose a PIN for this tablet</PageHeading>
      <p>You will use this PIN to open Resonance on this tablet, including when there is no connection. Do not tell anyone your PIN.</p>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <ErrorSummary errors={form.errors} idFor={(f) => (f === 'confirm' ? CONFIRM_ID : PIN_ID)} />
        <TextInput
          id={PIN_ID}
          label="New PIN"
          hint="At least 6 digits. Not the same digit repeated and not digits in order, like 123456."
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          width="short"
          value={form.values.pin}
          onChange={(v) => form.set('pin', v)}
          error={form.errorFor('pin')}
        />
        <TextInput
          id={CONFIRM_ID}
          label="Enter the PIN again"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          width="short"
          value={form.values.confirm}
          onChange={(v) => form.set('confirm', v)}
          error={form.errorFor('confirm')}
        />
        <ButtonGroup>
          <Button type="submit" busy={busy}>
            Save PIN
          </Button>
          {busy ? <InlineMessage>Saving your PIN…</InlineMessage> : null}
        </ButtonGroup>
      </form>
    </>
  );
}
