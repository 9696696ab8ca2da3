/**
 * Reads the server's own tables directly (SQLite file or PostgreSQL schema) for what the HTTP API
 * cannot show a test: the audit trail (one row per applied write) and the quarantine.
 */
import path from 'node:path';
import { Client } from 'pg';
import { SQLITE_FILE } from '../../../sync-server/storage/open';
import type { StoreLocation } from './server-process';

export interface AuditRow {
  collection: string;
  documentId: string;
  writeId: string;
  n: number;
}

async function query<T>(store: StoreLocation, sql: string): Promise<T[]> {
  if (store.databaseUrl) {
    const client = new Client({ connectionString: store.databaseUrl, options: `-c search_path=${store.pgSchema ?? 'public'}` });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  }
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path.join(store.dataDir, SQLITE_FILE), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

/** Audit rows grouped by write: `n` is how many times that write was applied. */
export async function auditByWrite(store: StoreLocation): Promise<AuditRow[]> {
  const rows = await query<{ collection: string; document_id: string; write_id: string; n: number | string }>(
    store,
    'SELECT collection, document_id, write_id, COUNT(*) AS n FROM audit GROUP BY collection, document_id, write_id',
  );
  return rows.map((r) => ({ collection: r.collection, documentId: r.document_id, writeId: r.write_id, n: Number(r.n) }));
}

export async function quarantineRows(store: StoreLocation): Promise<{ collection: string; document_id: string; code: string; reason: string }[]> {
  return query(store, 'SELECT collection, document_id, code, reason FROM quarantine');
}

export async function tableCount(store: StoreLocation, table: 'documents' | 'audit' | 'quarantine'): Promise<number> {
  const rows = await query<{ n: number | string }>(store, `SELECT COUNT(*) AS n FROM ${table}`);
  return Number(rows[0]?.n ?? 0);
}
