/**
 * The per-user data key on a shared tablet, in pure WebCrypto (browser and Node 20 alike):
 * - a random AES-GCM 256 data key, made on a user's first online sign-in on this device;
 * - wrapped twice: under a key derived from the user's PIN (PBKDF2-SHA-256, per-user salt), and under
 *   the server's per-user-per-device `deviceKeySecret`, which only a successful online login returns;
 * - small AES-GCM seal/open helpers for strings (the session token is kept sealed under the data key).
 * The PIN itself is never stored or returned; only the salt, the iteration count and the wrapped key.
 */

/**
 * PBKDF2-SHA-256 iterations for the PIN. 600,000 is OWASP's 2023 figure for PBKDF2-SHA-256. Measured
 * on the shared build machine: 190-250 ms in Node 20, 145-195 ms in headless Chromium (warm; the
 * first derivation of a page load took 680 ms). A five-year-old tablet is several times slower,
 * still acceptable once per unlock. A 6-digit PIN has only 10^6 values, so the real protection
 * against guessing in the app is the five-attempt lockout; an offline attacker with a copy of the
 * storage can still try every PIN (10^6 × 0.2 s ≈ 2-3 days of one core), which is why devices can be
 * revoked (the server then never hands out the other wrap's secret again) and PINs may be longer.
 */
export const PIN_ITERATIONS = 600_000;
export const SALT_BYTES = 16;
const IV_BYTES = 12;

export interface Sealed {
  /** base64 12-byte nonce */
  iv: string;
  /** base64 ciphertext with the GCM tag */
  data: string;
}

function subtle(): SubtleCrypto {
  if (!globalThis.crypto?.subtle) throw new Error('This browser cannot encrypt (no WebCrypto): open Resonance over https or on localhost.');
  return globalThis.crypto.subtle;
}

export function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let s = '';
  for (const b of view) s += String.fromCharCode(b);
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

export function newSalt(): string {
  return toBase64(randomBytes(SALT_BYTES));
}

/** A fresh data key. Extractable only so it can be wrapped; never exported in the clear. */
export function generateDataKey(): Promise<CryptoKey> {
  return subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

/** The key-encryption key from a PIN: PBKDF2-SHA-256 over the PIN with the user's salt. */
export async function pinKey(pin: string, salt: string, iterations = PIN_ITERATIONS): Promise<CryptoKey> {
  const material = await subtle().importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(salt), iterations }, material, { name: 'AES-GCM', length: 256 }, false, [
    'wrapKey',
    'unwrapKey',
  ]);
}

/** The key-encryption key from the server's deviceKeySecret (base64url of 32 HMAC bytes). */
export async function serverKey(deviceKeySecret: string): Promise<CryptoKey> {
  const b64 = deviceKeySecret.replace(/-/g, '+').replace(/_/g, '/');
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = fromBase64(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  } catch {
    bytes = new Uint8Array(0);
  }
  if (bytes.length !== 32) throw new Error('The server sent a device key secret of the wrong length.');
  return subtle().importKey('raw', bytes, { name: 'AES-GCM' }, false, ['wrapKey', 'unwrapKey']);
}

export async function wrapDataKey(dataKey: CryptoKey, kek: CryptoKey): Promise<Sealed> {
  const iv = randomBytes(IV_BYTES);
  const data = await subtle().wrapKey('raw', dataKey, kek, { name: 'AES-GCM', iv });
  return { iv: toBase64(iv), data: toBase64(data) };
}

/**
 * Unwraps a data key; null when the wrapping key is wrong (a wrong PIN fails the GCM tag check).
 * `extractable` only while it must be re-wrapped (setting a new PIN); otherwise the key in memory
 * cannot be read out even by script on the page.
 */
export async function unwrapDataKey(wrapped: Sealed, kek: CryptoKey, extractable = false): Promise<CryptoKey | null> {
  try {
    return await subtle().unwrapKey('raw', fromBase64(wrapped.data), kek, { name: 'AES-GCM', iv: fromBase64(wrapped.iv) }, { name: 'AES-GCM', length: 256 }, extractable, [
      'encrypt',
      'decrypt',
    ]);
  } catch {
    return null;
  }
}

/** A non-extractable copy of a key (for the unlock grant kept between page loads). */
export async function lockedCopy(key: CryptoKey): Promise<CryptoKey> {
  if (!key.extractable) return key;
  const raw = await subtle().exportKey('raw', key);
  return subtle().importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

export async function seal(key: CryptoKey, text: string): Promise<Sealed> {
  const iv = randomBytes(IV_BYTES);
  const data = await subtle().encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(text));
  return { iv: toBase64(iv), data: toBase64(data) };
}

/** null when the key is wrong or the text was tampered with. */
export async function open(key: CryptoKey, sealed: Sealed): Promise<string | null> {
  try {
    const plain = await subtle().decrypt({ name: 'AES-GCM', iv: fromBase64(sealed.iv) }, key, fromBase64(sealed.data));
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}

export function isSealed(value: unknown): value is Sealed {
  return !!value && typeof value === 'object' && typeof (value as Sealed).iv === 'string' && typeof (value as Sealed).data === 'string';
}

const WEAK_PINS = new Set(['123123', '121212', '112233', '111222', '123321', '147258', '159753', '101010', '102030', '696969', '131313', '007007']);

/** Plain-English reason a PIN is not acceptable, or null when it is. */
export function checkPin(pin: string): string | null {
  if (pin === '') return 'Enter a PIN of at least 6 digits';
  if (!/^\d+$/.test(pin)) return 'Your PIN must be digits only, 0 to 9';
  if (pin.length < 6) return 'Your PIN must be at least 6 digits';
  if (pin.length > 12) return 'Your PIN must be 12 digits or fewer';
  if (/^(\d)\1+$/.test(pin)) return 'Your PIN is too easy to guess: do not use the same digit again and again';
  const digits = Array.from(pin, Number);
  const steps = new Set(digits.slice(1).map((d, i) => (d - (digits[i] ?? 0) + 10) % 10));
  if (steps.size === 1 && (steps.has(1) || steps.has(9))) return 'Your PIN is too easy to guess: do not use digits in order, like 123456';
  if (WEAK_PINS.has(pin.slice(0, 6)) && pin.length === 6) return 'Your PIN is too easy to guess: choose digits that are not a pattern';
  return null;
}
