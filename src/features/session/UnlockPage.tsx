/**
 * The PIN screen: unlock this tablet for the person who used it last, offline. Wrong PINs say how many
 * tries are left; the fifth locks this person's profile until they sign in with their password. Not
 * them? "Switch user" goes to the list of people on this tablet.
 */
import { useState, type SyntheticEvent } from 'react';
import type { Profile } from '#sync/profiles';
import { Button, ButtonGroup, useFormState } from '../../ui/form';
import { PageHeading } from '../../ui/shell';
import { unlock, type UnlockOutcome } from './commands';
import { PinForm } from './PinForm';

const PIN_ID = 'unlock-pin';

export interface UnlockPageProps {
  profile: Profile;
  onUnlocked: (outcome: Extract<UnlockOutcome, { ok: true }>) => void;
  /** Locked out (`lockedOut`), the profile is gone, or the person asked: sign in with the password. */
  onNeedsPassword: (lockedOut: boolean) => void;
  onSwitchUser: () => void;
}

export default function UnlockPage({ profile, onUnlocked, onNeedsPassword, onSwitchUser }: UnlockPageProps) {
  const form = useFormState({ pin: '' }, { dirtyKey: 'unlock' });
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const outcome = await unlock(profile.userId, form.values.pin);
    if (outcome.ok) {
      form.markSaved();
      onUnlocked(outcome);
      return;
    }
    setBusy(false);
    if (outcome.code === 'locked' || outcome.code === 'no-profile' || outcome.code === 'damaged') {
      form.markSaved();
      onNeedsPassword(outcome.code === 'locked');
      return;
    }
    form.reset({ pin: '' });
    form.setErrors([{ field: 'pin', message: outcome.message }]);
  };

  return (
    <>
      <PageHeading caption={profile.name}>Enter your PIN to unlock</PageHeading>
      <PinForm id={PIN_ID} form={form} busy={busy} submitLabel="Unlock" onSubmit={(e) => void submit(e)} />
      <h2>Not {profile.name}?</h2>
      <ButtonGroup>
        <Button variant="secondary" onClick={onSwitchUser}>
          Switch user
        </Button>
        <Button variant="secondary" onClick={() => onNeedsPassword(false)}>
          Forgotten your PIN? Sign in with your password
        </Button>
      </ButtonGroup>
    </>
  );
}
