/**
 * Password hashing (B2): scrypt from node:crypto with a random 16-byte salt per password.
 *
 * Parameters N=2^15, r=8, p=3: one of OWASP's equivalent scrypt settings (its Password Storage Cheat
 * Sheet lists N=2^17/r=8/p=1 and, for the same work with less memory, N=2^15/r=8/p=3). 32 MiB per hash
 * instead of 128 MiB lets a small shared server take a burst of logins without running out of memory;
 * it costs ~100-300 ms of CPU, which a person signing in does not notice and a guesser pays per try.
 * The parameters are stored with each hash, so raising them later does not break existing passwords.
 * Hashing runs on libuv's thread pool (async scrypt), never blocking the event loop.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 2 ** 15;
const R = 8;
const P = 3;
const KEY_LENGTH = 64;
const SALT_BYTES = 16;
/** scrypt needs 128 * N * r bytes (32 MiB here); Node's default cap is exactly 32 MiB, so allow 64. */
const MAX_MEM = 64 * 1024 * 1024;

function derive(password: string, salt: Buffer, options: ScryptOptions, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, { ...options, maxmem: MAX_MEM }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/** `scrypt$N$r$p$salt$hash`, salt and hash base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, { N, r: R, p: P }, KEY_LENGTH);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) }, expected.length);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let dummy: Promise<string> | null = null;

/**
 * Spends the same time as a real check, for an unknown email or an account without a password, so
 * response time does not tell a guesser which emails have accounts.
 */
export async function burnPasswordCheck(password: string): Promise<false> {
  dummy ??= hashPassword('not-a-real-password');
  await verifyPassword(password, await dummy);
  return false;
}
