import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RunningServer } from '../support/server';
import { connectionState, loggedIn, pendingCount, waitFor } from './session';
import { type E2eStack, startE2eStack } from './stack';

/**
 * Issue 2, Show 5: in Chromium against the built renderer and a server on PostgreSQL, an intake logged offline
 * is counted as not yet synced, syncs when the connection returns, reaches a colleague of the same office
 * within 2 s, and never reaches another office.
 */
describe('walking skeleton in Chromium', () => {
  let stack: E2eStack;
  let server: RunningServer;
  let renderer: E2eStack['renderer'];
  let browser: Browser;

  beforeAll(async () => {
    stack = await startE2eStack('obhut_e2e');
    ({ server, renderer, browser } = stack);
  });

  afterAll(() => stack?.close());

  it('an intake created offline syncs on reconnect and reaches a colleague, not another office', async () => {
    const worker = await loggedIn(browser, renderer.origin, server.url, 'bereitschaft.pinneberg');
    const colleague = await loggedIn(browser, renderer.origin, server.url, 'leitung.pinneberg');
    const stranger = await loggedIn(browser, renderer.origin, server.url, 'bereitschaft.stormarn');
    for (const { page } of [worker, colleague, stranger]) {
      await waitFor(
        () => connectionState(page),
        (s) => s === 'online',
        10_000,
      );
    }
    const lastName = `Testkind-${Date.now()}`;

    await worker.context.setOffline(true);
    await waitFor(
      () => connectionState(worker.page),
      (s) => s === 'offline',
      10_000,
    );
    const page = worker.page;
    await page.getByRole('button', { name: 'Neue Inobhutnahme' }).click();
    await page.getByTestId('night-record').waitFor();
    await page.getByRole('textbox', { name: 'Vorname', exact: true }).fill('Frieda');
    await page.getByRole('textbox', { name: 'Nachname', exact: true }).fill(lastName);
    await page.keyboard.press('Control+Enter'); // the form saves as you type; Ctrl+Enter goes back to the list
    const row = page.getByTestId('intake-row').filter({ hasText: lastName });
    await row.waitFor();
    expect(await pendingCount(page)).toBe(1);
    await expect.poll(() => row.getByTestId('marker-pending').count()).toBe(1);

    // Offline for a while: nothing leaves the laptop.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await colleague.page.getByText(lastName).count()).toBe(0);

    await worker.context.setOffline(false);
    const backOnline = Date.now();
    await colleague.page.getByTestId('intake-row').filter({ hasText: lastName }).waitFor({ timeout: 2_000 });
    const seenAfterMs = Date.now() - backOnline;
    console.log(`colleague saw the offline intake ${seenAfterMs} ms after reconnect`);
    await waitFor(
      () => pendingCount(page),
      (n) => n === 0,
      10_000,
    );

    // Another office never sees it: its list holds only its own (demo) intakes, and stays so after the sync.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await connectionState(stranger.page)).toBe('online');
    expect(await stranger.page.getByTestId('intake-row').count()).toBeGreaterThan(0);
    expect(await stranger.page.getByText(lastName).count()).toBe(0);

    for (const c of [worker, colleague, stranger]) await c.context.close();
  });
});
