/**
 * After an online sign-in whose server secret no longer opens this person's records on this tablet
 * (the server's key was replaced, or the tablet's id changed): their PIN still can, so it is asked for
 * before anything is replaced. Changes not yet sent are sealed under that key, so giving it up loses
 * them: "I cannot remember my PIN" asks first, in plain words, and only then starts again. With no
 * PIN to try (none chosen, or locked away) the page opens at that question.
 */
import { useState, type SyntheticEvent } from 'react';
import type { PendingRecovery, Unlocked } from '#sync/unlock';
import { Button, ButtonGroup, useFormState } from '../../ui/form';
import { Banner, PageHeading } from '../../ui/shell';
import { recover, startAgain } from './commands';
import { PinForm } from './PinForm';
import StartAgainConfirm from './StartAgainConfirm';

const PIN_ID = 'recover-pin';

export interface RecoverPinPageProps {
  recovery: PendingRecovery;
  /** The PIN opened the records: open the app. */
  onRecovered: (unlocked: Unlocked) => void;
  /** Deletes this person's local records (the app's, src/app/lock/wipe.ts): run before the new key replaces the old. */
  discardRecords: (userId: string) => Promise<void>;
  /** The person chose to start again with a new key: a new PIN is needed. */
  onStartedAgain: (unlocked: Unlocked) => void;
}

export default function RecoverPinPage({ recovery, onRecovered, discardRecords, onStartedAgain }: RecoverPinPageProps) {
  const form = useFormState({ pin: '' }, { dirtyKey: 'recover-pin' });
  const [busy, setBusy] = useState(false);
  /** Asked to start again, out of PIN tries, or no PIN to try: the confirmation replaces the PIN form. */
  const [confirming, setConfirming] = useState<'asked' | 'locked' | 'no-pin' | null>(recovery.withPin ? null : 'no-pin');
  const name = recovery.session.user.name;

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const outcome = await recover(recovery, form.values.pin);
    setBusy(false);
    if (outcome.ok) {
      form.markSaved();
      onRecovered(outcome.unlocked);
      return;
    }
    form.reset({ pin: '' });
    if (outcome.code === 'wrong-pin') form.setErrors([{ field: 'pin', message: outcome.message }]);
    else setConfirming('locked');
  };

  const startAgainNow = async () => {
    form.markSaved();
    // Records first, then the key: stopped in between, the old key still opens what is left.
    await discardRecords(recovery.session.user.id);
    onStartedAgain(await startAgain(recovery));
  };

  if (confirming) {
    const why =
      confirming === 'locked' ? (
        <Banner tone="warning" title="Too many wrong PINs">
          <p>Your PIN can no longer open the records on this tablet.</p>
        </Banner>
      ) : confirming === 'no-pin' ? (
        <Banner tone="warning" title="Your records on this tablet cannot be opened">
          <p>
            The server’s security key has changed since you last signed in here, and there is no PIN on this tablet to open them with (none was
            chosen, or it was locked after too many wrong tries).
          </p>
        </Banner>
      ) : null;
    const back = confirming === 'asked' ? { label: 'Try my PIN again', onClick: () => setConfirming(null) } : undefined;
    return <StartAgainConfirm name={name} why={why} onStartAgain={startAgainNow} back={back} />;
  }

  return (
    <>
      <PageHeading caption={name}>Enter your PIN to open your records</PageHeading>
      <p>
        You are signed in, but the records on this tablet are still locked with the PIN you chose here. This happens when the server’s security
        key has been changed. Enter your PIN once to keep them, including anything not yet sent.
      </p>
      <PinForm id={PIN_ID} form={form} busy={busy} submitLabel="Open my records" onSubmit={(e) => void submit(e)} />
      <ButtonGroup>
        <Button variant="secondary" onClick={() => setConfirming('asked')}>
          I cannot remember my PIN
        </Button>
      </ButtonGroup>
    </>
  );
}
