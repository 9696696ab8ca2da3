/**
 * GET /api/sync/v1/stream: the live poke stream (L1), text/event-stream over a plain response so
 * clients read it with fetch and a Bearer header. Events:
 *   event: hello  data: {"protocol":"v1","heartbeatMs":15000}          on every (re)connect
 *   data: {"collection":"visits"}                                       a collection changed in scope
 *   : heartbeat                                                         every heartbeatMs
 *   event: error  data: {"error":{"code","message","details"}}         token/device revoked; then closed
 *   event: bye    data: {"reason":"shutdown"}                           server stopping; reconnect later
 */
import { Hono } from 'hono';
import { Subscriber, sseEvent } from '../../stream/subscriber';
import type { AppEnv, Deps } from '../context';
import { bearerToken, type SessionMiddleware } from '../middleware';

export function streamRoutes(deps: Deps, session: SessionMiddleware): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/sync/v1/stream', session, (c) => {
    const session = c.get('session');
    const token = bearerToken(c.req.header('authorization')) ?? '';
    const encoder = new TextEncoder();
    let subscriber: Subscriber | null = null;
    let unregister = (): void => undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        subscriber = new Subscriber({
          store: deps.store,
          auth: deps.auth,
          session,
          token,
          heartbeatMs: deps.config.heartbeatMs,
          send: (text) => {
            try {
              controller.enqueue(encoder.encode(text));
            } catch {
              // The response already ended.
            }
          },
          end: () => {
            unregister();
            try {
              controller.close();
            } catch {
              // Already closed by the client going away.
            }
          },
        });
        const sub = subscriber;
        unregister = deps.streams.add({ recheck: () => sub.recheck(), close: (reason) => sub.close(sseEvent({ reason }, 'bye')) });
      },
      cancel() {
        unregister();
        subscriber?.detach();
      },
    });
    return new Response(body, {
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        // Tell nginx-style proxies not to buffer, or pokes arrive in clumps.
        'X-Accel-Buffering': 'no',
      },
    });
  });

  return app;
}
