/**
 * The seeded convergence test (sync.md P2, C1–C4, L1): devices, a fault proxy and a server that is
 * killed and restarted, on SQLite and (TEST_PG_URL) on PostgreSQL with two instances behind the
 * proxy. The seed is printed; `CONVERGENCE_SEED=<n> npx vitest run --project integration
 * tests/integration/convergence/convergence.test.ts` replays it. `npm run soak` runs many seeds.
 */
import { describe, expect, it } from 'vitest';
import { TEST_PG_URL } from '../server/support/adapters';
import { runConvergence } from './scenario';

const SEED = process.env.CONVERGENCE_SEED ? Number(process.env.CONVERGENCE_SEED) : Math.floor(Math.random() * 2 ** 31);
/** Small enough for npm test on two shared cores; the soak runs longer. */
const STEPS = Number(process.env.CONVERGENCE_STEPS ?? 40);

const adapters: ('sqlite' | 'postgres')[] = TEST_PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];
if (!TEST_PG_URL) {
  console.warn('\n!!! TEST_PG_URL is not set: the convergence run on PostgreSQL with two instances is NOT registered. !!!\n');
}
console.log(`\nconvergence seed ${SEED} — replay with: CONVERGENCE_SEED=${SEED} npx vitest run --project integration tests/integration/convergence/convergence.test.ts\n`);

describe.each(adapters)('convergence under faults on %s', (adapter) => {
  it(`[P2][C1][C2][C3][C4] seed ${SEED}: devices, lost answers, duplicates, delays and a killed server converge with nothing lost or applied twice`, { timeout: 150_000 }, async () => {
    const report = await runConvergence({ seed: SEED, adapter, steps: STEPS, pgUrl: TEST_PG_URL, log: (l) => console.log(l) });
    console.log(`convergence seed ${SEED} on ${adapter}: ${JSON.stringify({ ...report, failures: report.failures.length })}`);
    expect(report.failures, `seed ${SEED}; replay with CONVERGENCE_SEED=${SEED}`).toEqual([]);
    // The run must actually have exercised the faults it claims to.
    expect(report.restarts).toBeGreaterThan(0);
    expect(report.proxy.dropped + report.proxy.duplicated).toBeGreaterThan(0);
    expect(report.pushes).toBeGreaterThan(0);
  });
});
