/**
 * The per-user-per-device key secret (shared-tablet security): on every successful online login the
 * server returns HMAC-SHA-256(server key, userId + deviceId) as `deviceKeySecret`. The tablet wraps
 * that user's local data key with it, so an online sign-in can always unwrap the key (after a
 * forgotten PIN or a lockout) without the key ever leaving the device. A revoked device or user never
 * reaches the point where it is issued, so it can no longer unwrap anything.
 *
 * The server key comes from RESONANCE_KEY_SECRET, or a file created once in DATA_DIR with mode 0600.
 */
import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const KEY_SECRET_FILE = 'device-key-secret';
/** At least 32 characters: the HMAC key must be as strong as the data key it protects. */
export const MIN_KEY_SECRET_LENGTH = 32;

/** Reads the server key file, creating it (32 random bytes, owner-only) on first use. */
export function loadOrCreateKeySecret(dataDir: string): string {
  const file = path.join(dataDir, KEY_SECRET_FILE);
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing.length >= MIN_KEY_SECRET_LENGTH) return existing;
    throw new Error(`${file} is too short to be a key; delete it to create a new one (every tablet will then need an online sign-in).`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    // 'wx': never overwrite a file another process created a moment ago; read theirs instead.
    fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8').trim();
    throw e;
  }
  return secret;
}

/** HMAC-SHA-256 over the user id and device id (length-prefixed so no two pairs collide), base64url. */
export function deviceKeySecret(serverKey: string, userId: string, deviceId: string): string {
  return createHmac('sha256', serverKey).update(`${userId.length}:${userId}|${deviceId}`, 'utf8').digest('base64url');
}
