/**
 * Storage and server helpers the sync suites share: a fresh SQLite folder or PostgreSQL schema per
 * run, the real server in the bench process on a free port with a quiet logger, and sign-in over
 * HTTP. Suites that run the server as its own process use lib/server-process.ts on top of these.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import type { ServerConfig } from '../../../sync-server/config';
import type { Logger } from '../../../sync-server/log';
import { startServer, type RunningServer } from '../../../sync-server/main';
import type { BenchContext } from './types';


/**
 * PostgreSQL for the bench: BENCH_PG_URL, else the local test database the integration suites use.
 * The bench only ever creates and drops its own `bench_*` schemas in it.
 */
export const BENCH_PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** 3 s to connect: a local PostgreSQL answers in milliseconds; longer means it is not there. */
const PG_CONNECT_TIMEOUT_MS = 3_000;

export type StorageKind = 'sqlite' | 'postgres';
export const STORAGE_LABEL: Record<StorageKind, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

/** Where one run's server keeps its data, and how to remove it afterwards. */
export interface BenchStorage {
  kind: StorageKind;
  config: Pick<ServerConfig, 'dataDir' | 'databaseUrl'> & Partial<Pick<ServerConfig, 'pgSchema'>>;
  cleanup(): Promise<void>;
}

/** Whether PostgreSQL answers at `url`; the reason when it does not, for the log. */
export async function pgReachable(url: string = BENCH_PG_URL): Promise<{ ok: true } | { ok: false; reason: string }> {
  const client = new PgClient({ connectionString: url, connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The storages to measure: SQLite always, PostgreSQL when it answers (the log says when it does not). */
export async function benchStorages(ctx: BenchContext): Promise<StorageKind[]> {
  const pg = await pgReachable();
  if (pg.ok) return ['sqlite', 'postgres'];
  ctx.log(`PostgreSQL is not reachable at ${BENCH_PG_URL} (${pg.reason}): PostgreSQL figures are skipped. Set BENCH_PG_URL to measure them.`);
  return ['sqlite'];
}

async function dropSchema(schema: string): Promise<void> {
  const client = new PgClient({ connectionString: BENCH_PG_URL, connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, empty place for one run: a new folder (SQLite) or a new schema (PostgreSQL; the server
 * creates it on open). `cleanup` removes it; call it after the servers using it have closed.
 */
export async function freshStorage(ctx: BenchContext, kind: StorageKind): Promise<BenchStorage> {
  const dataDir = await mkdtemp(join(ctx.tmpDir, 'server-'));
  const removeDir = () => rm(dataDir, { recursive: true, force: true });
  if (kind === 'sqlite') return { kind, config: { dataDir, databaseUrl: null }, cleanup: removeDir };
  // Lower-case letters, digits and underscores: what the PostgreSQL adapter accepts as a schema name.
  const schema = `bench_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  return {
    kind,
    config: { dataDir, databaseUrl: BENCH_PG_URL, pgSchema: schema },
    async cleanup() {
      await dropSchema(schema);
      await removeDir();
    },
  };
}

/** The server's log, quiet except for warnings and errors, which go to the bench log. */
export function benchLogger(ctx: BenchContext): Logger {
  return {
    log(level, msg, fields) {
      if (level !== 'info') ctx.log(`server ${level}: ${msg} ${JSON.stringify(fields ?? {})}`);
    },
  };
}

/** The real server on a free port of 127.0.0.1, without the demo seed unless asked. */
export function startBenchServer(ctx: BenchContext, storage: BenchStorage, extra: Partial<ServerConfig> = {}): Promise<RunningServer> {
  return startServer({ ...storage.config, port: 0, host: '127.0.0.1', seedDemo: false, logRequests: false, ...extra }, benchLogger(ctx));
}

/** `POST /api/auth/login`; returns the bearer token. */
export async function login(baseUrl: string, email: string, password: string, deviceId: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, deviceId, deviceName: 'bench' }),
  });
  if (!res.ok) throw new Error(`login as ${email} answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { token?: unknown };
  if (typeof body.token !== 'string') throw new Error('login answered without a token');
  return body.token;
}
