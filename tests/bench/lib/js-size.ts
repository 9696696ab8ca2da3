/**
 * How much JavaScript a screen costs to download, from the built app (dist/): each file gzipped
 * at level 9 (what a server that compresses would send, close to `gzip -9` and to what CDNs use for
 * static files), summed. Sizes in KB of 1,024 bytes.
 *
 * Two sets are measured by the suites: the entry chunk with its static imports (the
 * `<script type="module">` and `<link rel="modulepreload">` tags Vite writes into index.html, what
 * every start of the app fetches before it can render anything), and a list of URLs a page really
 * fetched (from its resource timing), which adds the dynamic imports a screen needs.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { constants, gzipSync } from 'node:zlib';

/** 1 KB = 1,024 bytes: the stricter reading of a "220 KB" budget. */
export const KB = 1_024;

export interface JsFile {
  /** Path inside dist/, e.g. `/assets/index-B-nbFP6Y.js`. */
  path: string;
  raw: number;
  gzip: number;
}

export interface JsTotal {
  files: JsFile[];
  raw: number;
  gzip: number;
}

/** Raw and gzip -9 sizes of files of the built app, by their URL paths. */
export async function jsSizes(distDir: string, paths: readonly string[]): Promise<JsTotal> {
  const files: JsFile[] = [];
  for (const path of [...new Set(paths)]) {
    const body = await readFile(join(distDir, path));
    files.push({ path, raw: body.length, gzip: gzipSync(body, { level: constants.Z_BEST_COMPRESSION }).length });
  }
  return { files, raw: files.reduce((s, f) => s + f.raw, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) };
}

/** The entry module and its modulepreload links, as written into dist/index.html. */
export async function entryScripts(distDir: string): Promise<string[]> {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const paths: string[] = [];
  for (const tag of html.matchAll(/<(script|link)\b[^>]*>/g)) {
    const text = tag[0];
    const isEntry = tag[1] === 'script' && /\btype="module"/.test(text);
    const isPreload = tag[1] === 'link' && /\brel="modulepreload"/.test(text);
    const url = /\b(?:src|href)="([^"]+)"/.exec(text)?.[1];
    if ((isEntry || isPreload) && url !== undefined) paths.push(url);
  }
  if (paths.length === 0) throw new Error(`no module script in ${join(distDir, 'index.html')}`);
  return paths;
}

/** "index-B-nbFP6Y.js 14.2" for a log line: which chunks, and their gzip KB. */
export function describeFiles(total: JsTotal): string {
  return total.files.map((f) => `${f.path.replace(/^\/assets\//, '')} ${(f.gzip / KB).toFixed(1)}`).join(', ');
}
