/**
 * Page model for "a form with typed but unsaved input", which must hold an app update (sync.md D4):
 * the Register a client page (src/features/clients/RegisterClientPage.tsx), the form a worker is
 * most likely to be half-way through when an update arrives. The form counts as unsaved from the
 * first keystroke until it is saved or left (Cancel).
 */
import type { Page } from 'playwright-core';
import { signInAs } from '../../support';

/** Demo outreach worker seeded by the server on first start (README). */
export const DEMO_WORKER = { email: 'sam@riverside.example', password: 'resonance-demo' } as const;

/** Opening a signed-in page waits for the local database; generous for a slow CI machine. */
const PAGE_TIMEOUT_MS = 30_000;

export class RegisterClientPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  /** Signs in as the demo worker from the sign-in page and opens the empty form. */
  static async signInAndOpen(page: Page, baseUrl: string): Promise<RegisterClientPage> {
    await page.goto(`${baseUrl}/`, { waitUntil: 'load' });
    await signInAs(page, DEMO_WORKER.email, DEMO_WORKER.password);
    const form = new RegisterClientPage(page, baseUrl);
    await form.open();
    return form;
  }

  /** Opens the form from the caseload, as a person does (client-side navigation, no reload). */
  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Register a client' }).first().click({ timeout: PAGE_TIMEOUT_MS });
    await this.nameField().waitFor({ state: 'visible', timeout: PAGE_TIMEOUT_MS });
  }

  nameField() {
    return this.page.getByLabel('Full name', { exact: true });
  }

  /** Types a name without saving: the form is now half-filled. */
  async fillPart(name = 'Alex Half-Typed'): Promise<void> {
    await this.nameField().fill(name);
  }

  async nameValue(): Promise<string> {
    return this.nameField().inputValue();
  }

  /** Leaves the form without saving (Cancel), so nothing unsaved is left on screen. */
  async cancel(): Promise<void> {
    await this.page.getByRole('link', { name: 'Cancel', exact: true }).click();
    await this.nameField().waitFor({ state: 'detached', timeout: PAGE_TIMEOUT_MS });
  }

  /** Saves the client; resolves on their new record's page. */
  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save client' }).click();
    await this.page.waitForURL(/\/clients\/(?!new)[^/]+$/, { timeout: PAGE_TIMEOUT_MS });
  }
}
