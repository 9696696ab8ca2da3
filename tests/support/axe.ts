/**
 * Accessibility check in the real browser: injects axe-core into the page and runs the WCAG 2.2 AA
 * rule set (product.md quality bar). Returns one readable paragraph per violation, so a test can
 * `expect(await runAxe(page)).toEqual([])` and a failure prints what is wrong, where, and how to fix it.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA: the level the product commits to. */
export const WCAG_22_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

export interface AxeOptions {
  /** CSS selector of the part of the page to check; the whole document by default. */
  include?: string;
  /** CSS selectors to leave out (for example a third-party widget). Use sparingly and say why. */
  exclude?: readonly string[];
}

declare global {
  interface Window {
    axe?: { run(context: unknown, options: RunOptions): Promise<AxeResults> };
  }
}

let axeSource: Promise<string> | undefined;

function loadAxeSource(): Promise<string> {
  const require = createRequire(import.meta.url);
  axeSource ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

export function formatViolation(violation: Result): string {
  const nodes = violation.nodes
    .map((node) => `  - ${node.target.join(' ')}\n    ${(node.failureSummary ?? '').replace(/\n/g, '\n    ')}`)
    .join('\n');
  return `${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}\n  ${violation.helpUrl}\n${nodes}`;
}

/** Raw axe results for the WCAG 2.2 AA tags, for tests that need more than the violations. */
export async function runAxeRaw(page: Page, options: AxeOptions = {}): Promise<AxeResults> {
  const hasAxe = await page.evaluate(() => window.axe !== undefined);
  if (!hasAxe) await page.addScriptTag({ content: await loadAxeSource() });
  const context = { include: options.include ?? 'html', exclude: [...(options.exclude ?? [])] };
  return page.evaluate(
    async ({ context, tags }) => {
      const axe = window.axe;
      if (!axe) throw new Error('axe-core did not load into the page');
      return axe.run(context.exclude.length > 0 ? context : context.include, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
    },
    { context, tags: [...WCAG_22_AA_TAGS] },
  );
}

/** WCAG 2.2 AA violations on the page, one readable paragraph each; [] when there are none. */
export async function runAxe(page: Page, options: AxeOptions = {}): Promise<string[]> {
  const results = await runAxeRaw(page, options);
  return results.violations.map(formatViolation);
}
