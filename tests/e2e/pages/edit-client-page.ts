/**
 * Page model for "Change details" (src/features/clients/EditClientPage.tsx) and the parts of the
 * client page these tests read: the 'Change details' link and a detail's value in the summary list.
 * Fields are found by their labels, as on the register page.
 */
import type { Locator, Page } from 'playwright-core';

/** Opening a page waits for the local database and a lazy chunk; generous for a slow CI machine. */
const PAGE_TIMEOUT_MS = 30_000;

export class EditClientPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Change details' });
  }

  async waitUntilOpen(): Promise<void> {
    await this.heading().waitFor({ state: 'visible', timeout: PAGE_TIMEOUT_MS });
    await this.saveButton().waitFor({ state: 'visible', timeout: PAGE_TIMEOUT_MS });
  }

  /** From the client page: follows its 'Change details' link. */
  async openFromClientPage(): Promise<void> {
    await this.page.getByRole('link', { name: 'Change details', exact: true }).click();
    await this.waitUntilOpen();
  }

  name(): Locator {
    return this.page.getByRole('textbox', { name: 'Full name', exact: true });
  }

  phone(): Locator {
    return this.page.getByRole('textbox', { name: 'Phone number (optional)', exact: true });
  }

  postcode(): Locator {
    return this.page.getByRole('textbox', { name: 'Postcode (optional)', exact: true });
  }

  language(): Locator {
    return this.page.getByRole('textbox', { name: 'Preferred language (optional)', exact: true });
  }

  email(): Locator {
    return this.page.getByRole('textbox', { name: 'Email address (optional)', exact: true });
  }

  saveButton(): Locator {
    return this.page.getByRole('button', { name: 'Save changes', exact: true });
  }

  /** Saves and waits for the client page the form returns to. */
  async saveAndReturn(): Promise<void> {
    await this.saveButton().click();
    await this.page.waitForURL(/\/clients\/[^/]+$/, { timeout: PAGE_TIMEOUT_MS });
  }

  errorSummary(): Locator {
    return this.page.getByRole('alert').filter({ has: this.page.getByRole('heading', { name: 'There is a problem' }) });
  }

  async errorSummaryMessages(): Promise<string[]> {
    return (await this.errorSummary().getByRole('link').allTextContents()).map((t) => t.trim());
  }
}

/** The client page's details list: one detail's value by its label ("Phone", "Language", "Postcode"). */
export function clientDetail(page: Page, label: string): Locator {
  return page.locator('dl.rs-summary dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
}
