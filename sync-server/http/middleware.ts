/**
 * Cross-cutting request handling: the JSON request log, bearer-token authentication and the
 * per-token request limit.
 */
import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Deps, AppEnv } from './context';
import { ApiError } from './errors';
import { RequestLimiter, retryAfterSeconds } from './rate-limit';

/** One line per request: method, path (no query), status, time, who. Never bodies or tokens. */
export function requestLog(deps: Deps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    await next();
    if (!deps.config.logRequests) return;
    const session = c.get('session') as AppEnv['Variables']['session'] | undefined;
    const quarantined = c.get('quarantined') as number | undefined;
    deps.logger.log(c.res.status >= 500 ? 'error' : 'info', 'request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      ...(session ? { user: session.user.id, device: session.device.id } : {}),
      ...(quarantined ? { quarantined } : {}),
    });
  });
}

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

export type SessionMiddleware = MiddlewareHandler<AppEnv>;

/**
 * Requires a valid token (401 otherwise), then applies the per-token request limit (429). Create it
 * once per app: the limiter lives in it, so every route must share the same instance.
 */
export function requireSession(deps: Deps): SessionMiddleware {
  const limiter = new RequestLimiter(deps.config.requestsPerMinute);
  return createMiddleware<AppEnv>(async (c, next) => {
    const session = await deps.auth.authenticate(bearerToken(c.req.header('authorization')));
    c.set('session', session);
    const wait = limiter.take(session.tokenHash);
    if (wait > 0) {
      throw new ApiError('rate-limited', 'This device is sending too many requests. It will try again shortly.', null, { 'Retry-After': retryAfterSeconds(wait) });
    }
    await next();
  });
}
