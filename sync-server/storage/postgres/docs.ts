/**
 * PostgreSQL documents: the batch transaction behind the commit-order fence, the seq-ordered pull and
 * scope lookups.
 *
 * The P2 fence: every push transaction takes `pg_advisory_xact_lock(SEQ_LOCK)` before it reads the
 * current states or draws a seq from `documents_seq`, and holds it until COMMIT/ROLLBACK. So at most one
 * transaction at a time holds unissued-or-uncommitted seqs, across every server instance on the
 * database, and PostgreSQL releases transaction locks only after the commit is visible. Hence seq order
 * is commit order: when a reader sees seq n, every seq below n is already committed (or was never
 * used because its transaction rolled back), and a pull by `seq > checkpoint` never skips a row.
 * A bare sequence without the lock is NOT enough: T1 may draw 10, T2 draw 11 and commit first, and a
 * reader that saw 11 would move its checkpoint past 10 forever.
 *
 * The cost is that pushes are serialised database-wide; a batch holds the lock for a few
 * milliseconds (three statements), which is far below what a charity's devices can produce.
 */
import type { Pool, PoolClient } from 'pg';
import type { CollectionName } from '#shared/schemas/index';
import type { DocData } from '#shared/lib/validate';
import { ChangeHub } from '../change-hub';
import { assigneePattern, scopeColumns } from '../scope-columns';
import { SCOPE_SNAPSHOT_KEEP_MS, type Actor, type BatchOutcome, type DecideBatch, type DeviceQuarantineRow, type DocumentStore, type HeldRecord, type StoredDoc } from '../types';

/**
 * Access-change listeners per store (A4), keyed by the store's hub so listen.ts, which hears the
 * trigger's NOTIFY `{"access":true}` on the change channel, can reach the listeners docs.ts registers.
 */
const accessListeners = new WeakMap<ChangeHub, Set<() => void>>();

type PgHeldRow = { id: string; collection: string; document_id: string; write_id: string; document: unknown; code: string; reason: string; author_id: string; device_id: string | null; at: Date };
const HELD_COLUMNS = 'id, collection, document_id, write_id, document, code, reason, author_id, device_id, at';
/** BIGSERIAL ids come back from pg as strings; they stay far below 2^53. */
const pgHeldOf = (r: PgHeldRow): HeldRecord => ({
  id: Number(r.id),
  collection: r.collection as CollectionName,
  documentId: r.document_id,
  writeId: r.write_id,
  document: r.document,
  code: r.code,
  reason: r.reason,
  authorId: r.author_id,
  deviceId: r.device_id,
  at: r.at.toISOString(),
});

export function accessListenersOf(hub: ChangeHub): Set<() => void> {
  let set = accessListeners.get(hub);
  if (!set) {
    set = new Set();
    accessListeners.set(hub, set);
  }
  return set;
}

/** Tells every access listener of this store to re-check (called by listen.ts). */
export function signalAccessChange(hub: ChangeHub): void {
  for (const listener of [...accessListenersOf(hub)]) {
    try {
      listener();
    } catch {
      // One listener's failure is its own.
    }
  }
}
import { auditAction, lastWritePerId } from '../batch';

/** Advisory lock key for seq assignment: "Reso" in ASCII, a constant no other code on the DB uses. */
export const SEQ_LOCK = 0x5265736f;

export interface DocRow {
  collection: string;
  id: string;
  seq: string;
  data: DocData;
  deleted: boolean;
  write_id: string;
  server_updated_at: Date;
  server_updated_by: string;
}

export const DOC_COLUMNS = 'collection, id, seq, data, deleted, write_id, server_updated_at, server_updated_by';

export function toDoc(row: DocRow): StoredDoc {
  return {
    collection: row.collection as CollectionName,
    id: row.id,
    seq: Number(row.seq),
    data: row.data,
    deleted: row.deleted,
    writeId: row.write_id,
    serverUpdatedAt: row.server_updated_at.toISOString(),
    serverUpdatedBy: row.server_updated_by,
  };
}

/** What a NOTIFY carries: the collection and the seq range of one committed batch (< 8000 bytes). */
export interface ChangeNotice {
  c: CollectionName;
  from: number;
  to: number;
}

async function writeBatch<R>(
  client: PoolClient,
  channel: string,
  collection: CollectionName,
  ids: readonly string[],
  actor: Actor,
  decide: DecideBatch<R>,
): Promise<BatchOutcome<R>> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [SEQ_LOCK]);
  const { rows } = await client.query<DocRow>(`SELECT ${DOC_COLUMNS} FROM documents WHERE collection = $1 AND id = ANY($2::text[])`, [collection, ids]);
  const current = new Map<string, StoredDoc>(rows.map((row) => [row.id, toDoc(row)]));
  const plan = decide(current);
  const now = new Date().toISOString();
  const writes = lastWritePerId(plan.writes);
  const written: StoredDoc[] = [];
  if (writes.length > 0) {
    const seqs = await client.query<{ seq: string }>(`SELECT nextval('documents_seq') AS seq FROM generate_series(1, $1)`, [writes.length]);
    const sorted = seqs.rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
    writes.forEach((w, i) => written.push({ collection, ...w, seq: sorted[i] ?? Number.NaN }));
    const scope = written.map((d) => scopeColumns(collection, d.id, d.data));
    await client.query(
      `INSERT INTO documents (collection, id, seq, data, deleted, write_id, server_updated_at, server_updated_by,
                              team_id, client_id, case_id, assigned_to, created_by)
       SELECT $1, * FROM unnest($2::text[], $3::bigint[], $4::jsonb[], $5::bool[], $6::text[], $7::timestamptz[], $8::text[],
                                $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])
       ON CONFLICT (collection, id) DO UPDATE SET
         seq = excluded.seq, data = excluded.data, deleted = excluded.deleted, write_id = excluded.write_id,
         server_updated_at = excluded.server_updated_at, server_updated_by = excluded.server_updated_by,
         team_id = excluded.team_id, client_id = excluded.client_id, case_id = excluded.case_id,
         assigned_to = excluded.assigned_to, created_by = excluded.created_by`,
      [
        collection,
        written.map((d) => d.id),
        written.map((d) => d.seq),
        written.map((d) => JSON.stringify(d.data)),
        written.map((d) => d.deleted),
        written.map((d) => d.writeId),
        written.map((d) => d.serverUpdatedAt),
        written.map((d) => d.serverUpdatedBy),
        scope.map((s) => s.teamId),
        scope.map((s) => s.clientId),
        scope.map((s) => s.caseId),
        scope.map((s) => s.assignedTo),
        scope.map((s) => s.createdBy),
      ],
    );
  }
  const audit = written.map((d) => ({ id: d.id, writeId: d.writeId, action: auditAction(current.get(d.id), d.deleted) }));
  if (plan.quarantine.length > 0) {
    // A repeat of a write already held back (C2) changes nothing, not even the audit trail.
    const held = await client.query<{ document_id: string; write_id: string }>(
      `INSERT INTO quarantine (collection, document_id, write_id, document, code, reason, author_id, device_id, at)
       SELECT $1, d, w, doc, c, r, $7, $8, $9 FROM unnest($2::text[], $3::text[], $4::jsonb[], $5::text[], $6::text[]) AS t(d, w, doc, c, r)
       ON CONFLICT (collection, document_id, write_id) DO NOTHING
       RETURNING document_id, write_id`,
      [
        collection,
        plan.quarantine.map((q) => q.documentId),
        plan.quarantine.map((q) => q.writeId),
        plan.quarantine.map((q) => JSON.stringify(q.document ?? null)),
        plan.quarantine.map((q) => q.code),
        plan.quarantine.map((q) => q.reason),
        actor.userId,
        actor.deviceId,
        now,
      ],
    );
    for (const row of held.rows) audit.push({ id: row.document_id, writeId: row.write_id, action: 'quarantine' });
  }
  if (audit.length > 0) {
    await client.query(
      `INSERT INTO audit (user_id, device_id, collection, document_id, write_id, action, at)
       SELECT $1, $2, $3, d, w, a, $7 FROM unnest($4::text[], $5::text[], $6::text[]) AS t(d, w, a)`,
      [actor.userId, actor.deviceId, collection, audit.map((a) => a.id), audit.map((a) => a.writeId), audit.map((a) => a.action), now],
    );
  }
  const first = written[0];
  const last = written[written.length - 1];
  if (first && last) {
    // NOTIFY inside the transaction is delivered only if and when it commits (after-commit by construction).
    const notice: ChangeNotice = { c: collection, from: first.seq, to: last.seq };
    await client.query('SELECT pg_notify($1, $2)', [channel, JSON.stringify(notice)]);
  }
  return { result: plan.result, written, quarantined: plan.quarantine.length };
}

export function createPostgresDocs(pool: Pool, hub: ChangeHub, channel: string): DocumentStore {
  return {
    async applyBatch(collection, ids, actor, decide) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const outcome = await writeBatch(client, channel, collection, ids, actor, decide);
        await client.query('COMMIT');
        return outcome;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async pullSince(collection, afterSeq, limit) {
      const { rows } = await pool.query<DocRow>(`SELECT ${DOC_COLUMNS} FROM documents WHERE collection = $1 AND seq > $2 ORDER BY seq LIMIT $3`, [collection, afterSeq, limit]);
      return rows.map(toDoc);
    },
    async getDocs(collection, ids) {
      const { rows } = await pool.query<DocRow>(`SELECT ${DOC_COLUMNS} FROM documents WHERE collection = $1 AND id = ANY($2::text[])`, [collection, ids]);
      return rows.map(toDoc);
    },
    async candidateCases(userId, teamIds) {
      const { rows } = await pool.query<DocRow>(
        `SELECT ${DOC_COLUMNS} FROM documents WHERE collection = 'cases' AND (team_id = ANY($1::text[]) OR assigned_to LIKE $2)`,
        [teamIds, assigneePattern(userId)],
      );
      return rows.map(toDoc);
    },
    onChange(listener) {
      return hub.subscribe(listener);
    },
    onAccessChange(listener) {
      const set = accessListenersOf(hub);
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    async docsTouching(collection, caseIds, clientIds) {
      if (caseIds.length === 0 && clientIds.length === 0) return [];
      if (collection === 'conflicts') {
        // Conflict records name their document in the JSON (`documentId`), not in a scope column.
        const { rows } = await pool.query<DocRow>(
          `SELECT ${DOC_COLUMNS} FROM documents WHERE collection = 'conflicts' AND data->>'documentId' = ANY($1::text[]) ORDER BY seq`,
          [[...caseIds, ...clientIds]],
        );
        return rows.map(toDoc);
      }
      const { rows } = await pool.query<DocRow>(
        `SELECT ${DOC_COLUMNS} FROM documents WHERE collection = $1 AND (case_id = ANY($2::text[]) OR client_id = ANY($3::text[])) ORDER BY seq`,
        [collection, caseIds, clientIds],
      );
      return rows.map(toDoc);
    },
    async saveScopeSnapshot(snapshot) {
      await pool.query(
        `INSERT INTO scope_snapshots (fingerprint, user_id, case_ids, client_ids, created_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (fingerprint) DO UPDATE SET created_at = excluded.created_at`,
        [snapshot.fingerprint, snapshot.userId, JSON.stringify(snapshot.caseIds), JSON.stringify(snapshot.clientIds)],
      );
      await pool.query('DELETE FROM scope_snapshots WHERE user_id = $1 AND created_at < $2', [snapshot.userId, new Date(Date.now() - SCOPE_SNAPSHOT_KEEP_MS).toISOString()]);
    },
    async scopeSnapshot(fingerprint) {
      const { rows } = await pool.query<{ fingerprint: string; user_id: string; case_ids: string[]; client_ids: string[] }>(
        'SELECT fingerprint, user_id, case_ids, client_ids FROM scope_snapshots WHERE fingerprint = $1',
        [fingerprint],
      );
      const row = rows[0];
      return row ? { fingerprint: row.fingerprint, userId: row.user_id, caseIds: row.case_ids, clientIds: row.client_ids } : null;
    },
    async listHeldBack(limit) {
      const { rows } = await pool.query<PgHeldRow>(`SELECT ${HELD_COLUMNS} FROM quarantine WHERE dealt_with_at IS NULL ORDER BY id DESC LIMIT $1`, [limit]);
      return rows.map(pgHeldOf);
    },
    async markHeldDealtWith(id, by, at) {
      const { rows } = await pool.query<PgHeldRow>(
        `UPDATE quarantine SET dealt_with_at = $1, dealt_with_by = $2 WHERE id = $3 AND dealt_with_at IS NULL RETURNING ${HELD_COLUMNS}`,
        [at, by, id],
      );
      const row = rows[0];
      return row ? pgHeldOf(row) : null;
    },
    async quarantinedFromDevice(collection, deviceId, afterId, limit) {
      const { rows } = await pool.query<{ id: string; document_id: string; write_id: string; code: string; document: unknown }>(
        'SELECT id, document_id, write_id, code, document FROM quarantine WHERE device_id = $1 AND collection = $2 AND id > $3 ORDER BY id LIMIT $4',
        [deviceId, collection, afterId, limit],
      );
      return rows.map((r): DeviceQuarantineRow => ({ rowId: Number(r.id), documentId: r.document_id, writeId: r.write_id, code: r.code, document: r.document }));
    },
    async countDocuments() {
      const { rows } = await pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM documents');
      return Number(rows[0]?.n ?? 0);
    },
  };
}
