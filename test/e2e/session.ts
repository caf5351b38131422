import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

export const DEMO_PASSWORD = 'obhut-demo';

/** A fresh browser profile (its own IndexedDB), logged in as a demo user, on the intake list. */
export async function loggedIn(
  browser: Browser,
  rendererOrigin: string,
  serverUrl: string,
  username: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(`${rendererOrigin}/?server=${encodeURIComponent(serverUrl)}`);
  await page.getByLabel('Benutzername').fill(username);
  await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
  await page.getByLabel('Passwort').press('Enter');
  await page.getByRole('button', { name: 'Neue Inobhutnahme' }).waitFor();
  return { context, page };
}

/** The number the status bar shows as "not yet synchronised". */
export async function pendingCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('status-pending').getAttribute('data-count'));
}

export async function connectionState(page: Page): Promise<string | null> {
  return page.getByTestId('status-connection').getAttribute('data-state');
}

export async function waitFor<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last = await probe();
  while (!ok(last) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    last = await probe();
  }
  expect(ok(last), `condition not met within ${timeoutMs} ms (last value ${JSON.stringify(last)})`).toBe(true);
  return last;
}
