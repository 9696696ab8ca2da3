/**
 * SQLite documents: the batch transaction, the seq-ordered pull and scope lookups.
 *
 * Commit order (P2): better-sqlite3 is synchronous and this process holds the only connection that
 * writes, so `BEGIN IMMEDIATE … COMMIT` runs start to finish without interleaving. Each write takes
 * `MAX(seq) + 1` inside that transaction, so seq order is commit order and a reader can never see
 * seq n+1 before seq n. Listeners hear about a batch only after COMMIT returns.
 *
 * Access changes (A4) are seen by polling the trigger-maintained `access_epoch` counter while anyone
 * listens, since another process (the admin CLI) cannot signal this one directly.
 */
import type Database from 'better-sqlite3';
import type { CollectionName } from '#shared/schemas/index';
import type { DocData } from '#shared/lib/validate';
import { auditAction, lastWritePerId } from '../batch';
import { ChangeHub } from '../change-hub';
import { assigneePattern, scopeColumns } from '../scope-columns';
import { SCOPE_SNAPSHOT_KEEP_MS } from '../types';
import type { Actor, BatchOutcome, DecideBatch, DeviceQuarantineRow, DocumentStore, HeldRecord, ScopeSnapshot, StoredDoc } from '../types';

/**
 * How often live streams' access epoch is read (A4), while any stream is open. The counter is bumped
 * by triggers in whichever process revokes (the admin CLI included); a single-row read by primary key
 * four times a second costs microseconds and bounds a revoked device's open stream to about 250 ms
 * (measured: median 251 ms; PostgreSQL's NOTIFY: median 19 ms).
 */
export const ACCESS_POLL_MS = 250;

interface DocRow {
  collection: string;
  id: string;
  seq: number;
  data: string;
  deleted: number;
  write_id: string;
  server_updated_at: string;
  server_updated_by: string;
}

const COLUMNS = 'collection, id, seq, data, deleted, write_id, server_updated_at, server_updated_by';

function toDoc(row: DocRow): StoredDoc {
  return {
    collection: row.collection as CollectionName,
    id: row.id,
    seq: row.seq,
    data: JSON.parse(row.data) as DocData,
    deleted: row.deleted !== 0,
    writeId: row.write_id,
    serverUpdatedAt: row.server_updated_at,
    serverUpdatedBy: row.server_updated_by,
  };
}

export function createSqliteDocs(db: Database.Database, hub: ChangeHub): DocumentStore {
  const selectByIds = db.prepare<[string, string], DocRow>(
    `SELECT ${COLUMNS} FROM documents WHERE collection = ? AND id IN (SELECT value FROM json_each(?))`,
  );
  const maxSeq = db.prepare<[], { seq: number }>('SELECT COALESCE(MAX(seq), 0) AS seq FROM documents');
  const upsert = db.prepare(`
    INSERT INTO documents (${COLUMNS}, team_id, client_id, case_id, assigned_to, created_by)
    VALUES (@collection, @id, @seq, @data, @deleted, @writeId, @serverUpdatedAt, @serverUpdatedBy,
            @teamId, @clientId, @caseId, @assignedTo, @createdBy)
    ON CONFLICT (collection, id) DO UPDATE SET
      seq = excluded.seq, data = excluded.data, deleted = excluded.deleted, write_id = excluded.write_id,
      server_updated_at = excluded.server_updated_at, server_updated_by = excluded.server_updated_by,
      team_id = excluded.team_id, client_id = excluded.client_id, case_id = excluded.case_id,
      assigned_to = excluded.assigned_to, created_by = excluded.created_by`);
  const insertQuarantine = db.prepare(`
    INSERT INTO quarantine (collection, document_id, write_id, document, code, reason, author_id, device_id, at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (collection, document_id, write_id) DO NOTHING`);
  const insertAudit = db.prepare(`
    INSERT INTO audit (user_id, device_id, collection, document_id, write_id, action, at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const pull = db.prepare<[string, number, number], DocRow>(
    `SELECT ${COLUMNS} FROM documents WHERE collection = ? AND seq > ? ORDER BY seq LIMIT ?`,
  );
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM documents');

  const epoch = db.prepare<[], { n: number }>('SELECT n FROM access_epoch WHERE id = 1');
  const touching = db.prepare<[string, string, string], DocRow>(
    `SELECT ${COLUMNS} FROM documents WHERE collection = ?
       AND (case_id IN (SELECT value FROM json_each(?)) OR client_id IN (SELECT value FROM json_each(?))) ORDER BY seq`,
  );
  // Conflict records name their document in the JSON (`documentId`), not in a scope column.
  const touchingConflicts = db.prepare<[string, string], DocRow>(
    `SELECT ${COLUMNS} FROM documents WHERE collection = 'conflicts'
       AND json_extract(data, '$.documentId') IN (SELECT value FROM json_each(?) UNION SELECT value FROM json_each(?)) ORDER BY seq`,
  );
  const insertSnapshot = db.prepare(
    'INSERT INTO scope_snapshots (fingerprint, user_id, case_ids, client_ids, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO UPDATE SET created_at = excluded.created_at',
  );
  const pruneSnapshots = db.prepare('DELETE FROM scope_snapshots WHERE user_id = ? AND created_at < ?');
  const selectSnapshot = db.prepare<[string], { fingerprint: string; user_id: string; case_ids: string; client_ids: string }>(
    'SELECT fingerprint, user_id, case_ids, client_ids FROM scope_snapshots WHERE fingerprint = ?',
  );
  const selectQuarantine = db.prepare<[string, string, number, number], { id: number; document_id: string; write_id: string; code: string; document: string }>(
    'SELECT id, document_id, write_id, code, document FROM quarantine WHERE device_id = ? AND collection = ? AND id > ? ORDER BY id LIMIT ?',
  );
  type HeldRow = { id: number; collection: string; document_id: string; write_id: string; document: string; code: string; reason: string; author_id: string; device_id: string | null; at: string };
  const HELD_COLUMNS = 'id, collection, document_id, write_id, document, code, reason, author_id, device_id, at';
  const selectHeld = db.prepare<[number], HeldRow>(`SELECT ${HELD_COLUMNS} FROM quarantine WHERE dealt_with_at IS NULL ORDER BY id DESC LIMIT ?`);
  const markDealtWith = db.prepare<[string, string, number], HeldRow>(
    `UPDATE quarantine SET dealt_with_at = ?, dealt_with_by = ? WHERE id = ? AND dealt_with_at IS NULL RETURNING ${HELD_COLUMNS}`,
  );
  const heldOf = (r: HeldRow): HeldRecord => ({
    id: r.id,
    collection: r.collection as CollectionName,
    documentId: r.document_id,
    writeId: r.write_id,
    document: JSON.parse(r.document) as unknown,
    code: r.code,
    reason: r.reason,
    authorId: r.author_id,
    deviceId: r.device_id,
    at: r.at,
  });
  const accessListeners = new Set<() => void>();
  let accessTimer: NodeJS.Timeout | null = null;
  let lastEpoch = -1;
  const pollAccess = (): void => {
    if (!db.open) return;
    let n: number;
    try {
      n = epoch.get()?.n ?? 0;
    } catch {
      return; // Busy or closing: try again next tick.
    }
    if (lastEpoch !== -1 && n !== lastEpoch) {
      for (const listener of [...accessListeners]) {
        try {
          listener();
        } catch {
          // One listener's failure is its own.
        }
      }
    }
    lastEpoch = n;
  };

  function applySync<R>(collection: CollectionName, ids: readonly string[], actor: Actor, decide: DecideBatch<R>): BatchOutcome<R> {
    const current = new Map<string, StoredDoc>();
    for (const row of selectByIds.all(collection, JSON.stringify(ids))) current.set(row.id, toDoc(row));
    const plan = decide(current);
    const now = new Date().toISOString();
    let seq = (maxSeq.get()?.seq ?? 0) + 1;
    const written: StoredDoc[] = [];
    for (const write of lastWritePerId(plan.writes)) {
      const doc: StoredDoc = { collection, ...write, seq: seq++ };
      upsert.run({
        collection,
        id: doc.id,
        seq: doc.seq,
        data: JSON.stringify(doc.data),
        deleted: doc.deleted ? 1 : 0,
        writeId: doc.writeId,
        serverUpdatedAt: doc.serverUpdatedAt,
        serverUpdatedBy: doc.serverUpdatedBy,
        ...scopeColumns(collection, doc.id, doc.data),
      });
      insertAudit.run(actor.userId, actor.deviceId, collection, doc.id, doc.writeId, auditAction(current.get(doc.id), doc.deleted), now);
      written.push(doc);
    }
    for (const q of plan.quarantine) {
      // A repeat of a write already held back (C2) changes nothing, not even the audit trail.
      const held = insertQuarantine.run(collection, q.documentId, q.writeId, JSON.stringify(q.document), q.code, q.reason, actor.userId, actor.deviceId, now);
      if (held.changes > 0) insertAudit.run(actor.userId, actor.deviceId, collection, q.documentId, q.writeId, 'quarantine', now);
    }
    return { result: plan.result, written, quarantined: plan.quarantine.length };
  }

  return {
    applyBatch<R>(collection: CollectionName, ids: readonly string[], actor: Actor, decide: DecideBatch<R>): Promise<BatchOutcome<R>> {
      try {
        // IMMEDIATE takes the write lock up front, so another process (the admin CLI) waits on
        // busy_timeout instead of failing the upgrade from a read to a write lock mid-batch.
        const outcome = db.transaction(applySync<R>).immediate(collection, ids, actor, decide);
        hub.emit({ collection, docs: outcome.written });
        return Promise.resolve(outcome);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    pullSince(collection, afterSeq, limit) {
      return Promise.resolve(pull.all(collection, afterSeq, limit).map(toDoc));
    },
    getDocs(collection, ids) {
      return Promise.resolve(selectByIds.all(collection, JSON.stringify(ids)).map(toDoc));
    },
    candidateCases(userId, teamIds) {
      const rows = db
        .prepare<[string, string], DocRow>(
          `SELECT ${COLUMNS} FROM documents WHERE collection = 'cases'
             AND (team_id IN (SELECT value FROM json_each(?)) OR assigned_to LIKE ?)`,
        )
        .all(JSON.stringify(teamIds), assigneePattern(userId));
      return Promise.resolve(rows.map(toDoc));
    },
    onChange(listener) {
      return hub.subscribe(listener);
    },
    countDocuments() {
      return Promise.resolve(count.get()?.n ?? 0);
    },
    onAccessChange(listener) {
      accessListeners.add(listener);
      if (!accessTimer) {
        lastEpoch = -1;
        pollAccess();
        accessTimer = setInterval(pollAccess, ACCESS_POLL_MS);
        accessTimer.unref();
      }
      return () => {
        accessListeners.delete(listener);
        if (accessListeners.size === 0 && accessTimer) {
          clearInterval(accessTimer);
          accessTimer = null;
        }
      };
    },
    docsTouching(collection, caseIds, clientIds) {
      if (caseIds.length === 0 && clientIds.length === 0) return Promise.resolve([]);
      if (collection === 'conflicts') return Promise.resolve(touchingConflicts.all(JSON.stringify(caseIds), JSON.stringify(clientIds)).map(toDoc));
      return Promise.resolve(touching.all(collection, JSON.stringify(caseIds), JSON.stringify(clientIds)).map(toDoc));
    },
    saveScopeSnapshot(snapshot: ScopeSnapshot) {
      const now = Date.now();
      insertSnapshot.run(snapshot.fingerprint, snapshot.userId, JSON.stringify(snapshot.caseIds), JSON.stringify(snapshot.clientIds), new Date(now).toISOString());
      pruneSnapshots.run(snapshot.userId, new Date(now - SCOPE_SNAPSHOT_KEEP_MS).toISOString());
      return Promise.resolve();
    },
    scopeSnapshot(fingerprint) {
      const row = selectSnapshot.get(fingerprint);
      if (!row) return Promise.resolve(null);
      return Promise.resolve({
        fingerprint: row.fingerprint,
        userId: row.user_id,
        caseIds: JSON.parse(row.case_ids) as string[],
        clientIds: JSON.parse(row.client_ids) as string[],
      });
    },
    listHeldBack(limit) {
      return Promise.resolve(selectHeld.all(limit).map(heldOf));
    },
    markHeldDealtWith(id, by, at) {
      const row = markDealtWith.get(at, by, id);
      return Promise.resolve(row ? heldOf(row) : null);
    },
    quarantinedFromDevice(collection, deviceId, afterId, limit) {
      const rows = selectQuarantine.all(deviceId, collection, afterId, limit);
      return Promise.resolve(
        rows.map((r): DeviceQuarantineRow => ({ rowId: r.id, documentId: r.document_id, writeId: r.write_id, code: r.code, document: JSON.parse(r.document) as unknown })),
      );
    },
  };
}
