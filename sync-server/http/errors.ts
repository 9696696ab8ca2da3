/**
 * The one error envelope (sync.md Transport): every failure is a non-2xx response with
 * `{"error": {"code", "message", "details"}}`, never a stack trace. Codes are a closed set with their
 * HTTP status, so a code can never be sent with the wrong status.
 */
import type { Context } from 'hono';

export const ERROR_STATUS = {
  'malformed-json': 400,
  'bad-request': 400,
  'invalid-credentials': 401,
  'invalid-code': 401,
  unauthenticated: 401,
  'device-revoked': 401,
  'user-revoked': 401,
  forbidden: 403,
  'not-found': 404,
  'unknown-collection': 404,
  'payload-too-large': 413,
  'schema-version-unsupported': 426,
  'rate-limited': 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** An expected failure, thrown by a handler and turned into the envelope by the app's error hook. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: unknown = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get status(): (typeof ERROR_STATUS)[ErrorCode] {
    return ERROR_STATUS[this.code];
  }
}

export function errorBody(code: ErrorCode, message: string, details: unknown = null): { error: { code: ErrorCode; message: string; details: unknown } } {
  return { error: { code, message, details } };
}

export function sendError(c: Context, error: ApiError): Response {
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
  c.header('Cache-Control', 'no-store');
  return c.json(errorBody(error.code, error.message, error.details), error.status);
}
