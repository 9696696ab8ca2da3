/**
 * The signed-in session on this device: the server's token and who the user is. Sign-in needs the
 * network once; afterwards the session is kept sealed under the user's data key in their local
 * profile (src/sync/profiles.ts, src/sync/unlock.ts), so a locked tablet's storage holds no usable
 * token, and the app unlocks offline with a PIN (D1). Storage is injected (localStorage, or a Map).
 */
import { isRole, type SessionUser } from '#shared/domain/roles';
import { err, ok, type Result } from '#shared/lib/result';
import { newId } from '#shared/lib/ids';

export interface Session {
  token: string;
  user: SessionUser;
  deviceId: string;
  signedInAt: string;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A fresh online sign-in: the session and the server's per-user-per-device key secret (never stored). */
export interface SignedIn extends Session {
  deviceKeySecret: string | null;
}

export type SignInError = 'invalid-credentials' | 'rate-limited' | 'offline' | 'server-error' | 'device-revoked';

const SESSION_KEY = 'resonance.session';
const DEVICE_KEY = 'resonance.deviceId';

/** A stable id for this browser profile, created on first use. */
export function deviceId(store: KeyValueStore): string {
  const existing = store.getItem(DEVICE_KEY);
  if (existing) return existing;
  const id = newId();
  store.setItem(DEVICE_KEY, id);
  return id;
}

export function deviceName(): string {
  const ua = typeof navigator === 'undefined' ? 'Unknown device' : navigator.userAgent;
  const match = /\(([^)]+)\)/.exec(ua);
  return (match?.[1] ?? ua).slice(0, 100);
}

export function isSession(value: unknown): value is Session {
  if (!value || typeof value !== 'object') return false;
  const s = value as Partial<Session>;
  return typeof s.token === 'string' && typeof s.deviceId === 'string' && !!s.user && typeof s.user.id === 'string' && isRole(s.user.role);
}

/** A plaintext session left by a version before PINs (read once to remove it; see clearSession). */
export function loadSession(store: KeyValueStore): Session | null {
  const raw = store.getItem(SESSION_KEY);
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isSession(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function clearSession(store: KeyValueStore): void {
  store.removeItem(SESSION_KEY);
}

const MESSAGES: Record<SignInError, string> = {
  'invalid-credentials': 'The email or password is not right. Check them and try again.',
  'rate-limited': 'Too many attempts. Wait 15 minutes, then try again, or ask your coordinator to reset your password.',
  offline: 'You need a connection to sign in for the first time on this device. Connect to Wi-Fi or mobile data and try again.',
  'device-revoked':
    'A coordinator has switched off this tablet (or your account), so Resonance cannot be used on it. Ask your coordinator what to do next; your records are safe on the server.',
  'server-error': 'The Resonance server had a problem. Try again in a few minutes; if it keeps happening, tell your coordinator.',
};

export function signInMessage(code: SignInError): string {
  return MESSAGES[code];
}

/**
 * Signs in against the server (`POST /api/auth/login`). Stores nothing but the device id: the caller
 * seals the session under the user's data key (src/sync/unlock.ts).
 */
export async function signIn(
  store: KeyValueStore,
  email: string,
  password: string,
  baseUrl = '',
  fetchImpl: typeof fetch = fetch,
): Promise<Result<SignedIn, SignInError>> {
  const id = deviceId(store);
  let res: Response;
  try {
    res = await fetchImpl(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password, deviceId: id, deviceName: deviceName() }),
    });
  } catch {
    return err('offline', MESSAGES.offline);
  }
  if (res.status === 401) {
    const code = ((await res.json().catch(() => null)) as { error?: { details?: { wipe?: boolean } } } | null)?.error?.details?.wipe;
    if (code === true) return err('device-revoked', MESSAGES['device-revoked']);
  }
  if (res.status === 401 || res.status === 400) return err('invalid-credentials', MESSAGES['invalid-credentials']);
  if (res.status === 429) return err('rate-limited', MESSAGES['rate-limited']);
  if (!res.ok) return err('server-error', MESSAGES['server-error']);
  const body = (await res.json()) as { token: string; user: SessionUser; deviceKeySecret?: unknown };
  const deviceKeySecret = typeof body.deviceKeySecret === 'string' ? body.deviceKeySecret : null;
  return ok({ token: body.token, user: body.user, deviceId: id, signedInAt: new Date().toISOString(), deviceKeySecret });
}

/** Tells the server to revoke the token (best effort; the caller forgets it locally). */
export async function signOut(session: Session | null, baseUrl = '', fetchImpl: typeof fetch = fetch): Promise<void> {
  if (!session) return;
  try {
    await fetchImpl(`${baseUrl}/api/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${session.token}` } });
  } catch {
    // Offline: the token stays valid on the server until it expires or a coordinator revokes it.
  }
}
