/**
 * Replication routes (sync.md): /api/sync/v1/{collection}/{schemaVersion}/pull|push.
 *   GET  …/pull?limit=N&checkpoint=C -> {documents, checkpoint: {seq}}
 *   POST …/push [{assumedMasterState, newDocumentState}] -> [conflicting server states]
 *        with header X-Resonance-Quarantined: <count held back in this batch>
 * A schema version other than the collection's current one is answered 426 so the app can update.
 * Devices may send X-Resonance-App-Version and X-Resonance-Unsynced (their backlog) for device health.
 *   GET  /api/sync/v1/held?limit=N -> the organisation's held-back writes, newest first (coordinators)
 */
import { Hono, type Context } from 'hono';
import { isCollectionName, schemas, type CollectionName } from '#shared/schemas/index';
import { pullPage, pushBatch } from '../../replication/service';
import { parseCheckpoint, parseLimit, type PushRow } from '../../replication/wire';
import type { AppEnv, Deps } from '../context';
import { badRequest, isRecord, readJson } from '../body';
import { ApiError } from '../errors';
import type { SessionMiddleware } from '../middleware';

/**
 * At most 1,000 rows per push, the same cap as a pull page: RxDB pushes 100 by default, and one batch
 * is one transaction holding the commit-order lock, so it must stay short.
 */
export const PUSH_ROWS_MAX = 1000;

function collectionOf(c: Context<AppEnv>): CollectionName {
  const name = c.req.param('collection') ?? '';
  if (!isCollectionName(name)) throw new ApiError('unknown-collection', `There is no collection called "${name}".`, { collection: name });
  const requested = c.req.param('schemaVersion') ?? '';
  const supported = schemas[name].version;
  if (!/^\d{1,6}$/.test(requested)) throw badRequest('The schema version in the path must be a whole number.');
  if (Number(requested) !== supported) {
    throw new ApiError('schema-version-unsupported', 'This version of the app is out of date for this server. Update the app to keep syncing; your unsynced work is kept.', {
      collection: name,
      requested: Number(requested),
      supported,
    });
  }
  return name;
}

function idField(doc: Record<string, unknown>, field: 'id' | 'writeId', row: number): string {
  const value = doc[field];
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) {
    throw badRequest(`Row ${row}: newDocumentState.${field} must be text of 1 to 64 characters.`, { row, field });
  }
  return value;
}

export function parsePushBody(body: unknown): PushRow[] {
  if (!Array.isArray(body)) throw badRequest('A push body must be a JSON array of {assumedMasterState, newDocumentState}.');
  if (body.length > PUSH_ROWS_MAX) {
    throw new ApiError('payload-too-large', `A push may carry at most ${PUSH_ROWS_MAX} documents; send them in smaller batches.`, { max: PUSH_ROWS_MAX });
  }
  const seen = new Set<string>();
  return body.map((row: unknown, i): PushRow => {
    if (!isRecord(row) || !isRecord(row.newDocumentState)) throw badRequest(`Row ${i}: newDocumentState must be an object.`, { row: i });
    const assumed = row.assumedMasterState ?? null;
    if (assumed !== null && !isRecord(assumed)) throw badRequest(`Row ${i}: assumedMasterState must be an object or null.`, { row: i });
    const id = idField(row.newDocumentState, 'id', i);
    idField(row.newDocumentState, 'writeId', i);
    if (seen.has(id)) throw badRequest(`Row ${i}: the document ${id} appears twice in one push.`, { row: i });
    seen.add(id);
    return { assumedMasterState: assumed, newDocumentState: row.newDocumentState };
  });
}

async function recordSync(deps: Deps, c: Context<AppEnv>): Promise<void> {
  const version = c.req.header('x-resonance-app-version')?.slice(0, 40) ?? null;
  const backlogRaw = Number(c.req.header('x-resonance-unsynced'));
  const backlog = Number.isSafeInteger(backlogRaw) && backlogRaw >= 0 ? backlogRaw : null;
  await deps.deviceHealth.record(c.get('session').device.id, version, backlog);
}

function caller(c: Context<AppEnv>) {
  const { user, device } = c.get('session');
  return { user: { id: user.id, role: user.role, teamIds: user.teamIds }, deviceId: device.id };
}

export function syncRoutes(deps: Deps, session: SessionMiddleware): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/sync/v1/:collection/:schemaVersion/pull', session, async (c) => {
    const collection = collectionOf(c);
    const checkpoint = parseCheckpoint(c.req.query('checkpoint'));
    if (!checkpoint.ok) throw badRequest(checkpoint.message);
    const limit = parseLimit(c.req.query('limit'));
    if (!limit.ok) throw badRequest(limit.message);
    const page = await pullPage(deps.store, caller(c), collection, checkpoint.value, limit.value);
    await recordSync(deps, c);
    c.header('Cache-Control', 'no-store');
    return c.json(page);
  });

  app.post('/sync/v1/:collection/:schemaVersion/push', session, async (c) => {
    const collection = collectionOf(c);
    const rows = parsePushBody(await readJson(c));
    const outcome = await pushBatch(deps.store, caller(c), collection, rows);
    await recordSync(deps, c);
    c.set('quarantined', outcome.quarantined);
    c.header('X-Resonance-Quarantined', String(outcome.quarantined));
    c.header('Cache-Control', 'no-store');
    return c.json(outcome.conflicts);
  });

  // Held-back writes of the whole organisation, newest first (C4, A3): an offline change to a case that
  // left its author's scope is kept here with its content for a coordinator to act on.
  app.get('/sync/v1/held', session, async (c) => {
    if (c.get('session').user.role !== 'coordinator') {
      throw new ApiError('forbidden', 'Only a coordinator can see the changes the server held back for everyone. Your own are in Unsynced changes.');
    }
    const limit = parseLimit(c.req.query('limit'));
    if (!limit.ok) throw badRequest(limit.message);
    c.header('Cache-Control', 'no-store');
    return c.json(await deps.store.listHeldBack(limit.value));
  });

  return app;
}
