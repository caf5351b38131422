import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { API_PREFIX } from '../../shared/sync/protocol';
import type { RunningServer } from '../support/server';
import { connectionState, DEMO_PASSWORD, loggedIn, pendingCount, waitFor } from './session';
import { type E2eStack, startE2eStack } from './stack';

/**
 * Issue 12, Show 1 (1): a change made offline, then logout, then a colleague logs in on the same browser profile:
 * the change reaches the server under its author's name, although the author never logs in again (docs/outbox.md).
 */
describe('logout with unsent changes in Chromium', () => {
  let stack: E2eStack;
  let server: RunningServer;
  let renderer: E2eStack['renderer'];
  let browser: Browser;

  beforeAll(async () => {
    stack = await startE2eStack('obhut_e2e_outbox');
    ({ server, renderer, browser } = stack);
  });

  afterAll(() => stack?.close());

  async function apiLogin(username: string): Promise<{ token: string; userId: string }> {
    const res = await fetch(`${server.url}${API_PREFIX}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD, device: { id: `probe-${username}`, name: 'Test' } }),
    });
    const body = (await res.json()) as { token: string; user: { id: string } };
    return { token: body.token, userId: body.user.id };
  }

  async function serverIntakes(token: string): Promise<Record<string, unknown>[]> {
    const res = await fetch(`${server.url}${API_PREFIX}/sync/intakes/pull?limit=1000`, {
      headers: { authorization: `Bearer ${token}`, 'x-obhut-device': 'probe-leitung.segeberg' },
    });
    return ((await res.json()) as { documents: Record<string, unknown>[] }).documents;
  }

  it('an offline change of a logged-out worker reaches the server under her name when a colleague logs in', async () => {
    const { context, page } = await loggedIn(browser, renderer.origin, server.url, 'bereitschaft.segeberg');
    await waitFor(
      () => connectionState(page),
      (s) => s === 'online',
      10_000,
    );
    // The session has its outbox credential (kept only inside the user's vault, never in plain text).
    await waitFor(
      () => page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('obhut.outbox-credential|'))),
      Boolean,
      10_000,
    );

    await context.setOffline(true);
    await waitFor(
      () => connectionState(page),
      (s) => s === 'offline',
      10_000,
    );
    const lastName = `Ausgang-${Date.now()}`;
    await page.getByRole('button', { name: 'Neue Inobhutnahme' }).click();
    await page.getByTestId('night-record').waitFor();
    await page.getByRole('textbox', { name: 'Vorname', exact: true }).fill('Merle');
    await page.getByRole('textbox', { name: 'Nachname', exact: true }).fill(lastName);
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('intake-row').filter({ hasText: lastName }).waitFor();
    expect(await pendingCount(page)).toBe(1);

    // Before leaving, the author is told in plain German what happens to the change.
    await page.getByRole('button', { name: 'Abmelden' }).click();
    const told = page.getByTestId('logout-pending-text');
    await told.waitFor();
    expect(await told.textContent()).toContain('unter Ihrem Namen übertragen');
    await page.getByRole('button', { name: 'Trotzdem abmelden' }).click();
    await page.getByLabel('Benutzername').waitFor();

    // Whoever is at the laptop sees that something waits, and whose, but not what.
    const waiting = page.getByTestId('outbox-waiting');
    await waiting.waitFor();
    expect(await waiting.textContent()).toMatch(
      /^1 Änderung von Bereitschaft (Kreis )?Segeberg wartet auf Übertragung$/,
    );
    expect(await page.getByText(lastName).count()).toBe(0);
    const stored = await page.evaluate(() => JSON.stringify(localStorage));
    expect(stored).not.toContain(lastName);

    const probe = await apiLogin('leitung.segeberg');
    expect((await serverIntakes(probe.token)).some((d) => JSON.stringify(d).includes(lastName))).toBe(false);

    // Back online, the colleague logs in on the same profile; the author never comes back.
    await context.setOffline(false);
    await page.getByLabel('Benutzername').fill('leitung.segeberg');
    await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
    await page.getByLabel('Passwort').press('Enter');
    await page.getByTestId('intake-row').filter({ hasText: lastName }).waitFor({ timeout: 20_000 });
    await waitFor(
      () => page.getByTestId('outbox-waiting').count(),
      (n) => n === 0,
      10_000,
    );

    const author = await apiLogin('bereitschaft.segeberg');
    const doc = (await serverIntakes(probe.token)).find((d) => JSON.stringify(d).includes(lastName));
    expect(doc).toBeDefined();
    expect(doc!.createdBy).toBe(author.userId);
    expect(doc!.updatedBy).toBe(author.userId);
    await context.close();
  });
});
