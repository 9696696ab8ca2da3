/**
 * Encryption at rest: what sealing the sensitive fields (src/shared/schemas/sensitive.ts) costs, and
 * which implementation to use. Up to three variants of the same RxDB-on-Dexie database in headless Chromium
 * (tests/bench/pages/encryption): no encryption, the app's WebCrypto AES-GCM wrapper
 * (src/db/encryption.ts) and RxDB's free crypto-js plugin (rxdb/plugins/encryption-crypto-js) on the
 * same fields. None validates, so differences are the encryption alone; the app adds the same
 * validation cost to each.
 *
 * Method. Per throttle setting (unthrottled, TABLET_THROTTLE) a fresh browser profile; per variant
 * and size (see PLAN; demo organisation from generateDemoOrg), each measurement is repeated WARMUP
 * untimed then RUNS timed times, inside the page with performance.now():
 * (1) one bulkInsert of the clients into a new, empty database (the last one is kept and given the
 *     organisation's cases and tasks, untimed);
 * (2) reading every client, each time on a fresh RxDatabase instance (no RxDB cache);
 * (3) the caseload's data path on a fresh instance: every client, then every case and open task as
 *     src/features/caseload/queries.ts reads them, plus the search index (buildClientIndex): the
 *     part of the 10,000-client caseload render that encryption can change (React rendering the
 *     rows is the same work with or without it);
 * (4) visit inserts (a demo visit's notes and outcomes) into that database, RUNS x SAVES timed after
 *     two untimed, each from insert() to its promise resolving.
 * The full-app figures (cold start to caseload rows, save to timeline) are the offline-core suite's;
 * they include encryption once the app opens its database with a key (src/app/boot.ts).
 */
import { join } from 'node:path';
import { build } from 'vite';
import { startStaticServer } from '../../support/static-server';
import { launchChromium, TABLET_THROTTLE } from '../lib/chromium';
import { formatCount, formatNumber } from '../lib/format';
import { summarise } from '../lib/stats';
import type { BenchContext, BenchSuite } from '../lib/types';
import type { EncryptionRunRequest, EncryptionRunResult, EncryptionVariant } from '../pages/encryption/api';

/**
 * What runs at which size. The cost of encryption is measured at the brief's caseload size, 10,000
 * clients, with and without it. The choice between implementations is made at 1,000 clients: the
 * crypto-js plugin is 5-20x slower, so a 10k crypto-js series at 4x throttle would take most of an
 * hour on this shared machine while adding nothing to the verdict. --quick runs 1,000 only.
 */
const PLAN: readonly { clients: number; variants: readonly EncryptionVariant[] }[] = [
  { clients: 10_000, variants: ['none', 'webcrypto'] },
  { clients: 1_000, variants: ['none', 'webcrypto', 'crypto-js'] },
];
const QUICK_CLIENTS = 1_000;
/** Timed runs per variant and throttle: the brief's minimum of 5 (so p95 is the slowest run). */
const RUNS = 5;
/** One untimed repetition first of each measurement: first IndexedDB open, JIT, lazily built code. */
const WARMUP = 1;
/** Visit saves per timed run: 5 x 10 = 50 samples, so the p95 is not just the slowest save. */
const SAVES = 10;
const LABEL: Record<EncryptionVariant, string> = {
  none: 'no encryption',
  webcrypto: 'WebCrypto AES-GCM (app)',
  'crypto-js': 'RxDB crypto-js plugin',
};
/** Page-side limit for one run: a 10k crypto-js insert under 4x throttle takes a while. */
const RUN_TIMEOUT_MS = 600_000;

async function buildPage(ctx: BenchContext): Promise<string> {
  const outDir = join(ctx.tmpDir, 'encryption');
  await build({
    configFile: false,
    root: join(ctx.root, 'tests/bench/pages/encryption'),
    base: './',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false, reportCompressedSize: false },
  });
  return outDir;
}

type Metric = 'insertClients' | 'readClients' | 'caseloadData' | 'saveVisit';
const METRICS: Record<Metric, (clients: string) => string> = {
  insertClients: (n) => `bulkInsert ${n} clients`,
  readClients: (n) => `read ${n} clients`,
  caseloadData: (n) => `caseload data, ${n} clients`,
  saveVisit: () => 'save a visit',
};

const NOTES: Record<Metric, string> = {
  insertClients: 'new empty database each run',
  readClients: 'fresh RxDatabase instance each run',
  caseloadData: 'fresh RxDatabase instance each run; clients, cases, open tasks and the search index',
  saveVisit: `one insert into a database holding the organisation; ${String(SAVES)} saves per run`,
};

export const suite: BenchSuite = {
  name: 'encryption',
  description:
    'Encryption at rest in headless Chromium: no encryption vs the app\'s WebCrypto AES-GCM wrapper vs RxDB\'s crypto-js plugin, on saving a visit and on storing and reading a 10,000-client caseload.',
  async run(ctx) {
    const plan = ctx.quick ? PLAN.filter((p) => p.clients === QUICK_CLIENTS) : PLAN;
    const runs = ctx.quick ? 1 : RUNS;
    const warmup = ctx.quick ? 0 : WARMUP;
    const outDir = await buildPage(ctx);
    const server = await startStaticServer({ root: outDir });
    try {
      for (const rate of [1, TABLET_THROTTLE]) {
        const throttle = rate > 1 ? `${rate}x CPU throttle` : 'unthrottled';
        const browser = await launchChromium({ cpuThrottle: rate });
        try {
          const { page } = browser;
          page.setDefaultTimeout(RUN_TIMEOUT_MS);
          await page.goto(`${server.url}/index.html`);
          await page.waitForFunction(() => window.resonanceEncryptionBench !== undefined);
          for (const { clients, variants } of plan) {
          const medians = new Map<string, number>();
          for (const variant of variants) {
            ctx.log(`${variant}, ${formatCount(clients)} clients, ${throttle}…`);
            const request: EncryptionRunRequest = { variant, clients, runs, warmup, saves: SAVES };
            const samples: EncryptionRunResult = await page.evaluate(async (req) => {
              const api = window.resonanceEncryptionBench;
              if (!api) throw new Error('bench page did not load');
              return api.run(req);
            }, request);
            for (const metric of Object.keys(METRICS) as Metric[]) {
              const stats = summarise(samples[metric]);
              medians.set(`${metric}:${variant}`, stats.median);
              ctx.record({
                name: `${METRICS[metric](formatCount(clients))}${metric === 'saveVisit' ? ` (${formatCount(clients)} clients)` : ''}, ${LABEL[variant]}, ${throttle}`,
                unit: 'ms',
                ...stats,
                note:
                  `${browser.product}; ${NOTES[metric]}${metric === 'saveVisit' ? '' : `; with ${String(runs)} runs p95 is the slowest`}` +
                  (rate > 1 ? '; throttling slows page JavaScript, not IndexedDB or WebCrypto work off the main thread' : ''),
              });
            }
          }
          for (const metric of Object.keys(METRICS) as Metric[]) {
            const none = medians.get(`${metric}:none`) ?? Number.NaN;
            const parts = variants.filter((v) => v !== 'none').map((v) => {
              const m = medians.get(`${metric}:${v}`) ?? Number.NaN;
              return `${LABEL[v]} +${formatNumber(m - none)} ms (${formatNumber(m / none)}x)`;
            });
            ctx.log(`${throttle}, ${METRICS[metric](formatCount(clients))}: median ${formatNumber(none)} ms unencrypted; ${parts.join('; ')}`);
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


