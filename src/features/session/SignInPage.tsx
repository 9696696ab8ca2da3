/**
 * "Who is using this tablet?" and sign-in. When people have used this tablet before, it lists them
 * (tap your name to unlock with your PIN) above the sign-in form; otherwise it is the sign-in form
 * alone. Email and password are checked here for blanks and then by the server; the first sign-in
 * needs a connection. Errors follow the GOV.UK pattern (a summary that takes focus, a message by
 * each field). On success the app shell carries on (choose a PIN, or open the app).
 */
import { useState, type SyntheticEvent } from 'react';
import { canUnlockWithPin, type Profile } from '#sync/profiles';
import { lockedMessage } from '#sync/unlock';
import { Banner, PageHeading } from '../../ui/shell';
import { Button, ButtonGroup, ErrorSummary, InlineMessage, TextInput, useFormState, type FormError } from '../../ui/form';
import { checkSignInInput, signInWithPassword, type SignInOutcome } from './commands';

const EMAIL_ID = 'sign-in-email';
const PASSWORD_ID = 'sign-in-password';
const idFor = (field: string): string => (field === 'password' ? PASSWORD_ID : EMAIL_ID);

export interface SignInPageProps {
  profiles?: readonly Profile[];
  /** Filled in for a person who must sign in with their password (locked out, or signed out). */
  email?: string;
  notice?: 'locked';
  onSignedIn: (outcome: Extract<SignInOutcome, { ok: true }>) => void;
  onChooseProfile: (userId: string) => void;
}

export default function SignInPage({ profiles = [], email = '', notice, onSignedIn, onChooseProfile }: SignInPageProps) {
  const form = useFormState({ email, password: '' }, { dirtyKey: 'sign-in' });
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (busy) return;
    const problems = checkSignInInput(form.values);
    if (problems.length > 0) {
      form.setErrors(problems);
      return;
    }
    setBusy(true);
    const outcome = await signInWithPassword(form.values);
    if (outcome.ok) {
      form.markSaved();
      onSignedIn(outcome);
      return;
    }
    setBusy(false);
    // Wrong details point at the email field (the first to check); other failures are not about a field,
    // but the summary still takes focus and links to where to start again.
    const errors: FormError[] = [{ field: 'email', message: outcome.message }];
    form.setErrors(errors);
  };

  const shared = profiles.length > 0;
  return (
    <>
      <PageHeading>{shared ? 'Who is using this tablet?' : 'Sign in to Resonance'}</PageHeading>
      {notice === 'locked' ? <Banner tone="warning" title="This tablet is locked for you">{<p>{lockedMessage()}</p>}</Banner> : null}
      {shared ? (
        <>
          <p>Choose your name to unlock with your PIN. Each person only ever sees their own records.</p>
          <ul className="rs-profile-list">
            {profiles.map((p) => (
              <li key={p.userId}>
                <button type="button" className="rs-profile-list__person" onClick={() => onChooseProfile(p.userId)}>
                  <span className="rs-profile-list__name">{p.name}</span>
                  <span className="rs-profile-list__how">{canUnlockWithPin(p) ? 'Unlock with PIN' : 'Sign in with password'}</span>
                </button>
              </li>
            ))}
          </ul>
          <h2>Someone else? Sign in with your email</h2>
        </>
      ) : null}
      <p>The first time you sign in on this device you need an internet connection. After that Resonance works offline with your PIN.</p>
      <form noValidate onSubmit={(e) => void submit(e)} className="rs-sign-in">
        <ErrorSummary errors={form.errors} idFor={idFor} />
        <TextInput
          id={EMAIL_ID}
          label="Email address"
          type="email"
          autoComplete="username"
          spellCheck={false}
          autoCapitalize="none"
          value={form.values.email}
          onChange={(v) => form.set('email', v)}
          error={form.errorFor('email')}
        />
        <TextInput
          id={PASSWORD_ID}
          label="Password"
          type="password"
          autoComplete="current-password"
          value={form.values.password}
          onChange={(v) => form.set('password', v)}
          error={form.errorFor('password')}
        />
        <ButtonGroup>
          {/* The label stays "Sign in" while busy: the button is the same control, only waiting. */}
          <Button type="submit" busy={busy}>
            Sign in
          </Button>
          {busy ? <InlineMessage>Signing in…</InlineMessage> : null}
        </ButtonGroup>
      </form>
      <p className="rs-muted">Forgotten your password? Ask your coordinator to reset it.</p>
    </>
  );
}
