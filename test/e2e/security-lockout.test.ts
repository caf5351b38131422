import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { request } from '../support/api';
import type { RunningServer } from '../support/server';
import { connectionState, DEMO_PASSWORD, loggedIn, pendingCount, waitFor } from './session';
import { type E2eStack, startE2eStack } from './stack';

/**
 * Issue 12.3, lockout at night, in Chromium: guesses from another client lock the account name, but the worker
 * still opens the records on the own laptop with the right password - through the server (the laptop has its own
 * count) and, where the server refuses even that laptop, through the local key check alone.
 */
describe('lockout at night', () => {
  let stack: E2eStack;
  let server: RunningServer;
  let renderer: E2eStack['renderer'];
  let browser: Browser;

  beforeAll(async () => {
    stack = await startE2eStack('obhut_e2e_lockout');
    ({ server, renderer, browser } = stack);
  });

  afterAll(() => stack?.close());

  const guess = (password: string, deviceId: string) =>
    request(server.url, 'POST', '/auth/login', {
      body: { username: 'bereitschaft.segeberg', password, device: { id: deviceId, name: 'Fremdes Gerät' } },
    });

  it('opens the laptop’s records with the right password after 11 bad attempts from elsewhere', async () => {
    const { context, page } = await loggedIn(browser, renderer.origin, server.url, 'bereitschaft.segeberg');
    await page.getByRole('button', { name: 'Neue Inobhutnahme' }).click();
    await page.getByRole('textbox', { name: 'Nachname' }).fill('Nachtschicht');
    await page.getByRole('textbox', { name: 'Nachname' }).press('Control+Enter');
    const row = page.getByTestId('intake-row').filter({ hasText: 'Nachtschicht' });
    await row.waitFor();
    await waitFor(
      () => pendingCount(page),
      (n) => n === 0,
      20_000,
    );

    // Someone elsewhere guesses the predictable name 11 times: locked for every device but the worker's laptop.
    for (let i = 0; i < 10; i++) expect((await guess(`Sommer2026-${i}`, 'angreifer')).status).toBe(401);
    expect((await guess(DEMO_PASSWORD, 'angreifer')).status).toBe(429);

    // The worker comes back to the laptop (the app restarts): a typo is told how many attempts are left ...
    await page.reload();
    const password = page.getByLabel('Passwort');
    await password.fill('vertippt');
    await password.press('Enter');
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('Noch 9 Versuche');
    // ... and the right password opens the records, online.
    await password.fill(DEMO_PASSWORD);
    await password.press('Enter');
    await row.waitFor();
    await waitFor(
      () => connectionState(page),
      (s) => s === 'online',
      15_000,
    );

    // Even where the server refuses this laptop too (here: 10 guesses with its own device id), the local key
    // check alone opens what is on it with the right password, and a wrong one is told until when it is locked.
    const deviceId = await page.evaluate(() => localStorage.getItem('obhut.deviceId'));
    expect(deviceId).toBeTruthy();
    for (let i = 0; i < 10; i++) await guess(`Winter2026-${i}`, deviceId!);
    expect((await guess(DEMO_PASSWORD, deviceId!)).status).toBe(429);
    await page.reload();
    await password.fill('vertippt');
    await password.press('Enter');
    await expect
      .poll(() => page.getByTestId('login-error').textContent())
      .toMatch(/Die Anmeldung ist bis \d\d\.\d\d\.\d{4} \d\d:\d\d Uhr gesperrt/);
    expect(await page.getByText('Nachtschicht').count()).toBe(0);
    await password.fill(DEMO_PASSWORD);
    await password.press('Enter');
    await row.waitFor();
    await context.close();
  });
});
