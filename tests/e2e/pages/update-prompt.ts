/**
 * Page model for the "new version ready" banner (src/app/pwa/UpdatePrompt.tsx), found the way a
 * screen-reader user finds it: the status region and the button by their accessible names.
 */
import type { Locator, Page } from 'playwright-core';

export const READY_TEXT = 'A new version of Resonance is ready';
export const UPDATED_ELSEWHERE_TEXT = 'Resonance was updated in another window';

/** A worker install precaches nothing new when only sw.js changed; this covers a slow machine. */
const PROMPT_TIMEOUT_MS = 30_000;

export class UpdatePromptModel {
  readonly region: Locator;
  readonly updateButton: Locator;
  /** The prompt after another window applied the update: this page runs old code until reloaded. */
  readonly updatedElsewhere: Locator;
  readonly reloadButton: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('status').filter({ hasText: READY_TEXT });
    this.updateButton = this.region.getByRole('button', { name: 'Update now' });
    this.updatedElsewhere = page.getByRole('status').filter({ hasText: UPDATED_ELSEWHERE_TEXT });
    this.reloadButton = this.updatedElsewhere.getByRole('button', { name: 'Reload now' });
  }

  async waitUntilShown(): Promise<void> {
    await this.region.waitFor({ state: 'visible', timeout: PROMPT_TIMEOUT_MS });
  }

  async text(): Promise<string> {
    return (await this.region.innerText()).replace(/\s+/g, ' ').trim();
  }

  /** True when the button says it is on hold (aria-disabled keeps it focusable for screen readers). */
  async isHeld(): Promise<boolean> {
    return (await this.updateButton.getAttribute('aria-disabled')) === 'true';
  }
}
