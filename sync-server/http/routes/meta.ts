/**
 * Read-only routes that describe the server and the organisation:
 *   GET /api/health     (no auth) -> {ok, storage, version, protocol, schemaVersions}
 *   GET /api/schemas    -> {<collection>: <JSON Schema with version>}
 *   GET /api/directory  -> {teams: [{id, name}], users: [{id, name, role, teamIds}]}  (not for kiosks)
 *   GET /api/quarantine -> [{collection, documentId, writeId, code, reason, at}]  (the caller's own)
 */
import { Hono } from 'hono';
import { COLLECTION_NAMES, schemas } from '#shared/schemas/index';
import type { AppEnv, Deps } from '../context';
import { ApiError } from '../errors';
import type { SessionMiddleware } from '../middleware';

export const PROTOCOL_VERSION = 'v1';

export const schemaVersions = (): Record<string, number> => Object.fromEntries(COLLECTION_NAMES.map((name) => [name, schemas[name].version]));

export function metaRoutes(deps: Deps, session: SessionMiddleware): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/health', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ ok: true, storage: deps.store.kind, version: deps.version, protocol: PROTOCOL_VERSION, schemaVersions: schemaVersions() });
  });

  app.get('/schemas', session, (c) => c.json(schemas));

  app.get('/directory', session, async (c) => {
    if (c.get('session').user.role === 'kiosk') throw new ApiError('forbidden', 'A kiosk cannot see the staff directory.');
    const [teams, users] = await Promise.all([deps.store.listTeams(), deps.store.listUsers()]);
    return c.json({
      teams,
      users: users.filter((u) => u.active && u.role !== 'kiosk').map((u) => ({ id: u.id, name: u.name, role: u.role, teamIds: u.teamIds })),
    });
  });

  app.get('/quarantine', session, async (c) => {
    const held = await deps.store.listQuarantine(c.get('session').user.id);
    return c.json(held.map((q) => ({ collection: q.collection, documentId: q.documentId, writeId: q.writeId, code: q.code, reason: q.reason, at: q.at })));
  });

  return app;
}
