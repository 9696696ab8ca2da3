/**
 * Unlocking one user's local data on a shared tablet (no React, no DOM; storage injected):
 * - after an online sign-in: make (or recover, via the server's deviceKeySecret) the user's data key,
 *   seal the session under it, clear any lockout; when that secret changed, recover the key with the
 *   PIN instead (recoverWithPin), or start afresh only when the person says so (startAfresh);
 * - choosing a PIN: wrap the data key under it (the PIN is never stored);
 * - offline unlock with the PIN, counting wrong attempts; five lock the profile until an online sign-in.
 */
import { err, ok, type Result } from '#shared/lib/result';
import { checkPin, generateDataKey, newSalt, PIN_ITERATIONS, pinKey, seal, serverKey, unwrapDataKey, wrapDataKey } from './keys';
import { loadProfile, MAX_PIN_ATTEMPTS, openSession, recordWrongPin, saveProfile, setActiveUser, type Profile } from './profiles';
import type { KeyValueStore, Session } from './session';

export interface Unlocked {
  session: Session;
  /** In memory only. Extractable only straight after an online sign-in (a PIN may need wrapping). */
  key: CryptoKey;
}

/**
 * An online sign-in whose server secret no longer opens this user's data key on this tablet (the
 * server's key was replaced, or the tablet's device id changed). Their records on this tablet, changes
 * not yet sent among them, are sealed under that key: the PIN they chose here recovers it
 * (recoverWithPin), and only an explicit "start again" gives it up (startAfresh).
 * Held in memory between the screens; nothing is saved until one of them runs.
 */
export interface PendingRecovery {
  session: Session;
  email: string;
  /** The new server secret's key, to wrap the recovered data key under. */
  kek: CryptoKey;
  /** False when no PIN can open the old key either (none chosen, or locked away): only startAfresh is left. */
  withPin: boolean;
}

export type OnlineSignIn = ({ kind: 'unlocked' } & Unlocked & { needsPin: boolean }) | { kind: 'recover'; recovery: PendingRecovery };

/** After a successful online login: the user's profile is ready (or waits for their PIN, see PendingRecovery). */
export async function afterOnlineSignIn(store: KeyValueStore, session: Session, email: string, deviceKeySecret: string): Promise<OnlineSignIn> {
  const kek = await serverKey(deviceKeySecret);
  const existing = loadProfile(store, session.user.id);
  // The same key as before when the server secret still opens it (lockout, forgotten PIN).
  const recovered = existing ? await unwrapDataKey(existing.serverWrapped, kek, true) : null;
  if (recovered && existing) {
    const keepPin = existing.pin && !existing.locked ? existing.pin : null;
    const profile = await profileFor(session, email, recovered, existing.serverWrapped, keepPin);
    return { kind: 'unlocked', ...save(store, profile, { session, key: recovered }), needsPin: profile.pin === null };
  }
  // The secret changed: records here are sealed under a key it no longer opens. Ask for the PIN, or
  // (none usable) say so, before anything is replaced.
  if (existing) return { kind: 'recover', recovery: { session, email, kek, withPin: existing.pin !== null && !existing.locked } };
  // First sign-in on this tablet.
  return { kind: 'unlocked', ...(await startAfresh(store, { session, email, kek, withPin: false })), needsPin: true };
}

const NO_MORE_PIN = 'Too many wrong PINs: your PIN can no longer open the records on this tablet.';

/**
 * The second half of a PendingRecovery: the PIN opens the old data key, which is then wrapped under
 * the new server secret beside the PIN, with the new session sealed under it. A wrong PIN counts as at
 * the PIN screen; the fifth locks the PIN away, and then only startAfresh is left.
 */
export async function recoverWithPin(store: KeyValueStore, recovery: PendingRecovery, pin: string): Promise<Result<Unlocked, UnlockError>> {
  const profile = loadProfile(store, recovery.session.user.id);
  if (!profile) return err('no-profile', 'This tablet has no sign-in for you any more. Sign in with your email and password.');
  if (profile.locked || !profile.pin) return err('locked', NO_MORE_PIN);
  if (pin.trim() === '') return err('wrong-pin', 'Enter your PIN');
  const key = await unwrapDataKey(profile.pin.wrapped, await pinKey(pin, profile.pin.salt, profile.pin.iterations), true);
  if (!key) return wrongPin(store, profile, NO_MORE_PIN, 'before your PIN can no longer open them');
  const next = await profileFor(recovery.session, recovery.email, key, await wrapDataKey(key, recovery.kek), profile.pin);
  return ok(save(store, next, { session: recovery.session, key }));
}

/**
 * A new data key for this user on this tablet: the first sign-in, or the person chose to start again
 * without their PIN. Records sealed under an old key can no longer be read here; what the server has
 * comes back on the next sync, and changes that were never sent are lost (the screen says so first).
 */
export async function startAfresh(store: KeyValueStore, recovery: PendingRecovery): Promise<Unlocked> {
  const key = await generateDataKey();
  const profile = await profileFor(recovery.session, recovery.email, key, await wrapDataKey(key, recovery.kek), null);
  return save(store, profile, { session: recovery.session, key });
}

async function profileFor(session: Session, email: string, key: CryptoKey, serverWrapped: Profile['serverWrapped'], pin: Profile['pin']): Promise<Profile> {
  return {
    userId: session.user.id,
    name: session.user.name,
    role: session.user.role,
    email,
    pin,
    serverWrapped,
    sealedSession: await seal(key, JSON.stringify(session)),
    failedAttempts: 0,
    locked: false,
    signedOut: false,
  };
}

/** Saves the profile as the tablet's active one; the session and key open the app. */
function save(store: KeyValueStore, profile: Profile, unlocked: Unlocked): Unlocked {
  saveProfile(store, profile);
  setActiveUser(store, profile.userId);
  return unlocked;
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
  if (!key) return wrongPin(store, profile, lockedMessage(), 'before you must sign in with your password');
  const session = await openSession(profile, key);
  if (!session) return err('damaged', 'Your sign-in on this tablet could not be read. Sign in with your email and password.');
  if (profile.failedAttempts > 0) saveProfile(store, { ...profile, failedAttempts: 0 });
  setActiveUser(store, userId);
  return ok({ session, key });
}

/** Counts a wrong PIN: how many tries are left, or `lockedOut` once it was the last. */
function wrongPin(store: KeyValueStore, profile: Profile, lockedOut: string, untilWhat: string): Result<never, UnlockError> {
  const next = recordWrongPin(store, profile);
  if (next.locked) return err('locked', lockedOut);
  const left = MAX_PIN_ATTEMPTS - next.failedAttempts;
  return err('wrong-pin', `That PIN is not right. You have ${left} ${left === 1 ? 'try' : 'tries'} left ${untilWhat}.`, { left });
}

export function lockedMessage(): string {
  return 'Too many wrong PINs. To keep your records safe, sign in with your email and password (you need a connection), then choose a new PIN.';
}
