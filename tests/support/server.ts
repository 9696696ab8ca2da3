/**
 * Starts the app for a browser test or benchmark: the real sync server (sync-server/main.ts
 * `startServer`) on a free port with a fresh temporary data directory, so every test starts from the
 * seeded demo organisation and leaves nothing behind. Until the sync server exists in this tree it
 * falls back to the static server for dist/ (tests/support/static-server.ts), which is enough for
 * service-worker tests; tests that need the API check `server.kind`.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST_DIR, REPO_ROOT, requireBuiltDist } from './dist';
import { startStaticServer, type RunningServer } from './static-server';

export interface TestServerOptions {
  /** Built app to serve; dist/ by default. */
  distDir?: string;
  /** Serve only the static app (no sync API), e.g. to swap the served files mid-test. */
  staticOnly?: boolean;
}

export interface TestServer extends RunningServer {
  /** 'sync-server' when the real server answers /api, 'static' for the fallback. */
  kind: 'sync-server' | 'static';
}

type StartServer = (config: Record<string, unknown>) => Promise<RunningServer>;

const SYNC_SERVER_MAIN = join(REPO_ROOT, 'sync-server', 'main.ts');

async function loadStartServer(): Promise<StartServer | null> {
  if (!existsSync(SYNC_SERVER_MAIN)) return null;
  const mod: unknown = await import(pathToFileURL(SYNC_SERVER_MAIN).href);
  if (typeof mod === 'object' && mod !== null && 'startServer' in mod && typeof mod.startServer === 'function') {
    const start = mod.startServer as StartServer;
    return start;
  }
  return null;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const distDir = requireBuiltDist(options.distDir ?? DIST_DIR);
  const startServer = options.staticOnly ? null : await loadStartServer();
  if (!startServer) return { ...(await startStaticServer({ root: distDir })), kind: 'static' };
  const dataDir = await mkdtemp(join(tmpdir(), 'resonance-data-'));
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, distDir });
  return {
    kind: 'sync-server',
    url: server.url.replace(/\/$/, ''),
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
