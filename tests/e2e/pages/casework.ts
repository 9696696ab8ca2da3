/**
 * Page models for the casework a worker does offline: a client's record, opening a case and recording
 * a visit (src/features/clients, cases, visits). Found by role and accessible name, as a person using
 * a screen reader would find them.
 */
import type { Page } from 'playwright-core';

/** Pages render from the local database; generous for a slow CI machine. */
const PAGE_TIMEOUT_MS = 30_000;

export class ClientRecordPage {
  constructor(readonly page: Page) {}

  async waitForClient(name: string): Promise<void> {
    await this.page.getByRole('heading', { name, level: 1 }).waitFor({ state: 'visible', timeout: PAGE_TIMEOUT_MS });
  }

  async openCase(): Promise<void> {
    await this.page.getByRole('link', { name: 'Open a case' }).first().click();
    const form = this.page.getByRole('form', { name: 'Open a case' });
    await form.waitFor({ state: 'visible', timeout: PAGE_TIMEOUT_MS });
    // Any type will do; the first real option after the "Choose a type" placeholder.
    await form.getByLabel('Type of case').selectOption({ index: 1 });
    await form.getByRole('group', { name: /^Share this case with/ }).getByRole('radio', { name: 'No' }).check();
    await form.getByRole('button', { name: 'Open case' }).click();
    await form.waitFor({ state: 'detached', timeout: PAGE_TIMEOUT_MS });
  }

  async recordVisit(notes: string): Promise<void> {
    await this.page.getByRole('link', { name: /^Record visit/ }).first().click();
    const form = this.page.getByRole('form', { name: 'Record a visit' });
    await form.waitFor({ state: 'visible', timeout: PAGE_TIMEOUT_MS });
    await form.getByRole('group', { name: 'Type of contact' }).getByRole('radio').first().check();
    await form.getByLabel('Notes', { exact: true }).fill(notes);
    await form.getByRole('button', { name: 'Save visit' }).click();
    await form.waitFor({ state: 'detached', timeout: PAGE_TIMEOUT_MS });
    // The client page is drawn in the form's place first; the address follows a frame later.
    await this.page.waitForURL(/\/clients\/[^/]+$/, { timeout: PAGE_TIMEOUT_MS });
  }

  /** Waits until the text (for example a visit's notes) is shown on the record. */
  async waitForText(text: string): Promise<void> {
    await this.page.getByText(text).first().waitFor({ state: 'visible', timeout: PAGE_TIMEOUT_MS });
  }
}
