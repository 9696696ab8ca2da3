/**
 * Signs in through the real sign-in page, the way a person does: by the labelled fields and the
 * button, found by role and accessible name (which also checks that they are labelled). When the app
 * then asks for a PIN (first sign-in of that person on this browser profile, or after a lockout),
 * it chooses TEST_PIN, and returns once the signed-in app shows who is signed in.
 */
import type { Page } from 'playwright-core';

/** Sign-in waits for the server and opening the local database; on a throttled CPU that is slow. */
const SIGN_IN_TIMEOUT_MS = 30_000;

/** The PIN signInAs chooses (not a simple pattern, so the app accepts it). */
export const TEST_PIN = '480372';

/** The signed-in app's header line "Signed in as …". */
export function signedInBadge(page: Page) {
  return page.locator('.rs-header__who');
}

export async function signInAs(page: Page, email: string, password: string, pin = TEST_PIN): Promise<void> {
  const signIn = page.getByRole('button', { name: 'Sign in', exact: true });
  await page.getByLabel('Email address', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await signIn.click();
  // Signed in once the sign-in form has gone; a wrong password keeps it, and the wait fails here.
  await signIn.waitFor({ state: 'detached', timeout: SIGN_IN_TIMEOUT_MS });
  const newPin = page.getByLabel('New PIN', { exact: true });
  await newPin.or(signedInBadge(page)).first().waitFor({ timeout: SIGN_IN_TIMEOUT_MS });
  if (await newPin.isVisible()) await choosePin(page, pin);
}

/** On the "Choose a PIN" page: enter it twice and save; returns when the app has opened. */
export async function choosePin(page: Page, pin = TEST_PIN): Promise<void> {
  await page.getByLabel('New PIN', { exact: true }).fill(pin);
  await page.getByLabel('Enter the PIN again', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Save PIN', exact: true }).click();
  await signedInBadge(page).waitFor({ timeout: SIGN_IN_TIMEOUT_MS });
}

/** On the PIN screen: unlock; returns when the app has opened. */
export async function unlockWithPin(page: Page, pin = TEST_PIN): Promise<void> {
  await page.getByLabel('PIN', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await signedInBadge(page).waitFor({ timeout: SIGN_IN_TIMEOUT_MS });
}
