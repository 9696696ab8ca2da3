/**
 * Session tokens and kiosk enrolment codes (B2). Tokens are 32 random bytes (256 bits) in base64url;
 * the server keeps only their SHA-256, so a copy of the database cannot be used to sign in. A fast
 * hash is right here (unlike passwords): the input is already uniformly random and unguessable.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';

const TOKEN_BYTES = 32;

export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Crockford base32 without I, L, O, U: nothing a person can misread when typing it on a kiosk. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 12 characters of 32 = 60 bits: unguessable within the enrolment rate limit and the code's life. */
const CODE_LENGTH = 12;
/**
 * A code lives 7 days: time for a coordinator to create it at base and walk it to the kiosk later in
 * the week; a code not used by then is probably lost.
 */
export const ENROLMENT_CODE_TTL_MS = 7 * 24 * 60 * 60_000;

/** Formatted in groups of four (`ABCD-EFGH-JKMN`) for reading aloud. */
export function newEnrolmentCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET.charAt(randomInt(CODE_ALPHABET.length));
  return code.match(/.{4}/g)?.join('-') ?? code;
}

/** What a typed code is compared as: upper case, no separators, the misreadable letters mapped. */
export function normaliseEnrolmentCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replaceAll('O', '0').replace(/[IL]/g, '1');
}
