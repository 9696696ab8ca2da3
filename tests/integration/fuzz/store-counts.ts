/**
 * Row counts of every table a request could write (documents, audit, quarantine, accounts, admin
 * audit, settings), in one query over one open connection, so the fuzz can check after every refused
 * request that nothing was stored.
 */
import path from 'node:path';
import { Client } from 'pg';
import { SQLITE_FILE } from '../../../sync-server/storage/open';
import type { ServerConfig } from '../../../sync-server/config';

const TABLES = ['documents', 'audit', 'quarantine', 'users', 'user_teams', 'teams', 'devices', 'tokens', 'enrolment_codes', 'admin_audit', 'settings'];

export interface Counter {
  counts(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

export async function openCounter(storage: Partial<ServerConfig>): Promise<Counter> {
  if (storage.databaseUrl) {
    const client = new Client({ connectionString: storage.databaseUrl, options: `-c search_path=${storage.pgSchema ?? 'public'}` });
    await client.connect();
    const present = (await client.query<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = $1`, [storage.pgSchema ?? 'public'])).rows.map((r) => r.t);
    const tables = TABLES.filter((t) => present.includes(t));
    const sql = `SELECT ${tables.map((t) => `(SELECT COUNT(*) FROM ${t}) AS ${t}`).join(', ')}`;
    return {
      async counts() {
        const row = (await client.query<Record<string, string>>(sql)).rows[0] ?? {};
        return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
      },
      close: () => client.end(),
    };
  }
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path.join(storage.dataDir ?? '', SQLITE_FILE), { readonly: true });
  const present = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name);
  const tables = TABLES.filter((t) => present.includes(t));
  const stmt = db.prepare(`SELECT ${tables.map((t) => `(SELECT COUNT(*) FROM ${t}) AS ${t}`).join(', ')}`);
  return {
    counts: () => Promise.resolve(stmt.get() as Record<string, number>),
    close: () => Promise.resolve(void db.close()),
  };
}
