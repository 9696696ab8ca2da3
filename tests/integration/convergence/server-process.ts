/**
 * The sync server as a real child process (`node --import tsx sync-server/main.ts`) on a fixed store
 * (a data dir for SQLite, a schema for PostgreSQL), so the convergence run can kill it with SIGKILL
 * mid-write and start it again on the same data. Each start gets a fresh port; the fault proxy is
 * told the new address.
 */
import type { ChildProcess } from 'node:child_process';
import { start } from '../server/support/spawn';

export interface StoreLocation {
  dataDir: string;
  databaseUrl: string | null;
  pgSchema?: string;
}

export interface ServerProcess {
  url: string;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

const MAIN = 'sync-server/main.ts';
/** Shared by every instance on one store, so a tablet's key does not depend on which one answered. */
const KEY_SECRET = 'convergence-test-key-secret-0123456789abcdef';

export function serverEnv(store: StoreLocation): Record<string, string> {
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: store.dataDir,
    SEED_DEMO: 'true',
    LOG_REQUESTS: 'false',
    RATE_LIMIT_PER_MINUTE: '1000000',
    RESONANCE_KEY_SECRET: KEY_SECRET,
    DIST_DIR: '/nonexistent-resonance-dist',
  };
  if (store.databaseUrl) env.DATABASE_URL = store.databaseUrl;
  if (store.pgSchema) env.DATABASE_SCHEMA = store.pgSchema;
  return env;
}

export async function startServerProcess(store: StoreLocation): Promise<ServerProcess> {
  const child: ChildProcess = start(MAIN, [], serverEnv(store));
  let out = '';
  let err = '';
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in 60 s: ${out}${err}`)), 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code} before listening: ${out}${err}`));
    });
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /"msg":"listening","url":"([^"]+)"/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
  return {
    url,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
