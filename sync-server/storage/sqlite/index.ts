/**
 * The SQLite adapter: one file under DATA_DIR, WAL mode, migrations applied on open.
 *
 * Pragmas, each for a reason:
 * - journal_mode=WAL: readers (pulls) never block the writer (pushes) and vice versa.
 * - synchronous=FULL: a push answered 200 is never resent by the device, so a commit must survive a
 *   power cut; NORMAL could lose the last transactions (product.md: nothing typed is ever lost).
 * - busy_timeout=5000: the admin CLI is a second process writing the same file; it waits up to 5 s
 *   for the server's write lock instead of failing at once. 5 s is far above any one batch.
 * - foreign_keys=ON: SQLite leaves them off by default.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../migrations/index';
import { ChangeHub } from '../change-hub';
import type { Store } from '../types';
import { createSqliteAccounts } from './accounts';
import { createSqliteDocs } from './docs';

export interface SqliteOptions {
  /** Path of the database file; its folder is created if missing. */
  file: string;
}

function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set(db.prepare<[], { id: string }>('SELECT id FROM schema_migrations').all().map((r) => r.id));
  const record = db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)');
  for (const migration of [...MIGRATIONS].sort((a, b) => a.id.localeCompare(b.id))) {
    if (applied.has(migration.id)) continue;
    db.transaction(() => {
      db.exec(migration.sqlite);
      record.run(migration.id, new Date().toISOString());
    }).immediate();
  }
}

export function openSqliteStore(options: SqliteOptions): Store {
  fs.mkdirSync(path.dirname(path.resolve(options.file)), { recursive: true });
  const db = new Database(options.file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  const hub = new ChangeHub();
  return {
    kind: 'sqlite',
    ...createSqliteDocs(db, hub),
    ...createSqliteAccounts(db),
    appliedMigrations() {
      return Promise.resolve(db.prepare<[], { id: string }>('SELECT id FROM schema_migrations ORDER BY id').all().map((r) => r.id));
    },
    close() {
      if (db.open) db.close();
      return Promise.resolve();
    },
  };
}
