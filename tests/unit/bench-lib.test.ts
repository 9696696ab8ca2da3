/**
 * The bench harness's pure parts (tests/bench/lib): statistics, target judging, merging runs and
 * rendering. The suites themselves are exercised by `npm run bench`, not here.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeCommit } from '../bench/lib/commit';
import { formatCount, formatNumber } from '../bench/lib/format';
import type { Machine } from '../bench/lib/machine';
import { chartsOf, judge, mergeReport, renderMarkdown, slowRunsOver, type SuiteReport } from '../bench/lib/report';
import { descendantTicks, ticksBetween } from '../bench/lib/quiet';
import { referenceMs } from '../bench/lib/reference';
import { median, percentile, summarise } from '../bench/lib/stats';
import { renderChart } from '../bench/lib/svg';
import type { BenchResult } from '../bench/lib/types';

const machine: Machine = { cpu: 'Test CPU', cores: 2, memoryGiB: 4, os: 'linux', node: 'v20', chromium: '156' };

function result(over: Partial<BenchResult> = {}): BenchResult {
  return { suite: 's', name: 'op', unit: 'ms', median: 10, p95: 20, runs: 5, note: '', ...over };
}

function suiteReport(name: string, results: BenchResult[]): SuiteReport {
  return { suite: name, description: `${name} suite`, ranAt: '2026-11-28T09:00:00.000Z', durationMs: 1000, machine, quick: false, results };
}

describe('stats', () => {
  it('takes the median of odd and even counts', () => {
    expect(median([1, 2, 3])).toBe(2);
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });

  it('uses nearest rank for p95, so it is always a real sample', () => {
    expect(percentile([1, 2, 3, 4, 5], 95)).toBe(5);
    expect(percentile(Array.from({ length: 100 }, (_, i) => i + 1), 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
  });

  it('summarises unsorted samples', () => {
    expect(summarise([5, 1, 3])).toEqual({ median: 3, p95: 5, min: 1, max: 5, runs: 3 });
  });
});

describe('targets', () => {
  it('judges p95 at most the target by default', () => {
    expect(judge(result({ target: 20 }))).toBe('pass');
    expect(judge(result({ target: 19 }))).toBe('miss');
    expect(judge(result())).toBeUndefined();
  });

  it('can judge the median, and higher-is-better figures', () => {
    expect(judge(result({ target: { value: 15, stat: 'median' } }))).toBe('pass');
    expect(judge(result({ unit: 'docs/s', target: { value: 12, stat: 'median', better: 'higher' } }))).toBe('miss');
  });
});

describe('report', () => {
  it('keeps suites that did not run this time', () => {
    const first = mergeReport(undefined, machine, new Date('2026-11-27T00:00:00Z'), [suiteReport('a', [result()]), suiteReport('b', [result()])]);
    const second = mergeReport(first, machine, new Date('2026-11-28T00:00:00Z'), [suiteReport('b', [])]);
    expect(Object.keys(second.suites).sort()).toEqual(['a', 'b']);
    expect(second.suites.b?.results).toEqual([]);
  });

  it('renders each figure beside its target with a pass or miss mark', () => {
    const report = mergeReport(undefined, machine, new Date('2026-11-28T00:00:00Z'), [
      suiteReport('s', [result({ name: 'fast', target: 50 }), result({ name: 'slow', target: 5 })]),
    ]);
    const md = renderMarkdown(report);
    expect(md).toContain('| fast | 10.0 | 20.0 | ms | p95 ≤ 50.0 | ✓ pass |');
    expect(md).toContain('| slow | 10.0 | 20.0 | ms | p95 ≤ 5.00 | ✗ **miss** |');
    expect(md).toContain('Test CPU (2 cores)');
  });

  it('marks a median that passes while its p95 is past the same bound', () => {
    const report = mergeReport(undefined, machine, new Date('2026-11-28T00:00:00Z'), [
      suiteReport('s', [result({ name: 'tail', target: { value: 15, stat: 'median' } }), result({ name: 'even', target: { value: 25, stat: 'median' } })]),
    ]);
    const md = renderMarkdown(report);
    expect(md).toContain('| tail | 10.0 | 20.0 | ms | median ≤ 15.0 | ✓ pass (p95 over) |');
    expect(md).toContain('| even | 10.0 | 20.0 | ms | median ≤ 25.0 | ✓ pass |');
    expect(slowRunsOver(result({ target: 15 }))).toBe(false);
  });

  it("prints each suite's CPU reference time beside when it was measured, and nothing when a run had none", () => {
    const timed = { ...suiteReport('timed', [result()]), cpuReferenceMs: 123.4 };
    const md = renderMarkdown(mergeReport(undefined, machine, new Date('2026-11-28T00:00:00Z'), [timed, suiteReport('old', [result()])]));
    expect(md).toContain('CPU reference workload 123 ms (higher is a slower machine');
    expect(md.match(/CPU reference workload/g)).toHaveLength(1);
  });

  it('names the commit each suite measured, and warns when the code differed from it', () => {
    const clean = { ...suiteReport('clean', [result()]), commit: { id: 'abc1234', uncommitted: false } };
    const dirty = { ...suiteReport('dirty', [result()]), commit: { id: 'def5678', uncommitted: true } };
    const md = renderMarkdown(mergeReport(undefined, machine, new Date('2026-11-28T00:00:00Z'), [clean, dirty, suiteReport('old', [result()])]));
    expect(md).toContain('Measured 2026-11-28 09:00 UTC at commit `abc1234`, 1.00 s.');
    expect(md).toContain('at commit `def5678` **with uncommitted changes**');
    expect(md.match(/at commit/g)).toHaveLength(2);
  });

  it('groups series into one chart per title with one line per label', () => {
    const s = suiteReport('s', [
      result({ series: { chart: 'Insert', line: 'unthrottled', x: 1000 } }),
      result({ series: { chart: 'Insert', line: 'unthrottled', x: 10_000 } }),
      result({ series: { chart: 'Insert', line: '4x', x: 1000 } }),
      result({ name: 'no chart' }),
    ]);
    const charts = chartsOf(s);
    expect(charts).toHaveLength(1);
    expect(charts[0]?.lines.map((l) => [l.label, l.points.length])).toEqual([['unthrottled', 2], ['4x', 1]]);
  });
});

describe('measured commit', () => {
  it('is the checked-out commit, uncommitted only when files other than the bench output changed', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'resonance-commit-'));
    try {
      const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, encoding: 'utf8' }).trim();
      mkdirSync(join(repo, 'tests/bench/results'), { recursive: true });
      writeFileSync(join(repo, 'app.ts'), 'one');
      writeFileSync(join(repo, 'tests/bench/results/latest.json'), '{}');
      git('init', '-q');
      git('add', '.');
      git('commit', '-q', '-m', 'first');
      const id = git('rev-parse', '--short', 'HEAD');
      expect(await describeCommit(repo)).toEqual({ id, uncommitted: false });
      // A run rewrites its own results: that is not uncommitted code.
      writeFileSync(join(repo, 'tests/bench/results/latest.json'), '{"x":1}');
      expect(await describeCommit(repo)).toEqual({ id, uncommitted: false });
      writeFileSync(join(repo, 'app.ts'), 'two');
      expect(await describeCommit(repo)).toEqual({ id, uncommitted: true });
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it('is unknown outside a git checkout', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'resonance-nogit-'));
    try {
      expect(await describeCommit(folder)).toBeUndefined();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('quiet browser', () => {
  it('counts only the CPU used between two readings: a process that has gone counts nothing, a new one all it has used', () => {
    const before = new Map([[1, 100], [2, 50]]);
    const after = new Map([[1, 103], [3, 7]]);
    expect(ticksBetween(before, after)).toBe(10);
  });

  it("reads the CPU time of this process's children from /proc, not its own", async () => {
    // A child that keeps a core busy for longer than the test looks at it.
    const child = spawn(process.execPath, ['-e', 'const end = Date.now() + 5000; while (Date.now() < end);']);
    try {
      await new Promise((resolve) => setTimeout(resolve, 400));
      const ticks = await descendantTicks(process.pid);
      expect(ticks.has(process.pid)).toBe(false);
      expect(ticks.get(child.pid ?? -1)).toBeGreaterThan(0);
    } finally {
      child.kill();
    }
  });
});

describe('CPU reference', () => {
  it('times the fixed workload as a positive number of milliseconds', async () => {
    const ms = await referenceMs();
    expect(ms).toBeGreaterThan(0);
    expect(Number.isFinite(ms)).toBe(true);
  });
});

describe('charts and numbers', () => {
  it('draws an SVG with a title, description and one polyline pair per line', () => {
    const svg = renderChart({ title: 'A & B', unit: 'ms', lines: [{ label: 'x', points: [{ x: 1000, median: 1, p95: 2, target: 3 }, { x: 50_000, median: 40, p95: 60 }] }] });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('<title id="t">A &amp; B</title>');
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg).not.toContain('NaN');
  });

  it('formats figures and record counts for people', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(0.4123)).toBe('0.412');
    expect(formatNumber(2211.4)).toBe('2,211');
    expect(formatCount(50_000)).toBe('50k');
    expect(formatCount(1_500)).toBe('1.5k');
    expect(formatCount(300)).toBe('300');
  });
});
