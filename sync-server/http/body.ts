/**
 * Reading request bodies (B1): a body that is not JSON is `malformed-json`; JSON of the wrong shape is
 * `bad-request`. The size limit is enforced before this by the body-limit middleware (app.ts).
 */
import type { Context } from 'hono';
import { ApiError } from './errors';

/**
 * 5 MB per request body. A push batch is RxDB's default 100 documents; the largest realistic document
 * is a visit or client with a long text field at its 10,000-character schema limit, up to ~40 KB in
 * UTF-8, so 100 of them is ~4 MB. 5 MB fits that with room, and caps what one request can make the
 * server hold in memory.
 */
export const BODY_LIMIT_BYTES = 5 * 1024 * 1024;

export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError('malformed-json', 'The request body is not valid JSON.');
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function badRequest(message: string, details: unknown = null): ApiError {
  return new ApiError('bad-request', message, details);
}

/** A required string field of at most `max` characters. */
export function stringField(body: Record<string, unknown>, name: string, max: number): string {
  const value = body[name];
  if (typeof value !== 'string' || value.length === 0) throw badRequest(`"${name}" is required and must be text.`, { field: name });
  if (value.length > max) throw badRequest(`"${name}" is too long (at most ${max} characters).`, { field: name });
  return value;
}

/** Device ids are generated on the device with the same alphabet as document ids. */
export function deviceIdField(body: Record<string, unknown>): string {
  const id = stringField(body, 'deviceId', 64);
  if (!/^[A-Za-z0-9_-]+$/.test(id)) throw badRequest('"deviceId" may contain only letters, digits, "-" and "_".', { field: 'deviceId' });
  return id;
}

export function optionalName(body: Record<string, unknown>, name: string, fallback: string): string {
  const value = body[name];
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value !== 'string') throw badRequest(`"${name}" must be text.`, { field: name });
  return value.slice(0, 100);
}
