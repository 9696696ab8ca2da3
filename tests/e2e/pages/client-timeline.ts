/**
 * Page model for the part of the client page this suite checks: the "Visits and follow-ups"
 * timeline (owned by src/features/clients; only read here).
 */
import type { Locator, Page } from 'playwright-core';

const PAGE_TIMEOUT_MS = 30_000;

export class ClientTimeline {
  constructor(readonly page: Page) {}

  region(): Locator {
    return this.page.getByRole('region', { name: 'Visits and follow-ups' });
  }

  async waitUntilOpen(): Promise<void> {
    await this.region().waitFor({ state: 'visible', timeout: PAGE_TIMEOUT_MS });
  }

  entry(text: string): Locator {
    return this.region().getByRole('listitem').filter({ hasText: text });
  }
}
