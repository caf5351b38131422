import { readFile } from 'node:fs/promises';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RunningServer } from '../support/server';
import { DEMO_PASSWORD } from './session';
import { type E2eStack, startE2eStack } from './stack';

/**
 * Issue 5, the admin UI in Chromium against the real admin API: an account is created, its password reset and
 * the account disabled, each with the effect on logging in; the audit trail shows it and exports as CSV.
 */
describe('administration', () => {
  let stack: E2eStack;
  let server: RunningServer;
  let renderer: E2eStack['renderer'];
  let browser: Browser;

  beforeAll(async () => {
    stack = await startE2eStack('obhut_e2e');
    ({ server, renderer, browser } = stack);
  });

  afterAll(() => stack?.close());

  async function page(): Promise<Page> {
    const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', colorScheme: 'dark' });
    const p = await context.newPage();
    await p.goto(`${renderer.origin}/?server=${encodeURIComponent(server.url)}`);
    return p;
  }

  async function login(p: Page, username: string, password: string) {
    await p.getByLabel('Benutzername').fill(username);
    await p.getByLabel('Passwort').fill(password);
    await p.getByLabel('Passwort').press('Enter');
  }

  /** A fresh browser logging in: the user's name in the header, or the login form's message. */
  async function tryLogin(username: string, password: string): Promise<string> {
    const p = await page();
    await login(p, username, password);
    const outcome = p.getByTestId('current-user').or(p.getByTestId('login-error'));
    await outcome.first().waitFor();
    const text = (await outcome.first().textContent()) ?? '';
    await p.context().close();
    return text;
  }

  it('creates an account, resets its password, disables it, and shows and exports the trail', async () => {
    const admin = await page();
    await login(admin, 'admin', DEMO_PASSWORD);
    await admin.getByText('Verwaltung', { exact: true }).first().click();
    const newRow = admin.locator('[data-testid="user-row"][data-username="nachtdienst.test"]');

    // Create.
    await admin.getByRole('button', { name: 'Benutzer anlegen' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('Benutzername').fill('nachtdienst.test');
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Nora Nachtdienst');
    await dialog.getByLabel('Erstes Passwort').fill('kurz');
    await dialog.getByRole('button', { name: 'Anlegen' }).click();
    await dialog.getByText('mindestens 12 Zeichen lang').waitFor();
    await dialog.getByLabel('Erstes Passwort').fill('Leuchtturm am Deich 7');
    await dialog.getByRole('button', { name: 'Anlegen' }).click();
    await newRow.waitFor();
    expect(await newRow.textContent()).toContain('Nora Nachtdienst');
    expect(await tryLogin('nachtdienst.test', 'Leuchtturm am Deich 7')).toContain('Nora Nachtdienst');

    // Reset the password: the old one stops working, the new one works.
    await newRow.getByRole('button', { name: 'Passwort zurücksetzen' }).click();
    await admin.getByRole('dialog').getByLabel('Neues Passwort').fill('Möwen über der Trave 42');
    await admin.getByRole('dialog').getByRole('button', { name: 'Passwort setzen' }).click();
    await admin.getByText('ist neu gesetzt').waitFor();
    expect(await tryLogin('nachtdienst.test', 'Leuchtturm am Deich 7')).toContain('Passwort ist falsch');
    expect(await tryLogin('nachtdienst.test', 'Möwen über der Trave 42')).toContain('Nora Nachtdienst');

    // Disable: no login any more.
    await newRow.getByRole('button', { name: 'Konto deaktivieren' }).click();
    await newRow.getByText('Deaktiviert').waitFor();
    expect(await tryLogin('nachtdienst.test', 'Möwen über der Trave 42')).not.toContain('Nora Nachtdienst');

    // The trail shows each step, and exports.
    await admin.getByRole('tab', { name: 'Protokoll' }).click();
    for (const action of ['admin.user_created', 'admin.password_reset', 'admin.user_disabled']) {
      await admin.locator(`[data-testid="audit-row"][data-action="${action}"]`).first().waitFor();
    }
    // Newest first: the disabling comes before the account's creation, and the laptop is named, not numbered.
    const rows = admin.locator('[data-testid="audit-row"]');
    const ids = await rows.evaluateAll((all) => all.map((r) => Number((r as HTMLElement).dataset.id)));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const actions = await rows.evaluateAll((all) => all.map((r) => (r as HTMLElement).dataset.action ?? ''));
    expect(actions.indexOf('admin.user_disabled')).toBeLessThan(actions.indexOf('admin.user_created'));
    const disabledRow = rows.and(admin.locator('[data-action="admin.user_disabled"]')).first();
    expect(await disabledRow.getByTestId('audit-device').textContent()).toMatch(/^Browser \(/);
    expect(await disabledRow.getByTestId('audit-target').textContent()).toBe('nachtdienst.test');
    await disabledRow.getByText('Benutzerkonto deaktiviert').waitFor();

    // Narrowed on the server by typing into the filters: the kind, then also the user (who disabled no one).
    await admin.getByRole('combobox', { name: 'Art' }).fill('deaktiviert');
    await admin.getByRole('combobox', { name: 'Art' }).press('Tab');
    await expect
      .poll(() => rows.evaluateAll((all) => [...new Set(all.map((r) => r.dataset.action))]))
      .toEqual(['admin.user_disabled']);
    await admin.getByRole('combobox', { name: 'Benutzer' }).fill('Nora');
    await admin.getByRole('combobox', { name: 'Benutzer' }).press('Tab');
    await admin.getByText('Keine Einträge für diese Auswahl.').waitFor();
    await admin.getByRole('button', { name: 'Auswahl zurücksetzen' }).click();
    await expect.poll(() => rows.count()).toBeGreaterThan(3);

    // The quick filter over the loaded lines matches the German words shown.
    await admin.getByLabel('Geladene Einträge filtern').fill('deaktiviert');
    await expect
      .poll(() => rows.evaluateAll((all) => all.map((r) => r.dataset.action)))
      .toContain('admin.user_disabled');
    const filtered = await rows.evaluateAll((all) => all.map((r) => r.dataset.action));
    expect(filtered).not.toContain('admin.user_created');
    expect(filtered).not.toContain('admin.password_reset');
    await admin.getByLabel('Geladene Einträge filtern').fill('');
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('button', { name: 'Als CSV exportieren' }).click(),
    ]);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv).toContain('Benutzerkonto angelegt');
    expect(csv).toContain('Benutzerkonto deaktiviert');
    await admin.context().close();
  });
});
