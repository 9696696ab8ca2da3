/**
 * The storage adapters every integration file runs against: SQLite always, PostgreSQL when
 * TEST_PG_URL is set. Each opening gets a fresh place to write (a temp folder, or a fresh PostgreSQL
 * schema) so runs never collide, and a cleanup that removes it.
 *
 * Without TEST_PG_URL the PostgreSQL cases are not registered at all (never skipped), and a loud
 * warning says so, because a green run then proves nothing about PostgreSQL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { SQLITE_FILE, type StorageConfig } from '../../../../sync-server/storage/open';

export interface AdapterCase {
  name: 'sqlite' | 'postgres';
  /** A fresh, empty storage location; `cleanup` removes it. */
  fresh(): Promise<{ storage: StorageConfig; cleanup: () => Promise<void> }>;
}

export const TEST_PG_URL = process.env.TEST_PG_URL ?? '';

let warned = false;

function warnNoPg(): void {
  if (warned) return;
  warned = true;
  console.warn(
    '\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n' +
      '!!! TEST_PG_URL is not set: PostgreSQL adapter tests are NOT registered.     !!!\n' +
      '!!! Set TEST_PG_URL=postgres://postgres@127.0.0.1:5432/test to run them.     !!!\n' +
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n',
  );
}

const sqlite: AdapterCase = {
  name: 'sqlite',
  fresh() {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'resonance-test-'));
    return Promise.resolve({
      storage: { dataDir, databaseUrl: null },
      cleanup: () => fs.promises.rm(dataDir, { recursive: true, force: true }),
    });
  },
};

/** A schema name unique to this run: time plus randomness, lower-case as the adapter requires. */
export function freshSchemaName(): string {
  return `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

const postgres: AdapterCase = {
  name: 'postgres',
  fresh() {
    const schema = freshSchemaName();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'resonance-test-'));
    return Promise.resolve({
      storage: { dataDir, databaseUrl: TEST_PG_URL, pgSchema: schema },
      cleanup: async () => {
        await dropSchema(schema);
        await fs.promises.rm(dataDir, { recursive: true, force: true });
      },
    });
  },
};

/** The adapters to run: use with `describe.each(adapters())`. */
export function adapters(): AdapterCase[] {
  if (!TEST_PG_URL) {
    warnNoPg();
    return [sqlite];
  }
  return [sqlite, postgres];
}

/**
 * Runs one SQL statement directly against a store's database, bypassing the Store interface; for
 * checking guarantees the interface cannot express (for example that the audit table refuses updates).
 */
export async function rawExec(storage: StorageConfig, sql: string): Promise<void> {
  if (storage.databaseUrl) {
    const client = new Client({ connectionString: storage.databaseUrl, options: `-c search_path=${storage.pgSchema ?? 'public'}` });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
    return;
  }
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path.join(storage.dataDir, SQLITE_FILE));
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}
