/**
 * `npm run soak -- --minutes N [--steps S] [--pg]`: the convergence run (tests/integration/convergence)
 * over and over with fresh random seeds until N minutes have passed, printing each seed and its
 * result. PostgreSQL (two instances) joins when TEST_PG_URL is set. Exits 1 after the first failing
 * seed, with the command that replays it.
 */
import { runConvergence } from '../integration/convergence/scenario';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`--${name} needs a positive number, for example --${name} 10`);
    process.exit(2);
  }
  return value;
}

const minutes = arg('minutes', 10);
const steps = arg('steps', 120);
const pgUrl = process.env.TEST_PG_URL ?? '';
const adapters: ('sqlite' | 'postgres')[] = pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];
if (!pgUrl) console.warn('!!! TEST_PG_URL is not set: the soak runs on SQLite only. !!!');

const deadline = Date.now() + minutes * 60_000;
let runs = 0;
while (Date.now() < deadline) {
  const seed = Math.floor(Math.random() * 2 ** 31);
  for (const adapter of adapters) {
    console.log(`soak run ${++runs}: seed ${seed} on ${adapter}, ${steps} steps`);
    const report = await runConvergence({ seed, adapter, steps, pgUrl });
    const { failures, ...figures } = report;
    console.log(`  ${failures.length === 0 ? 'ok' : 'FAILED'} ${JSON.stringify(figures)}`);
    if (failures.length > 0) {
      for (const f of failures) console.log(`  - ${f}`);
      console.log(`Replay: CONVERGENCE_SEED=${seed} CONVERGENCE_STEPS=${steps} npx vitest run --project integration tests/integration/convergence/convergence.test.ts`);
      process.exit(1);
    }
  }
}
console.log(`soak: ${runs} runs, no failures in ${minutes} minute(s)`);
process.exit(0);
