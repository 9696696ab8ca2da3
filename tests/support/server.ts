/**
 * Starts the app for a browser test or benchmark: the real sync server (`startServer` from
 * sync-server/main.ts) on a free port of 127.0.0.1, serving the built app, with a fresh temporary data
 * directory so every test starts from the seeded demo organisation and leaves nothing behind.
 * `staticOnly` serves just the built files (tests/support/static-server.ts), for tests of the service
 * worker that need no API.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../sync-server/main';
import { DIST_DIR, requireBuiltDist } from './dist';
import { startStaticServer, type FailOnce, type Hold, type RunningServer } from './static-server';

export interface TestServerOptions {
  /** Built app to serve; dist/ by default. A copy from copyDist() may be changed while it is served. */
  distDir?: string;
  /** Serve only the static app (no sync API). */
  staticOnly?: boolean;
  /** Log each request to stdout (off by default: it buries test output). */
  logRequests?: boolean;
  /** Static server only: the first request this matches is answered with a 503. */
  failOnce?: FailOnce;
  /** Static server only: requests this holds back wait until the test lets them go. */
  hold?: Hold;
}

export interface TestServer extends RunningServer {
  /** 'sync-server' when the real server answers /api, 'static' for the static-only server. */
  kind: 'sync-server' | 'static';
  /** The server's data directory (SQLite), null for the static server. */
  dataDir: string | null;
  /** How many requests `failOnce` failed (0 or 1). */
  failed(): number;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const distDir = requireBuiltDist(options.distDir ?? DIST_DIR);
  if (options.staticOnly) {
    const { failOnce, hold } = options;
    return { ...(await startStaticServer({ root: distDir, ...(failOnce ? { failOnce } : {}), ...(hold ? { hold } : {}) })), kind: 'static', dataDir: null };
  }
  if (options.failOnce || options.hold) throw new Error('failOnce and hold are for the static server (staticOnly: true)');
  const dataDir = await mkdtemp(join(tmpdir(), 'resonance-data-'));
  const server = await startServer({
    port: 0,
    // A service worker needs a secure context: http is one only on localhost/127.0.0.1.
    host: '127.0.0.1',
    dataDir,
    distDir,
    seedDemo: true,
    logRequests: options.logRequests ?? false,
  });
  let closed = false;
  return {
    kind: 'sync-server',
    dataDir,
    failed: () => 0,
    url: server.url.replace(/\/$/, ''),
    async close() {
      if (closed) return;
      closed = true;
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
