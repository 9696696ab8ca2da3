/**
 * The coordinator's management routes (coordinators only: 403 for workers, helpers and kiosks), and
 * the organisation settings every signed-in person's device reads. The work is admin/ops.ts, shared
 * with the admin CLI; this file only reads JSON, checks its shape and turns AdminError into the error
 * envelope. Every revocation re-checks open live streams at once (A4).
 *   GET  /api/admin/people                        -> {users: [...], teams: [...]}
 *   POST /api/admin/people   {name, email, role, teamIds, password} -> 201 {user}
 *   PATCH /api/admin/people/:id {role?, teamIds?} -> {user}
 *   POST /api/admin/people/:id/deactivate | /reactivate -> {user}
 *   POST /api/admin/people/:id/password {password} -> {ok: true}
 *   POST /api/admin/teams    {name}               -> 201 {team}
 *   GET  /api/admin/devices                       -> {devices: [...]}
 *   POST /api/admin/devices/:id/revoke            -> {ok: true}
 *   GET  /api/admin/clients/:id/audit             -> {clientId, entries: [...], truncated}
 *   GET  /api/admin/audit                         -> {entries: [...]}  (admin actions)
 *   GET  /api/settings                            -> {idleLockMinutes}  (any signed-in person, not kiosks)
 *   PUT  /api/admin/settings {idleLockMinutes}    -> {idleLockMinutes}
 */
import { Hono, type Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { AdminError, addTeam, addUser, changeUser, markHeldDealtWith, resetPassword, revokeDevice, setUserActive, type AdminActor } from '../../admin/ops';
import { readSettings, setIdleLockMinutes } from '../../admin/settings';
import type { UserRecord } from '../../storage/types';
import { badRequest, isRecord, readJson } from '../body';
import type { AppEnv, Deps } from '../context';
import { ApiError } from '../errors';
import type { SessionMiddleware } from '../middleware';

/** Newest audit rows shown for one client: a long-running case has hundreds, not tens of thousands. */
const CLIENT_AUDIT_LIMIT = 500;
const ADMIN_AUDIT_LIMIT = 200;
const ID = /^[A-Za-z0-9_-]{1,64}$/;
/** More teams than a small organisation has; stops a hostile list of a million ids. */
const MAX_TEAMS = 100;

const coordinatorOnly = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get('session').user.role !== 'coordinator') throw new ApiError('forbidden', 'Only a coordinator can manage people, devices and settings.');
  await next();
});

async function bodyObject(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  const body = await readJson(c);
  if (!isRecord(body)) throw badRequest('The request body must be a JSON object.');
  return body;
}

function text(body: Record<string, unknown>, name: string, label: string, max: number, optional = false): string | undefined {
  const value = body[name];
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'string' || value.trim().length === 0) throw badRequest(`${label} is required and must be text.`, { field: name });
  if (value.length > max) throw badRequest(`${label} is too long (at most ${max} characters).`, { field: name });
  return value;
}

function teamIds(body: Record<string, unknown>, optional: boolean): string[] | undefined {
  const value = body.teamIds;
  if (value === undefined && optional) return undefined;
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !ID.test(v))) throw badRequest('"teamIds" must be a list of team ids.', { field: 'teamIds' });
  if (value.length > MAX_TEAMS) throw badRequest(`A person can be in at most ${MAX_TEAMS} teams.`, { field: 'teamIds' });
  return value as string[];
}

function pathId(c: Context<AppEnv>, what: string): string {
  const id = c.req.param('id') ?? '';
  if (!ID.test(id)) throw new ApiError('not-found', `There is no ${what} with that id.`);
  return id;
}

function actorOf(c: Context<AppEnv>): AdminActor {
  const { user, device } = c.get('session');
  return { userId: user.id, deviceId: device.id };
}

/** Runs an admin operation, turning its AdminError into the error envelope. */
async function attempt<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof AdminError)) throw error;
    const code = error.kind === 'not-found' ? 'not-found' : error.kind === 'forbidden' ? 'forbidden' : 'bad-request';
    throw new ApiError(code, error.message, error.field ? { field: error.field } : null);
  }
}

/** A person as the coordinator's screens see them: never the password hash. */
function person(user: UserRecord) {
  return { id: user.id, name: user.name, email: user.email, role: user.role, active: user.active, teamIds: user.teamIds, createdAt: user.createdAt };
}

export function adminRoutes(deps: Deps, session: SessionMiddleware): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const store = deps.store;
  app.use('/admin/*', session, coordinatorOnly);
  app.use('/admin/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  app.get('/settings', session, async (c) => {
    if (c.get('session').user.role === 'kiosk') throw new ApiError('forbidden', 'A kiosk does not use the staff settings.');
    c.header('Cache-Control', 'no-store');
    return c.json(await readSettings(store));
  });

  app.put('/admin/settings', async (c) => {
    const body = await bodyObject(c);
    return c.json(await attempt(setIdleLockMinutes(store, body.idleLockMinutes, actorOf(c))));
  });

  app.get('/admin/people', async (c) => {
    const [users, teams] = await Promise.all([store.listUsers(), store.listTeams()]);
    return c.json({ users: users.filter((u) => u.role !== 'kiosk').map(person), teams });
  });

  app.post('/admin/people', async (c) => {
    const body = await bodyObject(c);
    const input = {
      name: text(body, 'name', 'A name', 200) ?? '',
      email: text(body, 'email', 'An email address', 254) ?? '',
      role: text(body, 'role', 'A role', 40) ?? '',
      teamIds: teamIds(body, false) ?? [],
      password: text(body, 'password', 'A password', 1000) ?? '',
    };
    const { user } = await attempt(addUser(store, input, actorOf(c)));
    return c.json({ user: person(user) }, 201);
  });

  app.patch('/admin/people/:id', async (c) => {
    const id = pathId(c, 'person');
    const body = await bodyObject(c);
    const role = text(body, 'role', 'A role', 40, true);
    const teams = teamIds(body, true);
    const user = await attempt(changeUser(store, id, { ...(role === undefined ? {} : { role }), ...(teams === undefined ? {} : { teamIds: teams }) }, actorOf(c)));
    return c.json({ user: person(user) });
  });

  for (const [path, active] of [['deactivate', false], ['reactivate', true]] as const) {
    app.post(`/admin/people/:id/${path}`, async (c) => {
      const user = await attempt(setUserActive(store, pathId(c, 'person'), active, actorOf(c)));
      if (!active) deps.streams.recheckAll();
      return c.json({ user: person(user) });
    });
  }

  app.post('/admin/people/:id/password', async (c) => {
    const id = pathId(c, 'person');
    const body = await bodyObject(c);
    await attempt(resetPassword(store, id, text(body, 'password', 'A password', 1000) ?? '', actorOf(c)));
    deps.streams.recheckAll();
    return c.json({ ok: true });
  });

  app.post('/admin/teams', async (c) => {
    const body = await bodyObject(c);
    const team = await attempt(addTeam(store, text(body, 'name', 'A team name', 100) ?? '', actorOf(c)));
    return c.json({ team }, 201);
  });

  app.get('/admin/devices', async (c) => {
    const [devices, users] = await Promise.all([store.listDevices(), store.listUsers()]);
    const names = new Map(users.map((u) => [u.id, u]));
    return c.json({
      devices: devices.map((d) => ({
        id: d.id,
        name: d.name,
        userId: d.userId,
        userName: names.get(d.userId)?.name ?? 'Unknown person',
        role: names.get(d.userId)?.role ?? null,
        appVersion: d.appVersion,
        lastSyncAt: d.lastSyncAt,
        unsyncedBacklog: d.unsyncedBacklog,
        revoked: d.revoked,
        createdAt: d.createdAt,
        current: d.id === c.get('session').device.id,
      })),
    });
  });

  app.post('/admin/devices/:id/revoke', async (c) => {
    await attempt(revokeDevice(store, pathId(c, 'device'), actorOf(c)));
    deps.streams.recheckAll();
    return c.json({ ok: true });
  });

  // A held-back write (GET /api/sync/v1/held) that a coordinator has dealt with leaves that list (C4).
  app.post('/admin/held/:id/dealt-with', async (c) => {
    await attempt(markHeldDealtWith(store, c.req.param('id'), actorOf(c)));
    return c.json({ ok: true });
  });

  app.get('/admin/clients/:id/audit', async (c) => {
    const clientId = pathId(c, 'client');
    const records = await store.clientRecordIds(clientId);
    if (records.length === 0) {
      throw new ApiError('not-found', 'The server has no record of this client yet. If they were registered offline, their trail appears once that device syncs.');
    }
    const rows = await store.listAuditForDocuments(records.map((r) => r.id), CLIENT_AUDIT_LIMIT + 1);
    const [users, devices] = await Promise.all([store.listUsers(), store.listDevices()]);
    const userNames = new Map(users.map((u) => [u.id, u.name]));
    const deviceNames = new Map(devices.map((d) => [d.id, d.name]));
    return c.json({
      clientId,
      truncated: rows.length > CLIENT_AUDIT_LIMIT,
      entries: rows.slice(0, CLIENT_AUDIT_LIMIT).map((r) => ({
        at: r.at,
        action: r.action,
        collection: r.collection,
        documentId: r.documentId,
        writeId: r.writeId,
        userId: r.userId,
        userName: userNames.get(r.userId) ?? 'Unknown person',
        deviceId: r.deviceId,
        deviceName: r.deviceId ? (deviceNames.get(r.deviceId) ?? 'Unknown device') : null,
      })),
    });
  });

  app.get('/admin/audit', async (c) => {
    const entries = await store.listAdminAudit(ADMIN_AUDIT_LIMIT);
    const userNames = new Map((await store.listUsers()).map((u) => [u.id, u.name]));
    return c.json({ entries: entries.map((e) => ({ ...e, actorName: e.actorId === 'cli' ? 'Admin command line' : (userNames.get(e.actorId) ?? 'Unknown person') })) });
  });

  return app;
}
