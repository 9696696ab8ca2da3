/**
 * Sign in: email address and password, checked here for blanks and then by the server. Needs a
 * connection once per device; afterwards the app opens offline. Errors follow the GOV.UK pattern:
 * an error summary at the top (it takes focus) and a message beside each field. On success the page
 * reloads into the signed-in app for that user, with their own local database.
 */
import { useState, type SyntheticEvent } from 'react';
import { Button, ButtonGroup, ErrorSummary, InlineMessage, TextInput, useFormState, type FormError } from '../../ui/form';
import { PageHeading } from '../../ui/shell';
import { checkSignInInput, signInWithPassword } from './commands';

const EMAIL_ID = 'sign-in-email';
const PASSWORD_ID = 'sign-in-password';
const idFor = (field: string): string => (field === 'password' ? PASSWORD_ID : EMAIL_ID);

export default function SignInPage() {
  const form = useFormState({ email: '', password: '' });
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
      window.location.reload();
      return;
    }
    setBusy(false);
    // Wrong details point at the email field (the first to check); other failures are not about a field,
    // but the summary still takes focus and links to where to start again.
    const errors: FormError[] = [{ field: 'email', message: outcome.message }];
    form.setErrors(errors);
  };

  return (
    <>
      <PageHeading>Sign in to Resonance</PageHeading>
      <p>The first time you sign in on this device you need an internet connection. After that Resonance works offline.</p>
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
