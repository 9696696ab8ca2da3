/**
 * A small static server for the built app (dist/) with the same rules the sync server follows for
 * it: files as they are, index.html for any other path outside /api (SPA fallback), sw.js never
 * cached by HTTP, hashed assets cached for good. /api answers 404 in the sync server's error envelope,
 * except /api/health. Used when a test needs to change the served files while it runs (the update
 * test serves a second version of the app) and as a stand-in until the sync server serves dist/.
 * Files are read from disk on every request, so changing a file changes what is served next.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

export interface RunningServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:40123 */
  url: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

function cacheControl(path: string): string {
  // Content-hashed by Vite: safe to keep for a year.
  if (path.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  // Everything else (index.html, sw.js, manifest) must be revalidated so updates are seen.
  return 'no-cache';
}

async function fileIfExists(path: string): Promise<string | null> {
  try {
    return (await stat(path)).isFile() ? path : null;
  } catch {
    return null;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** A request the server answers with a 503 once, as a dropped download would fail. */
export type FailOnce = (url: URL) => boolean;

/** Holds a request back: a promise to wait for before serving it, or null to serve it at once. */
export type Hold = (url: URL) => Promise<void> | null;

interface Rules {
  failNow(url: URL): boolean;
  hold?: Hold;
}

async function handle(root: string, req: IncomingMessage, res: ServerResponse, rules: Rules): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const pathname = decodeURIComponent(url.pathname);
  await rules.hold?.(url);
  if (rules.failNow(url)) {
    sendJson(res, 503, { error: { code: 'unavailable', message: 'Failed once on purpose by the test.' } });
    return;
  }
  if (pathname === '/api/health') {
    // A fresh value per request, so a test can tell a network answer from a replayed one.
    sendJson(res, 200, { ok: true, at: new Date().toISOString(), nonce: Math.random() });
    return;
  }
  if (pathname === '/api' || pathname.startsWith('/api/')) {
    sendJson(res, 404, { error: { code: 'not_found', message: 'This test server has no sync API.' } });
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendJson(res, 405, { error: { code: 'method_not_allowed', message: 'Only GET and HEAD are served.' } });
    return;
  }
  const candidate = resolve(root, `.${normalize(pathname)}`);
  const inside = candidate === root || candidate.startsWith(root + sep);
  const file = inside ? await fileIfExists(candidate) : null;
  // SPA fallback: a path with no file of its own is a client-side route.
  const served = file ?? join(root, 'index.html');
  const body = await readFile(served);
  const servedPath = file ? pathname : '/index.html';
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(served)] ?? 'application/octet-stream',
    'cache-control': cacheControl(servedPath),
    'content-length': body.length,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

export async function startStaticServer(options: { root: string; port?: number; failOnce?: FailOnce; hold?: Hold }): Promise<RunningServer & { failed: () => number }> {
  const root = resolve(options.root);
  let failed = 0;
  const failNow = (url: URL): boolean => {
    if (failed > 0 || !options.failOnce?.(url)) return false;
    failed += 1;
    return true;
  };
  const server = createServer((req, res) => {
    handle(root, req, res, { failNow, ...(options.hold ? { hold: options.hold } : {}) }).catch((error: unknown) => {
      sendJson(res, 500, { error: { code: 'internal', message: String(error) } });
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('static server is not listening on TCP');
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${address.port}`,
    failed: () => failed,
    close: () =>
      (closing ??= new Promise<void>((done, fail) => {
        // Browsers keep connections alive; drop them so close() does not wait for their timeout.
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      })),
  };
}
