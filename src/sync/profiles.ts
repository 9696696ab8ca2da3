/**
 * The people who have signed in on this shared tablet, one local profile each, kept in storage under
 * per-user keys (`resonance.profile.<userId>`): name and role (for the "who is using this tablet"
 * list), the PIN salt and iteration count, the data key wrapped under the PIN and under the server's
 * device secret (src/sync/keys.ts), the session sealed under the data key, and the failed-PIN count.
 * Nothing here is usable without the PIN or an online sign-in. Also opening the sealed session and
 * marking a sign-out, which every start needs (the rest of unlocking, src/sync/unlock.ts, loads with
 * the sign-in and PIN screens). Storage is injected (a Map in tests).
 */
import { isRole, type Role } from '#shared/domain/roles';
import { isSealed, open, type Sealed } from './keys';
import { isSession, type KeyValueStore, type Session } from './session';

/** Wrong PINs in a row before the profile locks until an online sign-in. */
export const MAX_PIN_ATTEMPTS = 5;

export interface Profile {
  userId: string;
  name: string;
  role: Role;
  email: string;
  /** Set once a PIN is chosen; cleared on lockout so the next online sign-in asks for a new one. */
  pin: { salt: string; iterations: number; wrapped: Sealed } | null;
  /** The data key under the server's deviceKeySecret for this user and device. */
  serverWrapped: Sealed;
  /** The Session (token included) sealed under the data key. */
  sealedSession: Sealed;
  failedAttempts: number;
  locked: boolean;
  /** Signed out on purpose: the next unlock needs an online sign-in (the PIN is kept for after it). */
  signedOut?: boolean;
}

const PREFIX = 'resonance.profile.';
const ACTIVE_KEY = 'resonance.activeUser';

function isProfile(v: unknown): v is Profile {
  if (!v || typeof v !== 'object') return false;
  const p = v as Partial<Profile>;
  const pinOk = p.pin === null || (!!p.pin && typeof p.pin.salt === 'string' && typeof p.pin.iterations === 'number' && isSealed(p.pin.wrapped));
  return (
    typeof p.userId === 'string' &&
    typeof p.name === 'string' &&
    isRole(p.role) &&
    typeof p.email === 'string' &&
    pinOk &&
    isSealed(p.serverWrapped) &&
    isSealed(p.sealedSession) &&
    typeof p.failedAttempts === 'number' &&
    typeof p.locked === 'boolean'
  );
}

export function loadProfile(store: KeyValueStore, userId: string): Profile | null {
  const raw = store.getItem(PREFIX + userId);
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isProfile(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function saveProfile(store: KeyValueStore, profile: Profile): void {
  store.setItem(PREFIX + profile.userId, JSON.stringify(profile));
}

export function removeProfile(store: KeyValueStore, userId: string): void {
  store.removeItem(PREFIX + userId);
  if (activeUser(store) === userId) setActiveUser(store, null);
}

/** Every profile on this device, by name. Needs a store that can list its keys (localStorage can). */
export function listProfiles(store: KeyValueStore & { readonly length: number; key(i: number): string | null }): Profile[] {
  const out: Profile[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    const p = loadProfile(store, key.slice(PREFIX.length));
    if (p) out.push(p);
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** Who last unlocked on this tablet: the PIN screen asks for their PIN first. */
export function activeUser(store: KeyValueStore): string | null {
  return store.getItem(ACTIVE_KEY);
}

export function setActiveUser(store: KeyValueStore, userId: string | null): void {
  if (userId) store.setItem(ACTIVE_KEY, userId);
  else store.removeItem(ACTIVE_KEY);
}

/** Can this profile be unlocked offline with its PIN right now? */
export function canUnlockWithPin(profile: Profile): boolean {
  return profile.pin !== null && !profile.locked && profile.signedOut !== true;
}

/** Records a wrong PIN; at the limit the PIN wrap is deleted so only an online sign-in can unlock. */
export function recordWrongPin(store: KeyValueStore, profile: Profile): Profile {
  const failedAttempts = profile.failedAttempts + 1;
  const locked = failedAttempts >= MAX_PIN_ATTEMPTS;
  const next: Profile = { ...profile, failedAttempts, locked, pin: locked ? null : profile.pin };
  saveProfile(store, next);
  return next;
}

/** Sign-out: the token is forgotten with the sealed session's use; the next start needs an online sign-in. */
export function markSignedOut(store: KeyValueStore, userId: string): void {
  const profile = loadProfile(store, userId);
  if (profile) saveProfile(store, { ...profile, signedOut: true });
  setActiveUser(store, null);
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
