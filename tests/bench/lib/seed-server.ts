/**
 * The real sync server holding a whole demo organisation of a given size, for browser suites that
 * need a device full of data (a caseload of 10,000 clients, with their cases, visits and tasks).
 *
 * Builds on the storage helpers the sync suites share (fresh SQLite folder, quiet logger, server on a
 * free port: `freshStorage`, `benchLogger`, `startBenchServer` in lib/bench-server.ts) and on
 * the server's own seeding code (`seedOrg`, the code behind `seedDemo`), so documents are stamped
 * and validated exactly as on a real server. `generateDemoOrg({ clients })` is the demo organisation
 * at that size: its first 300 clients are the everyday demo, and every client comes with its cases,
 * visits, tasks and feedback, so screens read realistic volumes, not a bare client list.
 *
 * The app is served from a private copy of dist/: other people on this machine rebuild dist/ while
 * a suite runs, and a half-written build under a running benchmark gives missing chunks, not figures.
 */
import { cp, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { generateDemoOrg, type DemoOrg } from '#shared/demo/index';
import { COLLECTION_NAMES, type CollectionName } from '#shared/schemas/index';
import type { RunningServer } from '../../../sync-server/main';
import { seedOrg } from '../../../sync-server/seed/demo';
import { DIST_DIR, requireBuiltDist } from '../../support/dist';
import { benchLogger, freshStorage, startBenchServer } from './bench-server';
import type { BenchContext } from './types';

export interface SeededServer {
  url: string;
  /** The running server, for checks through its store. */
  server: RunningServer;
  /** The organisation as generated (documents before the server stamped them). */
  org: DemoOrg;
  /** Documents per collection the server holds after seeding. */
  counts: Record<CollectionName, number>;
  /** Closes the server and removes its data. */
  close(): Promise<void>;
}

export interface SeedOptions {
  /** Clients in the organisation; cases, visits, tasks and feedback scale with it. */
  clients: number;
  /** The built app to serve (a private copy from `copyBuiltApp`). */
  distDir: string;
}

/** A private copy of dist/ under the suite's temp dir, so a rebuild by someone else cannot change it mid-run. */
export async function copyBuiltApp(ctx: BenchContext): Promise<string> {
  requireBuiltDist(DIST_DIR);
  const copy = join(ctx.tmpDir, 'dist');
  await cp(DIST_DIR, copy, { recursive: true });
  return copy;
}

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, await newestMtime(path));
    else if (entry.isFile()) newest = Math.max(newest, (await stat(path)).mtimeMs);
  }
  return newest;
}

/**
 * Says in the log when dist/ is older than a file under src/ or sw/: the figures would then be for an
 * older app. A warning, not an error, since `npm run bench` builds first and `--only` is often run on
 * a build made a minute ago with an unrelated source change since.
 */
export async function warnIfBuildIsStale(ctx: BenchContext): Promise<void> {
  const built = (await stat(join(DIST_DIR, 'index.html'))).mtimeMs;
  const source = Math.max(await newestMtime(join(ctx.root, 'src')), await newestMtime(join(ctx.root, 'sw')));
  if (source > built) {
    const minutes = Math.round((source - built) / 60_000);
    ctx.log(`warning: a source file is ${minutes} min newer than dist/; run \`npm run build\` for figures of the current app`);
  }
}

/** The real server on 127.0.0.1 with a fresh SQLite store holding `generateDemoOrg({ clients })`. */
export async function startSeededServer(ctx: BenchContext, options: SeedOptions): Promise<SeededServer> {
  const org = generateDemoOrg({ clients: options.clients });
  const storage = await freshStorage(ctx, 'sqlite');
  let server: RunningServer | undefined;
  try {
    server = await startBenchServer(ctx, storage, { distDir: options.distDir });
    await seedOrg(server.store, org, benchLogger(ctx));
    const expected = Object.values(org.docs).reduce((sum, docs) => sum + docs.length, 0);
    const stored = await server.store.countDocuments();
    // seedOrg skips (and logs) a document that fails validation; a benchmark on fewer documents than
    // it says would be wrong, so that is an error here.
    if (stored !== expected) throw new Error(`the server holds ${stored} documents, expected ${expected}`);
    const counts = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, org.docs[c].length])) as Record<CollectionName, number>;
    const running = server;
    return {
      url: server.url.replace(/\/$/, ''),
      server,
      org,
      counts,
      async close() {
        try {
          await running.close();
        } finally {
          await storage.cleanup();
        }
      },
    };
  } catch (e) {
    await server?.close();
    await storage.cleanup();
    throw e;
  }
}
