/**
 * Sign-in routes (B2): login, kiosk enrolment, logout, and who am I.
 *   POST /api/auth/login  {email, password, deviceId, deviceName} -> {token, expiresAt, user, deviceKeySecret}
 *   POST /api/auth/enrol  {code, deviceId, deviceName}            -> {token, expiresAt, device, user}
 *   POST /api/auth/logout                                          -> {ok: true}
 *   GET  /api/me                                                   -> {user, device}
 */
import { Hono, type Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv, Deps } from '../context';
import { deviceIdField, isRecord, badRequest, optionalName, readJson, stringField } from '../body';
import type { SessionMiddleware } from '../middleware';

/** The caller's network address, for the per-address login limit. */
function address(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

async function bodyObject(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  const body = await readJson(c);
  if (!isRecord(body)) throw badRequest('The request body must be a JSON object.');
  return body;
}

export function authRoutes(deps: Deps, session: SessionMiddleware): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/auth/login', async (c) => {
    const body = await bodyObject(c);
    const input = {
      email: stringField(body, 'email', 200),
      password: stringField(body, 'password', 1000),
      deviceId: deviceIdField(body),
      deviceName: optionalName(body, 'deviceName', 'Unnamed device'),
    };
    c.header('Cache-Control', 'no-store');
    return c.json(await deps.auth.login(input, address(c)));
  });

  app.post('/auth/enrol', async (c) => {
    const body = await bodyObject(c);
    const input = { code: stringField(body, 'code', 40), deviceId: deviceIdField(body), deviceName: optionalName(body, 'deviceName', '') };
    c.header('Cache-Control', 'no-store');
    return c.json(await deps.auth.enrol(input, address(c)));
  });

  app.post('/auth/logout', session, async (c) => {
    await deps.auth.logout(c.get('session'));
    deps.streams.recheckAll();
    return c.json({ ok: true });
  });

  app.get('/me', session, async (c) => {
    const { user, device } = c.get('session');
    return c.json({
      user: await deps.auth.sessionUser(user),
      device: { id: device.id, name: device.name, role: user.role, lastSyncAt: device.lastSyncAt, appVersion: device.appVersion },
    });
  });

  return app;
}
