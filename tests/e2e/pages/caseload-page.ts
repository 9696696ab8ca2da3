/**
 * Page model for "My caseload" (src/features/caseload), found by role and accessible name: the
 * search box by its label, the list of clients by its name, each client by the link in its heading.
 */
import type { Locator, Page } from 'playwright-core';

/** The caseload renders from the local database after the first sync; generous for a slow machine. */
const PAGE_TIMEOUT_MS = 30_000;

export class CaseloadPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'My caseload' });
  }

  /** Waits for the heading and at least one client (the demo worker's caseload is never empty). */
  async waitForClients(): Promise<void> {
    await this.heading().waitFor({ state: 'visible', timeout: PAGE_TIMEOUT_MS });
    await this.clientLinks().first().waitFor({ state: 'visible', timeout: PAGE_TIMEOUT_MS });
  }

  search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search clients' });
  }

  /** "64 clients on this device, showing the first 50" or "3 clients found". */
  summary(): Locator {
    return this.page.getByRole('status').filter({ hasText: /clients? (on this device|found)/ });
  }

  /** The number at the start of the summary. */
  async summaryCount(): Promise<number> {
    const text = (await this.summary().textContent()) ?? '';
    const match = /^([\d,]+)/.exec(text.trim());
    if (!match?.[1]) throw new Error(`No count in the caseload summary: "${text}"`);
    return Number(match[1].replaceAll(',', ''));
  }

  list(): Locator {
    return this.page.getByRole('list', { name: 'Clients' });
  }

  clientLinks(): Locator {
    return this.list().getByRole('heading', { level: 2 }).getByRole('link');
  }

  async clientNames(): Promise<string[]> {
    return (await this.clientLinks().allTextContents()).map((t) => t.trim());
  }

  /** One client's row, by their exact name. */
  row(name: string): Locator {
    return this.list()
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** "Born 22 Feb 1963" on a client's row, as `YYYY-MM-DD`; null when none is shown. */
  async dateOfBirthOf(name: string): Promise<string | null> {
    const text = (await this.row(name).textContent()) ?? '';
    // en-GB short months: "Feb", but "Sept".
    const m = /Born (\d{1,2}) (\w{3})\w? (\d{4})/.exec(text);
    if (!m) return null;
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const month = months.indexOf(m[2] ?? '') + 1;
    return `${m[3]}-${String(month).padStart(2, '0')}-${String(m[1]).padStart(2, '0')}`;
  }

  /** Types into the search box and waits until the summary has changed to the new results. */
  async searchFor(query: string): Promise<void> {
    const before = await this.summary().textContent();
    await this.search().fill(query);
    await this.page.waitForFunction(
      (previous) => {
        const el = [...document.querySelectorAll('[role="status"]')].find((s) => /clients? (on this device|found)/.test(s.textContent ?? ''));
        return el !== undefined && el.textContent !== previous;
      },
      before,
      { timeout: PAGE_TIMEOUT_MS },
    );
  }

  recordVisitLinks(): Locator {
    return this.list().getByRole('link', { name: /^Record visit for / });
  }

  async openRegister(): Promise<void> {
    await this.page.getByRole('link', { name: 'Register a client', exact: true }).click();
  }
}
