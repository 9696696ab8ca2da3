/**
 * Chooses the adapter: PostgreSQL when a database URL is configured, otherwise SQLite under the data
 * directory. The rest of the server only ever sees `Store`.
 */
import path from 'node:path';
import { openPostgresStore } from './postgres/index';
import { openSqliteStore } from './sqlite/index';
import type { Store } from './types';

export interface StorageConfig {
  dataDir: string;
  databaseUrl: string | null;
  /** PostgreSQL schema; tests use a fresh one per run. */
  pgSchema?: string;
}

export const SQLITE_FILE = 'resonance.db';

export async function openStore(config: StorageConfig): Promise<Store> {
  if (config.databaseUrl) {
    return openPostgresStore({ connectionString: config.databaseUrl, ...(config.pgSchema ? { schema: config.pgSchema } : {}) });
  }
  return openSqliteStore({ file: path.join(config.dataDir, SQLITE_FILE) });
}
