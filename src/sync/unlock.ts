/**
 * Unlocking one user's local data on a shared tablet (no React, no DOM; storage injected):
 * - after an online sign-in: make (or recover, via the server's deviceKeySecret) the user's data key,
 *   seal the session under it, clear any lockout;
 * - choosing a PIN: wrap the data key under it (the PIN is never stored);
 * - offline unlock with the PIN, counting wrong attempts; five lock the profile until an online sign-in.
 */
import { err, ok, type Result } from '#shared/lib/result';
import { checkPin, generateDataKey, newSalt, open, PIN_ITERATIONS, pinKey, seal, serverKey, unwrapDataKey, wrapDataKey } from './keys';
import { loadProfile, MAX_PIN_ATTEMPTS, recordWrongPin, saveProfile, setActiveUser, type Profile } from './profiles';
import { isSession, type KeyValueStore, type Session } from './session';

export interface Unlocked {
  session: Session;
  /** In memory only. Extractable only straight after an online sign-in (a PIN may need wrapping). */
  key: CryptoKey;
}

/** After a successful online login: the user's profile is ready, and says whether a PIN must be chosen. */
export async function afterOnlineSignIn(store: KeyValueStore, session: Session, email: string, deviceKeySecret: string): Promise<Unlocked & { needsPin: boolean }> {
  const kek = await serverKey(deviceKeySecret);
  const existing = loadProfile(store, session.user.id);
  // The same key as before when the server secret still opens it (lockout, forgotten PIN); a new one
  // on first sign-in, or if the server's key was replaced (records sealed under the old key are then
  // unreadable on this device and come back from the server on the next sync).
  const recovered = existing ? await unwrapDataKey(existing.serverWrapped, kek, true) : null;
  const key = recovered ?? (await generateDataKey());
  const keepPin = recovered !== null && existing?.pin && !existing.locked ? existing.pin : null;
  const profile: Profile = {
    userId: session.user.id,
    name: session.user.name,
    role: session.user.role,
    email,
    pin: keepPin,
    serverWrapped: recovered && existing ? existing.serverWrapped : await wrapDataKey(key, kek),
    sealedSession: await seal(key, JSON.stringify(session)),
    failedAttempts: 0,
    locked: false,
    signedOut: false,
  };
  saveProfile(store, profile);
  setActiveUser(store, session.user.id);
  return { session, key, needsPin: profile.pin === null };
}

/** Wraps the data key under a new PIN; the PIN itself is kept nowhere. */
export async function choosePin(store: KeyValueStore, userId: string, key: CryptoKey, pin: string, iterations = PIN_ITERATIONS): Promise<Result<null, 'weak-pin' | 'no-profile'>> {
  const problem = checkPin(pin);
  if (problem) return err('weak-pin', problem);
  const profile = loadProfile(store, userId);
  if (!profile) return err('no-profile', 'This tablet has no sign-in for you any more. Sign in with your email and password.');
  const salt = newSalt();
  const wrapped = await wrapDataKey(key, await pinKey(pin, salt, iterations));
  saveProfile(store, { ...profile, pin: { salt, iterations, wrapped }, failedAttempts: 0, locked: false });
  return ok(null);
}

export type UnlockError = 'wrong-pin' | 'locked' | 'no-profile' | 'damaged';

/** Offline unlock. A wrong PIN counts; the fifth locks the profile (message says what to do). */
export async function unlockWithPin(store: KeyValueStore, userId: string, pin: string): Promise<Result<Unlocked, UnlockError>> {
  const profile = loadProfile(store, userId);
  if (!profile) return err('no-profile', 'This tablet has no sign-in for you any more. Sign in with your email and password.');
  if (profile.signedOut) return err('locked', 'You signed out on this tablet. Sign in with your email and password to carry on.');
  if (profile.locked || !profile.pin) return err('locked', lockedMessage());
  if (pin.trim() === '') return err('wrong-pin', 'Enter your PIN');
  const key = await unwrapDataKey(profile.pin.wrapped, await pinKey(pin, profile.pin.salt, profile.pin.iterations));
  if (!key) {
    const next = recordWrongPin(store, profile);
    if (next.locked) return err('locked', lockedMessage());
    const left = MAX_PIN_ATTEMPTS - next.failedAttempts;
    return err('wrong-pin', `That PIN is not right. You have ${left} ${left === 1 ? 'try' : 'tries'} left before you must sign in with your password.`, { left });
  }
  const session = await openSession(profile, key);
  if (!session) return err('damaged', 'Your sign-in on this tablet could not be read. Sign in with your email and password.');
  if (profile.failedAttempts > 0) saveProfile(store, { ...profile, failedAttempts: 0 });
  setActiveUser(store, userId);
  return ok({ session, key });
}

/** Sign-out: the token is forgotten with the sealed session's use; the next start needs an online sign-in. */
export function markSignedOut(store: KeyValueStore, userId: string): void {
  const profile = loadProfile(store, userId);
  if (profile) saveProfile(store, { ...profile, signedOut: true });
  setActiveUser(store, null);
}

export function lockedMessage(): string {
  return 'Too many wrong PINs. To keep your records safe, sign in with your email and password (you need a connection), then choose a new PIN.';
}

/** The session sealed in a profile, or null when the key does not open it. */
export async function openSession(profile: Profile, key: CryptoKey): Promise<Session | null> {
  const text = await open(key, profile.sealedSession);
  if (text === null) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return isSession(parsed) ? parsed : null;
  } catch {
    return null;
  }
}
