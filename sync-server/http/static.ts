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
 *
 * Compression: text files (HTML, JS, CSS, JSON, the manifest, SVG, source maps) of at least
 * MIN_COMPRESS_BYTES go out brotli- or gzip-encoded when the request's Accept-Encoding allows
 * (brotli preferred), with `Vary: Accept-Encoding` and an ETag per encoding. Each file is compressed
 * once per version (size and mtime) and kept in memory, so the one-off cost falls on the first
 * request after a deploy, never on every request. Images and fonts are already compressed.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
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

/** Below about a kilobyte, compression saves less than the header and the CPU cost. */
const MIN_COMPRESS_BYTES = 1024;
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.txt', '.map', '.wasm']);

type Encoding = 'br' | 'gzip';
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
/**
 * Brotli quality 9: within a few per cent of the maximum (11) on our JS at a fraction of the time,
 * so the first request after a deploy is not held up by a second of compression per chunk.
 */
const BROTLI_OPTIONS = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } };

/** Which encoding to send, from Accept-Encoding: brotli, then gzip, never one refused with q=0. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  const offered = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    offered.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const allowed = (name: Encoding) => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
  if (allowed('br')) return 'br';
  if (allowed('gzip')) return 'gzip';
  return null;
}

/** Compressed bodies by file, encoding and version (size-mtime); a new build replaces the entries. */
const compressedCache = new Map<string, { version: string; body: Promise<Buffer> }>();

function compressed(file: string, version: string, encoding: Encoding): Promise<Buffer> {
  const key = `${encoding}:${file}`;
  const hit = compressedCache.get(key);
  if (hit?.version === version) return hit.body;
  const body = fs.readFile(file).then((raw) => (encoding === 'br' ? brotli(raw, BROTLI_OPTIONS) : gzip(raw, { level: 9 })));
  // A failed compression is not cached: the next request tries again.
  body.catch(() => compressedCache.delete(key));
  compressedCache.set(key, { version, body });
  return body;
}

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
  const version = `${found.size.toString(16)}-${Math.floor(found.mtimeMs).toString(16)}`;
  const compressible = COMPRESSIBLE.has(path.extname(found.file).toLowerCase()) && found.size >= MIN_COMPRESS_BYTES;
  const encoding = compressible ? chooseEncoding(c.req.header('accept-encoding')) : null;
  const etag = encoding ? `W/"${version}-${encoding}"` : `W/"${version}"`;
  const headers: Record<string, string> = {
    'Content-Type': TYPES[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': cacheControl,
    ETag: etag,
    'X-Content-Type-Options': 'nosniff',
  };
  // Caches must key compressible files on Accept-Encoding, whichever variant this request got.
  if (compressible) headers.Vary = 'Accept-Encoding';
  if (encoding) headers['Content-Encoding'] = encoding;
  const ifNoneMatch = c.req.header('if-none-match');
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) {
    return new Response(null, { status: 304, headers });
  }
  const body = encoding ? await compressed(found.file, version, encoding) : await fs.readFile(found.file);
  return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: { ...headers, 'Content-Length': String(body.length) } });
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
