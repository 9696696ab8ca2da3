/**
 * Page model for the coordinator's "Conflicts" review (src/features/conflicts/ConflictsPage.tsx):
 * each conflict is a list item headed by the record ("Client: Maya Patel") with the field, both
 * values, who saved each, and the two decisions.
 */
import type { Locator, Page } from 'playwright-core';

const PAGE_TIMEOUT_MS = 30_000;

export class ConflictsPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Conflicts' });
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/conflicts`);
    await this.heading().waitFor({ state: 'visible', timeout: PAGE_TIMEOUT_MS });
  }

  card(recordLabel: string): Locator {
    return this.page.locator('ul.conflict-list > li').filter({ has: this.page.getByRole('heading', { level: 2, name: recordLabel, exact: true }) });
  }

  currentValue(card: Locator): Locator {
    return card.getByRole('region', { name: 'Current value' });
  }

  otherValue(card: Locator): Locator {
    return card.getByRole('region', { name: 'Other value' });
  }

  useOtherValueButton(card: Locator): Locator {
    return card.getByRole('button', { name: /^Use the other value/ });
  }
}
