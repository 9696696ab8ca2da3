/**
 * Server configuration: defaults, reading from the environment with one clear message per problem,
 * and filling in a partial config (what tests pass to `startServer`).
 */
import fs from 'node:fs';
import { err, ok, type Result } from '#shared/lib/result';

export interface ServerConfig {
  port: number;
  host: string;
  /** SQLite file and other local state live here. */
  dataDir: string;
  /** Built app served at `/`. */
  distDir: string;
  /** PostgreSQL when set; SQLite otherwise. */
  databaseUrl: string | null;
  /** PostgreSQL schema (search_path); tests use a fresh one per run. */
  pgSchema: string;
  tlsCert: string | null;
  tlsKey: string | null;
  nodeEnv: string;
  tokenTtlDays: number;
  /** Seed the demo organisation into an empty store. Default: on unless NODE_ENV=production. */
  seedDemo: boolean;
  /** Write JSON request logs to stdout. Default on, except under NODE_ENV=test (keeps test output readable). */
  logRequests: boolean;
  /** Requests per minute one token may make before 429 (see http/rate-limit.ts for the default). */
  requestsPerMinute: number;
  /** Failed logins per account, and per address, in the window before 429. */
  loginFailuresPerAccount: number;
  loginFailuresPerAddress: number;
  /** Interval of the stream's heartbeat comment (and token re-check). */
  heartbeatMs: number;
  /**
   * Server key for each tablet's `deviceKeySecret` (auth/device-key.ts), from RESONANCE_KEY_SECRET.
   * Null: a key file is created once in dataDir (mode 0600). Several instances must share one.
   */
  keySecret: string | null;
}

/**
 * Tokens live 30 days: a tablet that syncs at least monthly never has to sign in online again, which
 * matters where connections are rare; revocation (A4) covers a lost device sooner.
 */
export const DEFAULT_TOKEN_TTL_DAYS = 30;
/** Capped at a year so a forgotten device cannot hold a token forever. */
export const MAX_TOKEN_TTL_DAYS = 365;
/**
 * 600 a minute (10 a second) per token: a full sync round is two requests per collection plus paging,
 * a first sync of 10,000 records at 100 per page is ~100 requests; 600 leaves room for both while a
 * runaway client loop is stopped within a minute.
 */
export const DEFAULT_REQUESTS_PER_MINUTE = 600;
/** 10 wrong passwords per account per 15 minutes: enough for honest typos, far too few to guess. */
export const DEFAULT_LOGIN_FAILURES_PER_ACCOUNT = 10;
/**
 * 30 per address: staff at one office share one public address, so the per-address limit is looser
 * than the per-account one while still stopping one machine trying many accounts.
 */
export const DEFAULT_LOGIN_FAILURES_PER_ADDRESS = 30;
/**
 * 15 s: sync.md L1 asks for at least every 30 s; half that keeps the stream alive through proxies and
 * mobile carriers that drop idle connections after 30-60 s, and bounds how long a revoked token's
 * stream stays open on another instance (A4) at a cost of a few bytes per device.
 */
export const DEFAULT_HEARTBEAT_MS = 15_000;

export function defaultConfig(env: NodeJS.ProcessEnv = {}): ServerConfig {
  const nodeEnv = env.NODE_ENV ?? 'development';
  return {
    port: 8080,
    host: '0.0.0.0',
    dataDir: './data',
    distDir: './dist',
    databaseUrl: null,
    pgSchema: 'public',
    tlsCert: null,
    tlsKey: null,
    nodeEnv,
    tokenTtlDays: DEFAULT_TOKEN_TTL_DAYS,
    seedDemo: nodeEnv !== 'production',
    logRequests: nodeEnv !== 'test',
    requestsPerMinute: DEFAULT_REQUESTS_PER_MINUTE,
    loginFailuresPerAccount: DEFAULT_LOGIN_FAILURES_PER_ACCOUNT,
    loginFailuresPerAddress: DEFAULT_LOGIN_FAILURES_PER_ADDRESS,
    heartbeatMs: DEFAULT_HEARTBEAT_MS,
    keySecret: null,
  };
}

/** A partial config (from a test or the environment) with defaults filled in. */
export function resolveConfig(partial: Partial<ServerConfig> = {}): ServerConfig {
  const base = defaultConfig({ NODE_ENV: partial.nodeEnv ?? process.env.NODE_ENV });
  const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
  return { ...base, ...defined };
}

function int(name: string, raw: string, min: number, max: number, problems: string[]): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
  }
  return n;
}

function bool(name: string, raw: string, problems: string[]): boolean {
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  problems.push(`${name} must be true or false (got "${raw}").`);
  return false;
}

/** Reads the environment; collects every problem so the operator fixes them all in one go. */
export function loadConfig(env: NodeJS.ProcessEnv): Result<ServerConfig, 'config'> {
  const config = defaultConfig(env);
  const problems: string[] = [];
  const get = (name: string): string | undefined => (env[name] === undefined || env[name] === '' ? undefined : env[name]);

  const port = get('PORT');
  if (port !== undefined) config.port = int('PORT', port, 0, 65535, problems);
  config.host = get('HOST') ?? config.host;
  config.dataDir = get('DATA_DIR') ?? config.dataDir;
  config.distDir = get('DIST_DIR') ?? config.distDir;
  const url = get('DATABASE_URL');
  if (url !== undefined) {
    if (!/^postgres(ql)?:\/\//.test(url)) problems.push('DATABASE_URL must start with postgres:// or postgresql://.');
    config.databaseUrl = url;
  }
  const schema = get('DATABASE_SCHEMA');
  if (schema !== undefined) {
    if (!/^[a-z_][a-z0-9_]{0,40}$/.test(schema)) problems.push('DATABASE_SCHEMA must be lower-case letters, digits and underscores.');
    config.pgSchema = schema;
  }
  const cert = get('TLS_CERT');
  const key = get('TLS_KEY');
  if ((cert === undefined) !== (key === undefined)) problems.push('TLS_CERT and TLS_KEY must be set together (paths to the PEM certificate and key).');
  for (const [name, file] of [['TLS_CERT', cert], ['TLS_KEY', key]] as const) {
    if (file !== undefined && !fs.existsSync(file)) problems.push(`${name} points to ${file}, which does not exist.`);
  }
  config.tlsCert = cert ?? null;
  config.tlsKey = key ?? null;
  const ttl = get('TOKEN_TTL_DAYS');
  if (ttl !== undefined) config.tokenTtlDays = int('TOKEN_TTL_DAYS', ttl, 1, MAX_TOKEN_TTL_DAYS, problems);
  const seed = get('SEED_DEMO');
  if (seed !== undefined) config.seedDemo = bool('SEED_DEMO', seed, problems);
  const logs = get('LOG_REQUESTS');
  if (logs !== undefined) config.logRequests = bool('LOG_REQUESTS', logs, problems);
  const rpm = get('RATE_LIMIT_PER_MINUTE');
  if (rpm !== undefined) config.requestsPerMinute = int('RATE_LIMIT_PER_MINUTE', rpm, 1, 1_000_000, problems);
  const keySecret = get('RESONANCE_KEY_SECRET');
  if (keySecret !== undefined) {
    if (keySecret.length < 32) problems.push('RESONANCE_KEY_SECRET must be at least 32 characters (for example: openssl rand -base64 32).');
    config.keySecret = keySecret;
  }
  if (config.nodeEnv === 'production' && config.seedDemo) problems.push('SEED_DEMO cannot be true when NODE_ENV=production: the demo accounts share a public password.');

  if (problems.length > 0) return err('config', `The server configuration has ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`, problems);
  return ok(config);
}
