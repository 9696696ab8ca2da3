/**
 * The floor under initial sync: how long RxDB on Dexie takes to store demo client documents in
 * Chromium's IndexedDB, in one bulkInsert, with nothing else going on. Two variants: bare RxDB +
 * Dexie (the floor) and the app's own database (validation on every write, all collections), which is
 * what the replication's pull handler writes through. A first sync can never beat these figures.
 */
import { join } from 'node:path';
import { build } from 'vite';
import { startStaticServer } from '../../support/static-server';
import { launchChromium, TABLET_THROTTLE } from '../lib/chromium';
import { formatCount } from '../lib/format';
import { summarise } from '../lib/stats';
import type { BenchContext, BenchSuite } from '../lib/types';
import type { InsertRequest, StorageVariant } from '../pages/storage-idb/api';

const SIZES = [1_000, 10_000] as const;
const VARIANTS: readonly StorageVariant[] = ['rxdb-dexie', 'app-database'];
/**
 * Timed runs per size. A 10k insert takes seconds under 4x throttle; 5 runs keep the suite to a few
 * minutes (so with 5 runs p95 is the slowest run). 1k inserts are quick and noisier, so more runs.
 */
const RUNS: Record<(typeof SIZES)[number], number> = { 1_000: 10, 10_000: 5 };
/** One untimed run first: the first IndexedDB open of a profile and JIT warm-up are one-offs. */
const WARMUP = 1;
const LABEL: Record<StorageVariant, string> = { 'rxdb-dexie': 'RxDB + Dexie', 'app-database': 'app database (validated)' };

async function buildPage(ctx: BenchContext): Promise<string> {
  const outDir = join(ctx.tmpDir, 'storage-idb');
  await build({
    // The app's vite.config.ts (PWA plugin, React) is not wanted here: a bare page bundle.
    configFile: false,
    root: join(ctx.root, 'tests/bench/pages/storage-idb'),
    base: './',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false, reportCompressedSize: false },
  });
  return outDir;
}

export const suite: BenchSuite = {
  name: 'storage-idb',
  description:
    'RxDB on Dexie (IndexedDB) in headless Chromium: one bulkInsert of N demo client documents into an empty database, bare and through the app database. The floor under initial sync.',
  async run(ctx) {
    const outDir = await buildPage(ctx);
    const server = await startStaticServer({ root: outDir });
    try {
      for (const rate of [1, TABLET_THROTTLE]) {
        // A fresh browser and profile per throttle setting, so the two never share IndexedDB state.
        const browser = await launchChromium({ cpuThrottle: rate });
        try {
          const { page } = browser;
          await page.goto(`${server.url}/index.html`);
          await page.waitForFunction(() => window.resonanceBench !== undefined);
          const throttle = rate > 1 ? `${rate}x CPU throttle` : 'unthrottled';
          for (const variant of VARIANTS) {
            for (const clients of SIZES) {
              const request: InsertRequest = { variant, clients, runs: ctx.quick ? 1 : RUNS[clients], warmup: ctx.quick ? 0 : WARMUP };
              ctx.log(`${variant}, ${formatCount(clients)} clients, ${throttle}…`);
              const samples = await page.evaluate(async (req) => {
                const api = window.resonanceBench;
                if (!api) throw new Error('bench page did not load');
                return api.insertClients(req);
              }, request);
              const stats = summarise(samples);
              ctx.record({
                name: `bulkInsert ${formatCount(clients)} clients, ${LABEL[variant]}, ${throttle}`,
                unit: 'ms',
                ...stats,
                note:
                  `${browser.product}; empty database per run; ${Math.round((clients / stats.median) * 1000).toLocaleString('en-GB')} docs/s at the median` +
                  (rate > 1 ? '; throttling slows page JavaScript, not the IndexedDB backend in the browser process' : ''),
                series: { chart: `bulkInsert of client documents: ${LABEL[variant]}`, line: throttle, x: clients, xLabel: 'clients' },
              });
            }
          }
        } finally {
          await browser.close();
        }
      }
    } finally {
      await server.close();
    }
  },
};
