/**
 * The HTTP application: middleware order, the /api routes, the 404 envelope for unknown /api routes
 * (never index.html), the static app with its SPA fallback, and the one error hook that turns every
 * failure into the error envelope without a stack trace.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { describeError } from '../log';
import { BODY_LIMIT_BYTES } from './body';
import type { AppEnv, Deps } from './context';
import { ApiError, sendError } from './errors';
import { requestLog, requireSession } from './middleware';
import { adminRoutes } from './routes/admin';
import { authRoutes } from './routes/auth';
import { metaRoutes } from './routes/meta';
import { streamRoutes } from './routes/stream';
import { syncRoutes } from './routes/sync';
import { serveApp } from './static';

const tooLarge = new ApiError('payload-too-large', `The request body is larger than the server accepts (${BODY_LIMIT_BYTES / 1024 / 1024} MB). Send fewer documents at a time.`, {
  maxBytes: BODY_LIMIT_BYTES,
});

export function createApp(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requestLog(deps));
  app.use('/api/*', bodyLimit({ maxSize: BODY_LIMIT_BYTES, onError: (c) => sendError(c, tooLarge) }));

  const session = requireSession(deps);
  const api = new Hono<AppEnv>();
  api.route('/', metaRoutes(deps, session));
  api.route('/', authRoutes(deps, session));
  api.route('/', streamRoutes(deps, session));
  api.route('/', syncRoutes(deps, session));
  api.route('/', adminRoutes(deps, session));
  api.all('*', (c) => {
    throw new ApiError('not-found', `There is no API route ${c.req.method} ${c.req.path}.`);
  });
  app.route('/api', api);
  app.all('/api', (c) => sendError(c, new ApiError('not-found', 'There is no API route here.')));

  const serve = serveApp(deps.config.distDir);
  app.on(['GET', 'HEAD'], '*', (c) => serve(c));

  app.notFound((c) => sendError(c, new ApiError('not-found', `Nothing at ${c.req.method} ${c.req.path}.`)));
  app.onError((error, c) => {
    if (error instanceof ApiError) return sendError(c, error);
    deps.logger.log('error', 'unhandled', { method: c.req.method, path: c.req.path, ...describeError(error) });
    return sendError(c, new ApiError('internal', 'The server had a problem. Your data is safe on your device; try again in a minute.'));
  });
  return app;
}
