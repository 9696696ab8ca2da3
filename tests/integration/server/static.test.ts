/**
 * Serving the built app at `/` (not a sync rule, but D4 depends on it): SPA fallback for navigations,
 * cache headers per file kind, conditional GETs, and /api kept apart from the fallback.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapters } from './support/adapters';
import { startHarness, type Harness } from './support/harness';

const [sqlite] = adapters();

/** A chunk big enough to be worth compressing (20 KB of repetitive script, as bundles are). */
const BIG_JS = Array.from({ length: 400 }, (_, i) => `export const value${i} = { id: ${i}, label: "item ${i}" };`).join('\n');

/** GET with exactly these headers and the raw (still encoded) body: fetch would decode it. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

function makeDist(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resonance-dist-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Resonance</title>');
  fs.writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  fs.writeFileSync(path.join(dir, 'manifest.webmanifest'), '{"name":"Resonance"}');
  fs.writeFileSync(path.join(dir, 'workbox-1a2b3c4d.js'), '// workbox');
  fs.writeFileSync(path.join(dir, 'icon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  fs.writeFileSync(path.join(dir, 'assets', 'index-Dx9f3a1b.js'), 'console.log(1);');
  fs.writeFileSync(path.join(dir, 'assets', 'data-Ab12cd34.js'), BIG_JS);
  fs.writeFileSync(path.join(dir, 'photo.png'), Buffer.alloc(4096, 7));
  return dir;
}

describe('static app', () => {
  let h: Harness;
  let dist: string;

  beforeAll(async () => {
    if (!sqlite) throw new Error('no adapter');
    dist = makeDist();
    h = await startHarness(sqlite, { distDir: dist });
  });

  afterAll(async () => {
    await h.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  const get = (p: string, headers: Record<string, string> = {}) => fetch(`${h.url}${p}`, { headers });

  it('serves index.html at / and for app routes (SPA fallback), never cached without revalidation', async () => {
    for (const p of ['/', '/cases/abc', '/kiosk']) {
      const res = await get(p, { accept: 'text/html' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<title>Resonance</title>');
    }
  });

  it('serves sw.js and the manifest with no-cache, hashed assets as immutable', async () => {
    const sw = await get('/sw.js');
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    expect(sw.headers.get('content-type')).toMatch(/javascript/);
    expect((await get('/manifest.webmanifest')).headers.get('cache-control')).toBe('no-cache');
    expect((await get('/icon.png')).headers.get('cache-control')).toBe('no-cache');
    for (const p of ['/assets/index-Dx9f3a1b.js', '/workbox-1a2b3c4d.js']) {
      expect((await get(p)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
  });

  it('answers a conditional GET with 304 and a missing asset with 404, not the app', async () => {
    const first = await get('/sw.js');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    expect((await get('/sw.js', { 'if-none-match': etag })).status).toBe(304);
    const missing = await get('/assets/gone-12345678.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/json/);
  });

  it('never serves files outside the dist folder', async () => {
    for (const p of ['/%2e%2e/package.json', '/..%2fpackage.json', '/assets/%2e%2e/%2e%2e/package.json']) {
      const res = await get(p);
      expect(res.status).toBe(404);
    }
  });

  it('[B1] /api routes never fall back to the app', async () => {
    const res = await get('/api/not-a-route', { accept: 'text/html' });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not-found' } });
  });

  it('sends text files brotli- or gzip-encoded as Accept-Encoding allows, with Vary, and identity otherwise', async () => {
    const url = `${h.url}/assets/data-Ab12cd34.js`;
    const br = await rawGet(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(BIG_JS);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(BIG_JS.length / 4);

    const gz = await rawGet(url, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(BIG_JS);

    for (const accept of ['identity', 'br;q=0, gzip;q=0', '']) {
      const plain = await rawGet(url, accept ? { 'accept-encoding': accept } : {});
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString()).toBe(BIG_JS);
    }
    for (const res of [br, gz]) {
      expect(res.headers.vary).toBe('Accept-Encoding');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    // A cache must never hand one encoding's bytes to a request that asked for another.
    expect(new Set([br.headers.etag, gz.headers.etag]).size).toBe(2);
  });

  it('answers a conditional GET of a compressed file with 304 for its own ETag, and sends it again for another', async () => {
    const url = `${h.url}/assets/data-Ab12cd34.js`;
    const first = await rawGet(url, { 'accept-encoding': 'br' });
    const etag = String(first.headers.etag);
    const again = await rawGet(url, { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const otherEncoding = await rawGet(url, { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(otherEncoding.status).toBe(200);
    expect(otherEncoding.headers['content-encoding']).toBe('gzip');
  });

  it('leaves small files and images uncompressed', async () => {
    for (const p of ['/assets/index-Dx9f3a1b.js', '/photo.png']) {
      const res = await rawGet(`${h.url}${p}`, { 'accept-encoding': 'br, gzip' });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
    }
  });

  it('serves a rebuilt file fresh, not the compressed copy of the old one', async () => {
    const file = path.join(dist, 'assets', 'data-Ab12cd34.js');
    const url = `${h.url}/assets/data-Ab12cd34.js`;
    await rawGet(url, { 'accept-encoding': 'br' });
    const rebuilt = `${BIG_JS}\nexport const extra = 1;`;
    fs.writeFileSync(file, rebuilt);
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    const res = await rawGet(url, { 'accept-encoding': 'br' });
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(rebuilt);
    fs.writeFileSync(file, BIG_JS);
  });
});
