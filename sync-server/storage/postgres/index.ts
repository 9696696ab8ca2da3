/**
 * The PostgreSQL adapter: a connection pool for queries, one LISTEN connection for cross-instance
 * pokes (L2), migrations applied on open. Several server instances may share one database.
 *
 * `schema` (default `public`) selects a PostgreSQL schema through the connection's search_path, so
 * test runs can each use a fresh schema on one database without colliding; the NOTIFY channel name
 * includes it for the same reason.
 */
import { Pool } from 'pg';
import { MIGRATIONS } from '../migrations/index';
import { ChangeHub } from '../change-hub';
import type { Store } from '../types';
import { createPostgresAccounts } from './accounts';
import { createPostgresDocs, SEQ_LOCK } from './docs';
import { startListener } from './listen';

export interface PostgresOptions {
  connectionString: string;
  schema?: string;
  /**
   * Pool size. 10 (pg's default) covers a small instance: a push holds one connection for a few
   * milliseconds and pulls are single queries; PostgreSQL's own default limit is 100 connections, so
   * several instances fit.
   */
  maxConnections?: number;
}

/** Held while migrating, so two instances starting together do not both apply a migration. */
const MIGRATION_LOCK = SEQ_LOCK + 1;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,40}$/;

async function migrate(pool: Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)');
    const applied = new Set((await client.query<{ id: string }>('SELECT id FROM schema_migrations')).rows.map((r) => r.id));
    for (const migration of [...MIGRATIONS].sort((a, b) => a.id.localeCompare(b.id))) {
      if (applied.has(migration.id)) continue;
      await client.query(migration.postgres);
      await client.query('INSERT INTO schema_migrations (id, applied_at) VALUES ($1, now())', [migration.id]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export async function openPostgresStore(options: PostgresOptions): Promise<Store> {
  const schema = options.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema)) throw new Error(`PostgreSQL schema name "${schema}" must be lower-case letters, digits and underscores.`);
  const pgOptions = `-c search_path=${schema}`;
  const pool = new Pool({ connectionString: options.connectionString, options: pgOptions, max: options.maxConnections ?? 10 });
  // An idle client that loses its connection emits 'error' on the pool; without a handler Node exits.
  pool.on('error', () => undefined);
  try {
    await migrate(pool, schema);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const hub = new ChangeHub();
  const channel = schema === 'public' ? 'resonance_changes' : `resonance_changes_${schema}`;
  const listener = await startListener(options.connectionString, pgOptions, pool, hub, channel);
  return {
    kind: 'postgres',
    ...createPostgresDocs(pool, hub, channel),
    ...createPostgresAccounts(pool),
    async appliedMigrations() {
      return (await pool.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id')).rows.map((r) => r.id);
    },
    async close() {
      await listener.close();
      await pool.end();
    },
  };
}
