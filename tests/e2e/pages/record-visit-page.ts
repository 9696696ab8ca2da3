/**
 * Page model for "Record a visit" (src/features/visits/RecordVisitPage.tsx), found by role and
 * accessible name the way a person (or a screen reader) finds things: fields by their labels, the
 * error summary by its heading, the storage error beside Save by its text.
 */
import type { Locator, Page } from 'playwright-core';

/** Opening a page waits for the local database and a lazy chunk; generous for a slow CI machine. */
const PAGE_TIMEOUT_MS = 30_000;

export interface FollowUp {
  title: string;
  /** `YYYY-MM-DD`, as the native date input takes it. */
  due: string;
}

export class RecordVisitPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Record a visit' });
  }

  async waitUntilOpen(): Promise<void> {
    await this.heading().waitFor({ state: 'visible', timeout: PAGE_TIMEOUT_MS });
    await this.saveButton().waitFor({ state: 'visible', timeout: PAGE_TIMEOUT_MS });
  }

  /** From the caseload: 'Record visit' on the first client that has one; returns the client's name. */
  async openFromCaseload(): Promise<string> {
    const link = this.page.getByRole('link', { name: /^Record visit for / }).first();
    await link.waitFor({ state: 'visible', timeout: PAGE_TIMEOUT_MS });
    const name = ((await link.textContent()) ?? '').replace(/^Record visit\s*for\s*/, '').trim();
    await link.click();
    await this.waitUntilOpen();
    return name;
  }

  /** The case radios, present only when the client has several open cases and none was given. */
  caseRadios(): Locator {
    return this.page.getByRole('group', { name: 'Which case is this visit about?' }).getByRole('radio');
  }

  async chooseFirstCaseIfAsked(): Promise<void> {
    if ((await this.caseRadios().count()) > 0) await this.caseRadios().first().check();
  }

  kind(label: string): Locator {
    return this.page.getByRole('group', { name: 'Type of contact' }).getByRole('radio', { name: label, exact: true });
  }

  date(): Locator {
    return this.page.getByLabel('Date', { exact: true });
  }

  time(): Locator {
    return this.page.getByLabel('Time', { exact: true });
  }

  duration(): Locator {
    return this.page.getByRole('textbox', { name: /How long did it take/ });
  }

  notes(): Locator {
    return this.page.getByRole('textbox', { name: 'Notes', exact: true });
  }

  outcome(label: string): Locator {
    return this.page.getByRole('group', { name: /Outcomes/ }).getByRole('checkbox', { name: label, exact: true });
  }

  addFollowUpButton(): Locator {
    return this.page.getByRole('button', { name: /^Add (a|another) follow-up$/ });
  }

  followUp(index: number): { title: Locator; due: Locator; remove: Locator } {
    const group = this.page.getByRole('group', { name: `Follow-up ${index + 1}`, exact: true });
    return {
      title: group.getByRole('textbox', { name: 'What needs doing' }),
      due: group.getByLabel('Due date'),
      remove: group.getByRole('button', { name: /^Remove/ }),
    };
  }

  async addFollowUp(followUp: Partial<FollowUp>): Promise<void> {
    const index = await this.page.getByRole('group', { name: /^Follow-up \d+$/ }).count();
    await this.addFollowUpButton().click();
    const row = this.followUp(index);
    if (followUp.title !== undefined) await row.title.fill(followUp.title);
    if (followUp.due !== undefined) await row.due.fill(followUp.due);
  }

  saveButton(): Locator {
    return this.page.getByRole('button', { name: 'Save visit', exact: true });
  }

  async save(): Promise<void> {
    await this.saveButton().click();
  }

  /** Saves and waits for the client page the form returns to. */
  async saveAndReturn(): Promise<void> {
    await this.save();
    await this.page.waitForURL(/\/clients\/[^/]+$/, { timeout: PAGE_TIMEOUT_MS });
  }

  errorSummary(): Locator {
    return this.page.getByRole('alert').filter({ has: this.page.getByRole('heading', { name: 'There is a problem' }) });
  }

  async errorSummaryMessages(): Promise<string[]> {
    const links = await this.errorSummary().getByRole('link').allTextContents();
    return links.map((t) => t.trim());
  }

  /** The inline error texts on the page (each starts with a hidden "Error:"). */
  async inlineErrors(): Promise<string[]> {
    const texts = await this.page.locator('.rf-error-message').allTextContents();
    return texts.map((t) => t.replace(/^Error:\s*/, '').trim());
  }

  /** True when the error summary box has keyboard focus. */
  async errorSummaryHasFocus(): Promise<boolean> {
    return this.errorSummary().evaluate((el) => el === document.activeElement);
  }

  /** The storage failure shown beside Save (role=alert, not the summary). */
  saveError(): Locator {
    return this.page.locator('#visit-save-error');
  }
}
