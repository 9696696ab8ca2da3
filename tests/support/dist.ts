/**
 * The built app the browser tests run against. `npm run test:browser` builds first; a test that finds
 * no build says so instead of failing on a blank page.
 */
import { cp, mkdtemp } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** `RESONANCE_DIST` points the tests at another build (for example one made with `vite build --outDir`). */
export const DIST_DIR = process.env.RESONANCE_DIST ?? join(REPO_ROOT, 'dist');

/** Throws a plain instruction when dist/ has not been built. */
export function requireBuiltDist(distDir: string = DIST_DIR): string {
  for (const file of ['index.html', 'sw.js']) {
    if (!existsSync(join(distDir, file))) {
      throw new Error(`${join(distDir, file)} is missing: run \`npm run build\` before the browser tests.`);
    }
  }
  return distDir;
}

/** A private copy of the build that a test may change (for example to serve a second version). */
export async function copyDist(distDir: string = DIST_DIR): Promise<string> {
  requireBuiltDist(distDir);
  const copy = await mkdtemp(join(tmpdir(), 'resonance-dist-'));
  await cp(distDir, copy, { recursive: true });
  return copy;
}
