/**
 * Page model for "Register a client" (src/features/clients/RegisterClientPage.tsx) as the caseload
 * tests use it: fields by label, the error summary by its heading, the offline duplicate warning by
 * its title, and the client page the form leads to.
 */
import type { Locator, Page } from 'playwright-core';

const PAGE_TIMEOUT_MS = 30_000;

export class RegisterClientForm {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Register a client' });
  }

  async waitUntilOpen(): Promise<void> {
    await this.heading().waitFor({ state: 'visible', timeout: PAGE_TIMEOUT_MS });
  }

  name(): Locator {
    return this.page.getByRole('textbox', { name: 'Full name', exact: true });
  }

  dateOfBirth(): Locator {
    return this.page.getByLabel('Date of birth (optional)', { exact: true });
  }

  postcode(): Locator {
    return this.page.getByRole('textbox', { name: 'Postcode (optional)', exact: true });
  }

  email(): Locator {
    return this.page.getByRole('textbox', { name: 'Email address (optional)', exact: true });
  }

  need(label: string): Locator {
    return this.page.getByRole('group', { name: /What do they need help with/ }).getByRole('checkbox', { name: label, exact: true });
  }

  saveButton(): Locator {
    return this.page.getByRole('button', { name: 'Save client', exact: true });
  }

  errorSummary(): Locator {
    return this.page.getByRole('alert').filter({ has: this.page.getByRole('heading', { name: 'There is a problem' }) });
  }

  async errorSummaryMessages(): Promise<string[]> {
    return (await this.errorSummary().getByRole('link').allTextContents()).map((t) => t.trim());
  }

  async errorSummaryHasFocus(): Promise<boolean> {
    return this.errorSummary().evaluate((el) => el === document.activeElement);
  }

  /** The inline message tied to a field (through aria-describedby), without its hidden "Error:" prefix. */
  async inlineErrorOf(field: Locator): Promise<string | null> {
    return field.evaluate((el) => {
      const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-error'));
      const text = ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
      return text === '' ? null : text.replace(/^Error:\s*/, '');
    });
  }

  duplicateWarning(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'This might be someone already on this device' });
  }

  duplicateLink(name: string): Locator {
    return this.duplicateWarning().getByRole('link', { name: `Open ${name}'s record`, exact: true });
  }

  /** Saves and resolves on the new client's page. */
  async saveAndOpenRecord(): Promise<void> {
    await this.saveButton().click();
    await this.page.waitForURL(/\/clients\/(?!new)[^/]+$/, { timeout: PAGE_TIMEOUT_MS });
  }
}

/** The client page, as far as these tests read it. */
export class ClientPageModel {
  constructor(readonly page: Page) {}

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name, exact: true });
  }

  async waitForClient(name: string): Promise<void> {
    await this.heading(name).waitFor({ state: 'visible', timeout: PAGE_TIMEOUT_MS });
  }
}
