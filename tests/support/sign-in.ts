/**
 * Signs in through the real sign-in page, the way a person does: by the labelled fields and the
 * button, found by role and accessible name (which also checks that they are labelled).
 */
import type { Page } from 'playwright-core';

/** Sign-in waits for the server and opening the local database; on a throttled CPU that is slow. */
const SIGN_IN_TIMEOUT_MS = 30_000;

export async function signInAs(page: Page, email: string, password: string): Promise<void> {
  const signIn = page.getByRole('button', { name: 'Sign in', exact: true });
  await page.getByLabel('Email address', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await signIn.click();
  // Signed in once the sign-in form has gone; a wrong password keeps it, and the wait fails here.
  await signIn.waitFor({ state: 'detached', timeout: SIGN_IN_TIMEOUT_MS });
}
