/**
 * Page model for "a form with typed but unsaved input", which must hold an app update (sync.md D4).
 * It uses the register-a-client form: the form a worker is most likely to be half-way through when
 * an update arrives.
 */
import type { Page } from 'playwright-core';
import { signInAs } from '../../support';

/** Demo outreach worker seeded by the server on first start (README). */
export const DEMO_WORKER = { email: 'sam@riverside.example', password: 'resonance-demo' } as const;

export interface HalfFillableForm {
  /** Types into the form without saving it. */
  fillPart(): Promise<void>;
  /** Empties what was typed, leaving nothing unsaved. */
  clear(): Promise<void>;
  isStillFilled(): Promise<boolean>;
}

export async function openHalfFillableForm(page: Page, baseUrl: string): Promise<HalfFillableForm> {
  await page.goto(`${baseUrl}/`, { waitUntil: 'load' });
  await signInAs(page, DEMO_WORKER.email, DEMO_WORKER.password);
  const name = page.getByLabel('Full name');
  await name.waitFor({ state: 'visible' });
  return {
    fillPart: () => name.fill('Alex Half-Typed'),
    clear: () => name.fill(''),
    isStillFilled: async () => (await name.inputValue()) === 'Alex Half-Typed',
  };
}
