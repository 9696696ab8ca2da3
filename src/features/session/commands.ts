/**
 * Sign-in and PIN commands for the session feature: checks the fields are filled in, asks the server
 * (src/sync/session.ts), then makes or recovers this user's data key and seals the session under it
 * (src/sync/unlock.ts). Choosing a PIN and unlocking with it. Plain-English messages throughout; the
 * server's failures come back as typed codes with signInMessage() wording.
 */
import { checkPin } from '#sync/keys';
import { signIn, signInMessage, type SignInError } from '#sync/session';
import { afterOnlineSignIn, choosePin, recoverWithPin, startAfresh, unlockWithPin, type PendingRecovery, type Unlocked, type UnlockError } from '#sync/unlock';

export interface SignInInput {
  email: string;
  password: string;
}

export interface SignInFieldError {
  field: 'email' | 'password';
  message: string;
}

export type SignInOutcome =
  | { ok: true; unlocked: Unlocked; needsPin: boolean }
  /** The server's secret no longer opens this person's records here; their PIN must (PendingRecovery). */
  | { ok: true; recovery: PendingRecovery }
  | { ok: false; code: SignInError; message: string };

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
  if (!result.ok) return { ok: false, code: result.code, message: result.message };
  const { deviceKeySecret, ...session } = result.value;
  // A server from before shared-tablet security: the key could not be recovered later, so refuse.
  if (!deviceKeySecret) return { ok: false, code: 'server-error', message: signInMessage('server-error') };
  const prepared = await afterOnlineSignIn(localStorage, session, input.email.trim(), deviceKeySecret);
  if (prepared.kind === 'recover') return { ok: true, recovery: prepared.recovery };
  return { ok: true, unlocked: { session: prepared.session, key: prepared.key }, needsPin: prepared.needsPin };
}

export interface PinInput {
  pin: string;
  confirm: string;
}

/** The new PIN's problems, field by field (the PIN rules are in src/sync/keys.ts checkPin). */
export function checkNewPin(input: PinInput): { field: 'pin' | 'confirm'; message: string }[] {
  const problem = checkPin(input.pin);
  if (problem) return [{ field: 'pin', message: problem }];
  if (input.confirm === '') return [{ field: 'confirm', message: 'Enter your new PIN again' }];
  if (input.confirm !== input.pin) return [{ field: 'confirm', message: 'The two PINs are not the same. Enter your new PIN again' }];
  return [];
}

export async function saveNewPin(userId: string, key: CryptoKey, pin: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const result = await choosePin(localStorage, userId, key, pin);
  return result.ok ? { ok: true } : { ok: false, message: result.message };
}

export type UnlockOutcome = { ok: true; unlocked: Unlocked } | { ok: false; code: UnlockError; message: string };

export async function unlock(userId: string, pin: string): Promise<UnlockOutcome> {
  const result = await unlockWithPin(localStorage, userId, pin.trim());
  return result.ok ? { ok: true, unlocked: result.value } : { ok: false, code: result.code, message: result.message };
}

/** The PIN step of a PendingRecovery: opens the records sealed before the server's secret changed. */
export async function recover(recovery: PendingRecovery, pin: string): Promise<UnlockOutcome> {
  const result = await recoverWithPin(localStorage, recovery, pin.trim());
  return result.ok ? { ok: true, unlocked: result.value } : { ok: false, code: result.code, message: result.message };
}

/** Gives the old records on this tablet up for a new key (the person confirmed they cannot recover them). */
export function startAgain(recovery: PendingRecovery): Promise<Unlocked> {
  return startAfresh(localStorage, recovery);
}
