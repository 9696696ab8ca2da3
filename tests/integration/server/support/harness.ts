/**
 * Starts the real sync server on a free port (port 0) against a fresh store for one test file, and
 * gives tests what they need around it: people to sign in as, an HTTP client with a token, valid
 * documents. Everything talks HTTP with fetch, like a device.
 */
import os from 'node:os';
import path from 'node:path';
import { hashPassword } from '../../../../sync-server/auth/passwords';
import type { ServerConfig } from '../../../../sync-server/config';
import { startServer, type RunningServer } from '../../../../sync-server/main';
import type { Role } from '#shared/domain/roles';
import type { AdapterCase } from './adapters';

export interface Harness {
  server: RunningServer;
  url: string;
  /** Stops the server and removes its store. */
  close(): Promise<void>;
}

export const PASSWORD = 'correct horse battery staple';

/** A dist folder that does not exist: API tests need no app, and the server answers 404 for it. */
const NO_DIST = path.join(os.tmpdir(), 'resonance-no-dist-for-api-tests');

/** Options every test server gets: quiet, no demo data, no built app unless a dist folder is given. */
export function testConfig(storage: Partial<ServerConfig>, options: Partial<ServerConfig> = {}): Partial<ServerConfig> {
  const distDir = options.distDir ?? NO_DIST;
  return { port: 0, host: '127.0.0.1', seedDemo: false, logRequests: false, ...storage, ...options, distDir };
}

export async function startHarness(adapter: AdapterCase, options: Partial<ServerConfig> = {}): Promise<Harness & { storage: Partial<ServerConfig> }> {
  const fresh = await adapter.fresh();
  const storage: Partial<ServerConfig> = {
    dataDir: fresh.storage.dataDir,
    databaseUrl: fresh.storage.databaseUrl,
    ...(fresh.storage.pgSchema ? { pgSchema: fresh.storage.pgSchema } : {}),
  };
  const server = await startServer(testConfig(storage, options));
  return {
    server,
    url: server.url,
    storage,
    async close() {
      await server.close();
      await fresh.cleanup();
    },
  };
}

const hashes = new Map<string, Promise<string>>();

/** Creates a user directly in the store; one scrypt per distinct password per file keeps tests fast. */
export async function addUser(server: RunningServer, user: { email: string; name?: string; role: Role; teamIds?: string[]; password?: string }) {
  const password = user.password ?? PASSWORD;
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(password, hash);
  }
  return server.store.createUser({
    email: user.email,
    name: user.name ?? user.email.split('@')[0] ?? 'User',
    role: user.role,
    passwordHash: await hash,
    teamIds: user.teamIds ?? [],
  });
}

export interface Client {
  token: string;
  get(pathname: string, headers?: Record<string, string>): Promise<Response>;
  post(pathname: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  pull(collection: string, checkpoint?: unknown, limit?: number): Promise<{ documents: Record<string, unknown>[]; checkpoint: { seq: number } }>;
  push(collection: string, rows: unknown[]): Promise<Response>;
}

export function client(url: string, token: string): Client {
  const auth = { authorization: `Bearer ${token}` };
  const api: Client = {
    token,
    get: (pathname, headers = {}) => fetch(`${url}${pathname}`, { headers: { ...auth, ...headers } }),
    post: (pathname, body, headers = {}) =>
      fetch(`${url}${pathname}`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', ...headers },
        body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
      }),
    async pull(collection, checkpoint, limit = 100) {
      const query = new URLSearchParams({ limit: String(limit) });
      if (checkpoint !== undefined) query.set('checkpoint', JSON.stringify(checkpoint));
      const res = await api.get(`/api/sync/v1/${collection}/0/pull?${query.toString()}`);
      if (res.status !== 200) throw new Error(`pull ${collection} answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as { documents: Record<string, unknown>[]; checkpoint: { seq: number } };
    },
    push: (collection, rows) => api.post(`/api/sync/v1/${collection}/0/push`, rows),
  };
  return api;
}

let deviceCounter = 0;

export async function login(url: string, email: string, password = PASSWORD, deviceId = `dev-${process.pid}-${++deviceCounter}`): Promise<Client> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, deviceId, deviceName: 'Test tablet' }),
  });
  if (res.status !== 200) throw new Error(`login ${email} answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { token: string };
  return client(url, body.token);
}

/** Pulls from the start until a short page, as a device does; returns every document seen. */
export async function pullAll(api: Client, collection: string, limit = 100): Promise<Record<string, unknown>[]> {
  const all: Record<string, unknown>[] = [];
  let checkpoint: unknown;
  for (;;) {
    const page = await api.pull(collection, checkpoint, limit);
    all.push(...page.documents);
    checkpoint = page.checkpoint;
    if (page.documents.length < limit) return all;
  }
}

export async function errorOf(res: Response): Promise<{ status: number; code: string; message: string; details: unknown }> {
  const body = (await res.json()) as { error: { code: string; message: string; details: unknown } };
  return { status: res.status, ...body.error };
}
