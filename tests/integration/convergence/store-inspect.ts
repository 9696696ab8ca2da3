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
  actions: string[];
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

/** Audit rows grouped by write: `n` is how many rows that write has, `actions` what each row says. */
export async function auditByWrite(store: StoreLocation): Promise<AuditRow[]> {
  const rows = await query<{ collection: string; document_id: string; write_id: string; action: string }>(
    store,
    'SELECT collection, document_id, write_id, action FROM audit ORDER BY id',
  );
  const byWrite = new Map<string, AuditRow>();
  for (const r of rows) {
    const key = `${r.collection}|${r.document_id}|${r.write_id}`;
    const row = byWrite.get(key) ?? { collection: r.collection, documentId: r.document_id, writeId: r.write_id, n: 0, actions: [] };
    row.n++;
    row.actions.push(r.action);
    byWrite.set(key, row);
  }
  return [...byWrite.values()];
}

export async function quarantineRows(store: StoreLocation): Promise<{ collection: string; document_id: string; code: string; reason: string }[]> {
  return query(store, 'SELECT collection, document_id, code, reason FROM quarantine');
}

export async function tableCount(store: StoreLocation, table: 'documents' | 'audit' | 'quarantine'): Promise<number> {
  const rows = await query<{ n: number | string }>(store, `SELECT COUNT(*) AS n FROM ${table}`);
  return Number(rows[0]?.n ?? 0);
}
