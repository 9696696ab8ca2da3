/**
 * Waiting for the browser to go quiet before a measurement. A closed page is not always gone: the
 * renderer that held the signed-in app lives on while its service worker does, and it can spend a
 * second or two of CPU afterwards (seen at 65-81% of a core about 10 s after the sign-in page with
 * its 80,000 synced documents closed). On a two-core machine that is half the machine taken from
 * the next measurement, and at 4x the throttled page already holds a core of its own (CDP's CPU
 * throttle makes the renderer's main thread spin while it is held back: an idle page at 4x used
 * 84% of a core here). So a browser suite waits, between pages, until the browser's processes
 * together use less than QUIET_SHARE of one core over QUIET_WINDOW_MS.
 *
 * The browser's processes are every process descended from this one (Playwright starts Chromium as
 * a child; the sync server runs in this process, so it is not counted), read from /proc. Where
 * there is no /proc the wait is a fixed QUIET_WINDOW_MS.
 */
import { readdir, readFile } from 'node:fs/promises';

/** Below this share of one core, the browser is doing nothing worth waiting for (an idle blank page and the browser process's housekeeping stay under 5%). */
const QUIET_SHARE = 0.1;
/** How long the browser must stay under QUIET_SHARE: longer than one garbage collection pause. */
const QUIET_WINDOW_MS = 500;
/** Give up waiting after this and measure anyway; the caller logs how long it waited. */
const QUIET_MAX_MS = 30_000;
/** Linux's clock ticks per second for utime/stime (USER_HZ, 100 on every Linux Node runs on). */
const TICKS_PER_SECOND = 100;

interface ProcStat {
  parent: number;
  /** User plus system CPU time so far, in clock ticks. */
  ticks: number;
}

/** pid, parent and CPU ticks of one process, from /proc/<pid>/stat (undefined if it has gone). */
async function readStat(pid: number): Promise<ProcStat | undefined> {
  try {
    const text = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: split after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // Fields from 3 on: state, ppid, …; utime and stime are fields 14 and 15.
    return { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

/** CPU ticks so far of each process descended from `root` (not `root` itself), by pid. */
export async function descendantTicks(root: number): Promise<Map<number, number>> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
  const stats = new Map<number, ProcStat>();
  await Promise.all(
    pids.map(async (pid) => {
      const stat = await readStat(pid);
      if (stat) stats.set(pid, stat);
    }),
  );
  const children = new Map<number, number[]>();
  for (const [pid, stat] of stats) children.set(stat.parent, [...(children.get(stat.parent) ?? []), pid]);
  const ticks = new Map<number, number>();
  const queue = [...(children.get(root) ?? [])];
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    ticks.set(pid, stats.get(pid)?.ticks ?? 0);
    queue.push(...(children.get(pid) ?? []));
  }
  return ticks;
}

/** Ticks used between two readings: a process that has gone counts nothing, a new one all it has used. */
export function ticksBetween(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let used = 0;
  for (const [pid, ticks] of after) used += Math.max(0, ticks - (before.get(pid) ?? 0));
  return used;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Resolves once this process's children (the browser) have used under QUIET_SHARE of a core for a
 * whole QUIET_WINDOW_MS, or after QUIET_MAX_MS. Returns how long it waited, in ms.
 */
export async function waitForQuietBrowser(): Promise<number> {
  const started = performance.now();
  let before: Map<number, number>;
  try {
    before = await descendantTicks(process.pid);
  } catch {
    // No /proc here: a fixed pause instead.
    await sleep(QUIET_WINDOW_MS);
    return performance.now() - started;
  }
  while (performance.now() - started < QUIET_MAX_MS) {
    const windowStart = performance.now();
    await sleep(QUIET_WINDOW_MS);
    const after = await descendantTicks(process.pid);
    const share = ticksBetween(before, after) / TICKS_PER_SECOND / ((performance.now() - windowStart) / 1000);
    before = after;
    if (share < QUIET_SHARE) break;
  }
  return performance.now() - started;
}
