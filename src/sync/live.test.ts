/** Unit tests of the live stream's `error` event (A4): it maps to the same code as the HTTP 401. */
import { describe, expect, it } from 'vitest';
import { streamError } from './live';

const event = (code: string, details: unknown) => JSON.stringify({ error: { code, message: 'Plain reason.', details } });

describe('[A4] stream error events', () => {
  it('[A4] a revoked device or switched-off user (details.wipe) is device-revoked; a revoked token is a sign-out', () => {
    expect(streamError(event('device-revoked', { wipe: true }))).toMatchObject({ code: 'device-revoked', message: 'Plain reason.', status: 401 });
    expect(streamError(event('user-revoked', { wipe: true })).code).toBe('device-revoked');
    expect(streamError(event('unauthenticated', null)).code).toBe('unauthenticated');
  });

  it('[A4] a garbled event is still fatal as a sign-out, never a wipe', () => {
    expect(streamError('{nope').code).toBe('unauthenticated');
    expect(streamError('null').code).toBe('unauthenticated');
    expect(streamError(JSON.stringify({ error: { details: { wipe: 'yes' } } })).code).toBe('unauthenticated');
  });
});
