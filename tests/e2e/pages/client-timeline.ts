/**
 * Page model for the parts of the client page this suite checks: the "Visits and follow-ups"
 * timeline and the "Visit recorded" banner above it (owned by src/features/clients; only read here).
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

  /** The banner at the top of the page that confirms a visit just recorded. */
  recordedBanner(): Locator {
    return this.page.getByRole('main').locator('.rs-banner', { hasText: 'Visit recorded' });
  }

  /** The banner's button that brings the recorded visit's entry into view and moves focus to it. */
  showVisit(): Locator {
    return this.recordedBanner().getByRole('button', { name: 'Show the visit' });
  }

  entry(text: string): Locator {
    return this.region().getByRole('listitem').filter({ hasText: text });
  }
}
