/**
 * The code a run measured: the commit checked out, and whether the app's files differed from it.
 * The bench's own output (results and the page) is left out of that check, since every run rewrites
 * it; anything else uncommitted means the figures are of code no commit holds.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CHART_DIR, MARKDOWN_PATH, RESULTS_PATH } from './report';

const run = promisify(execFile);

/** Paths every run rewrites, so they do not count as uncommitted code. */
const OWN_OUTPUT = [RESULTS_PATH, MARKDOWN_PATH, CHART_DIR];

export interface MeasuredCommit {
  /** Abbreviated commit id (git rev-parse --short HEAD). */
  id: string;
  /** True when tracked files other than the bench's own output differed from that commit. */
  uncommitted: boolean;
}

/** The checked-out commit, or undefined outside a git checkout (a copied folder, no git). */
export async function describeCommit(root: string): Promise<MeasuredCommit | undefined> {
  try {
    const { stdout: id } = await run('git', ['rev-parse', '--short', 'HEAD'], { cwd: root });
    const { stdout: status } = await run('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root });
    const changed = status
      .split('\n')
      .map((line) => line.slice(3).trim())
      .filter((file) => file !== '' && !OWN_OUTPUT.some((own) => file === own || file.startsWith(`${own}/`)));
    return { id: id.trim(), uncommitted: changed.length > 0 };
  } catch {
    return undefined;
  }
}
