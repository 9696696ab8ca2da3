/**
 * Serving the built app at `/` (not a sync rule, but D4 depends on it): SPA fallback for navigations,
 * cache headers per file kind, conditional GETs, and /api kept apart from the fallback.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapters } from './support/adapters';
import { startHarness, type Harness } from './support/harness';

const [sqlite] = adapters();

function makeDist(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resonance-dist-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Resonance</title>');
  fs.writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  fs.writeFileSync(path.join(dir, 'manifest.webmanifest'), '{"name":"Resonance"}');
  fs.writeFileSync(path.join(dir, 'workbox-1a2b3c4d.js'), '// workbox');
  fs.writeFileSync(path.join(dir, 'icon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  fs.writeFileSync(path.join(dir, 'assets', 'index-Dx9f3a1b.js'), 'console.log(1);');
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
});
