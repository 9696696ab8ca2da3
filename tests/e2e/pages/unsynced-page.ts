/**
 * Page model for "Unsynced changes" (src/features/unsynced/UnsyncedPage.tsx): each waiting change is
 * a list item named by its heading; a change the server held back carries a 'Not accepted by the
 * server' notice with the reason.
 */
import type { Locator, Page } from 'playwright-core';

const PAGE_TIMEOUT_MS = 30_000;

export class UnsyncedPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Unsynced changes' });
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/unsynced`);
    await this.heading().waitFor({ state: 'visible', timeout: PAGE_TIMEOUT_MS });
  }

  /** From any page: the unsynced count in the status bar. */
  async openFromStatusBar(): Promise<void> {
    await this.page.getByRole('region', { name: 'Connection and sync' }).getByRole('link').click();
    await this.heading().waitFor({ state: 'visible', timeout: PAGE_TIMEOUT_MS });
  }

  items(): Locator {
    return this.page.locator('ul.us-list > li');
  }

  item(text: string | RegExp): Locator {
    return this.items().filter({ hasText: text });
  }

  heldBackItems(): Locator {
    return this.items().filter({ hasText: 'Not accepted by the server' });
  }

  emptyState(): Locator {
    return this.page.getByRole('heading', { name: 'Everything on this device has synced.' });
  }
}
