/**
 * A fixed CPU reference workload, timed when each suite starts: the same code and input every run,
 * so its time says how fast this machine was at that moment. Machines of the same type here have run
 * the same benchmarks half as fast on one day as on another (tests/bench/README.md); beside
 * each suite's figures, this tells a slow machine from slow code. Pure JavaScript on the main thread
 * (sorting, string keys in a Map, JSON), single-threaded like the app's own work. Median of 5 runs.
 */
import { measure } from './stats';

const RUNS = 5;
const SIZE = 200_000;

function workload(): number {
  // xorshift32 with a fixed seed: the same numbers every time.
  let x = 2_463_534_242;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4_294_967_296;
  };
  const values = Array.from({ length: SIZE }, next).sort((a, b) => a - b);
  const counts = new Map<string, number>();
  for (const v of values) {
    const key = v.toFixed(3);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const round = JSON.parse(JSON.stringify([...counts])) as [string, number][];
  return round.length;
}

/** Median milliseconds of the reference workload (one untimed run first). */
export async function referenceMs(): Promise<number> {
  return (await measure(workload, { runs: RUNS, warmup: 1 })).median;
}
