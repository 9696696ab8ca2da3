/**
 * Serves the built app from distDir at `/`, with an SPA fallback to index.html for navigations.
 * Never used for /api (app.ts answers unknown /api routes with the 404 envelope first).
 *
 * Cache rules, each for a reason:
 * - index.html, sw.js, registerSW.js, the web manifest: `no-cache` (revalidate every time). The
 *   service worker and the page that registers it must be fresh or an update is never seen (D4).
 * - /assets/* and workbox-<hash>.js: `immutable`, a year. Vite names them by content hash, so a
 *   changed file always has a new URL.
 * - Anything else (icons, robots.txt): `no-cache` with an ETag: cheap 304s, never stale.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'hono';
import { ApiError } from './errors';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

export function cacheControlFor(urlPath: string): string {
  if (urlPath.startsWith('/assets/')) return IMMUTABLE;
  if (/^\/workbox-[0-9a-f]{8,}\.js$/.test(urlPath)) return IMMUTABLE;
  return REVALIDATE;
}

/** A request a browser makes to show a page (not a script, image or fetch of a file). */
function isNavigation(c: Context, urlPath: string): boolean {
  const accept = c.req.header('accept') ?? '';
  return accept.includes('text/html') || path.extname(urlPath) === '';
}

async function fileAt(root: string, urlPath: string): Promise<{ file: string; size: number; mtimeMs: number } | null> {
  const file = path.join(root, urlPath);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) return await fileAt(root, path.posix.join(urlPath, 'index.html'));
    return stat.isFile() ? { file, size: stat.size, mtimeMs: stat.mtimeMs } : null;
  } catch {
    return null;
  }
}

async function send(c: Context, found: { file: string; size: number; mtimeMs: number }, cacheControl: string): Promise<Response> {
  const etag = `W/"${found.size.toString(16)}-${Math.floor(found.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> = {
    'Content-Type': TYPES[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': cacheControl,
    ETag: etag,
    'X-Content-Type-Options': 'nosniff',
  };
  if (c.req.header('if-none-match') === etag) return new Response(null, { status: 304, headers });
  const body = c.req.method === 'HEAD' ? null : await fs.readFile(found.file);
  return new Response(body, { status: 200, headers: { ...headers, 'Content-Length': String(found.size) } });
}

export function serveApp(distDir: string) {
  const root = path.resolve(distDir);
  return async (c: Context): Promise<Response> => {
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(c.req.path);
    } catch {
      throw new ApiError('bad-request', 'The address is not valid.');
    }
    if (urlPath.includes('\0')) throw new ApiError('not-found', 'Nothing here.');
    const found = await fileAt(root, urlPath);
    if (found) return send(c, found, path.basename(found.file) === 'index.html' ? REVALIDATE : cacheControlFor(urlPath));
    if (!isNavigation(c, urlPath)) throw new ApiError('not-found', `There is no file at ${urlPath}.`);
    const index = await fileAt(root, '/index.html');
    if (!index) throw new ApiError('not-found', 'The app has not been built on this server. Run `npm run build`, then restart.');
    return send(c, index, REVALIDATE);
  };
}
