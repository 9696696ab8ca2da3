/**
 * Sign-in for the session feature: checks the two fields are filled in, then asks the server
 * (src/sync/session.ts), which stores the session on success. Plain-English messages throughout;
 * the server's failures come back as typed codes with signInMessage() wording.
 */
import { signIn, type SignInError } from '#sync/session';

export interface SignInInput {
  email: string;
  password: string;
}

export interface SignInFieldError {
  field: 'email' | 'password';
  message: string;
}

export type SignInOutcome = { ok: true } | { ok: false; code: SignInError; message: string };

/** Empty fields, in page order; the server judges the rest. */
export function checkSignInInput(input: SignInInput): SignInFieldError[] {
  const errors: SignInFieldError[] = [];
  if (input.email.trim() === '') errors.push({ field: 'email', message: 'Enter your email address' });
  else if (!input.email.includes('@')) errors.push({ field: 'email', message: 'Enter an email address in the correct format, like name@example.com' });
  if (input.password === '') errors.push({ field: 'password', message: 'Enter your password' });
  return errors;
}

export async function signInWithPassword(input: SignInInput): Promise<SignInOutcome> {
  const result = await signIn(localStorage, input.email.trim(), input.password);
  return result.ok ? { ok: true } : { ok: false, code: result.code, message: result.message };
}
