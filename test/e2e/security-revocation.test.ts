import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { request } from '../support/api';
import type { RunningServer } from '../support/server';
import { connectionState, DEMO_PASSWORD, pendingCount, waitFor } from './session';
import { type E2eStack, startE2eStack } from './stack';

/**
 * Issue 5, Show 4 - revocation end to end. The worker's laptop is offline with an unsynced intake; the office's
 * admin revokes it in the admin UI; on reconnect the app says why, its local store is empty (IndexedDB and the
 * wrapped key), and the token it had is refused.
 */
describe('revocation of a device', () => {
  let stack: E2eStack;
  let server: RunningServer;
  let renderer: E2eStack['renderer'];
  let browser: Browser;

  beforeAll(async () => {
    stack = await startE2eStack('obhut_e2e');
    ({ server, renderer, browser } = stack);
  });

  afterAll(() => stack?.close());

  async function open(username: string) {
    const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', colorScheme: 'dark' });
    const page = await context.newPage();
    const session = { token: '', deviceId: '' };
    page.on('response', async (res) => {
      if (!res.url().endsWith('/api/v1/auth/login') || res.status() !== 200) return;
      session.token = ((await res.json()) as { token: string }).token;
      session.deviceId = (res.request().postDataJSON() as { device: { id: string } }).device.id;
    });
    await page.goto(`${renderer.origin}/?server=${encodeURIComponent(server.url)}`);
    await page.getByLabel('Benutzername').fill(username);
    await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
    await page.getByLabel('Passwort').press('Enter');
    await page.getByTestId('current-user').waitFor();
    return { context, page, session };
  }

  const localState = (page: Page) =>
    page.evaluate(async () => ({
      databases: (await indexedDB.databases()).map((d) => d.name),
      storage: Object.keys(localStorage).sort(),
    }));

  const pull = (token: string, deviceId?: string) =>
    request<{ error?: { code: string } }>(server.url, 'GET', '/sync/intakes/pull', {
      token,
      headers: deviceId ? { 'x-obhut-device': deviceId } : undefined,
    });

  it('offline at the moment of revocation: on reconnect the app says why, holds nothing, and the token is dead', async () => {
    const worker = await open('bereitschaft.segeberg');
    await waitFor(
      () => connectionState(worker.page),
      (s) => s === 'online',
      15_000,
    );
    expect(worker.session.token).not.toBe('');
    expect((await pull(worker.session.token, worker.session.deviceId)).status).toBe(200);
    const before = await localState(worker.page);
    expect(before.databases.some((n) => n?.startsWith('rxdb-dexie-obhut_'))).toBe(true);
    expect(before.storage.some((k) => k.startsWith('obhut.vault.v1:'))).toBe(true);

    // Offline, the worker logs an intake that will never reach the server.
    await worker.context.setOffline(true);
    await waitFor(
      () => connectionState(worker.page),
      (s) => s === 'offline',
      10_000,
    );
    await worker.page.getByRole('button', { name: 'Neue Inobhutnahme' }).click();
    await worker.page.getByRole('textbox', { name: 'Nachname' }).fill('Widerrufprobe');
    await worker.page.getByRole('textbox', { name: 'Nachname' }).press('Control+Enter');
    await waitFor(
      () => pendingCount(worker.page),
      (n) => n === 1,
      10_000,
    );

    // The admin of the office revokes the laptop in the admin UI.
    const admin = await open('admin');
    await admin.page.getByText('Verwaltung', { exact: true }).first().click();
    await admin.page.getByRole('tab', { name: 'Geräte' }).click();
    const row = admin.page.locator(`[data-testid="device-row"][data-device-id="${worker.session.deviceId}"]`);
    await row.getByRole('button', { name: 'Gerät sperren und löschen' }).click();
    await admin.page.getByRole('button', { name: 'Endgültig sperren und löschen' }).click();
    await row.getByText(/Gesperrt am/).waitFor();

    // Still offline: the laptop knows nothing yet and keeps its data; the server already refuses the token.
    expect((await localState(worker.page)).databases.length).toBeGreaterThan(0);
    const refused = await pull(worker.session.token, worker.session.deviceId);
    expect([refused.status, refused.body.error?.code]).toEqual([403, 'device_revoked']);

    // Back online: the app learns it at its first contact, says why, and wipes.
    const reconnect = Date.now();
    await worker.context.setOffline(false);
    const screen = worker.page.getByTestId('revoked-screen');
    await worker.page.locator('[data-testid="revoked-screen"][data-state="done"]').waitFor({ timeout: 20_000 });
    console.log(`revoked device wiped ${Date.now() - reconnect} ms after reconnect`);
    expect(await screen.textContent()).toContain('Die Administration hat dieses Gerät gesperrt');
    expect(await worker.page.getByTestId('revoked-lost').textContent()).toContain(
      '1 Änderung war noch nicht synchronisiert',
    );
    expect(await worker.page.getByText('Widerrufprobe').count()).toBe(0);

    const after = await localState(worker.page);
    expect(after.databases).toEqual([]);
    expect(after.storage).toEqual(['obhut.deviceId']);

    // The old token stays refused, with or without the device header; a new login from here too.
    for (const deviceId of [worker.session.deviceId, undefined]) {
      const res = await pull(worker.session.token, deviceId);
      expect([res.status, res.body.error?.code]).toEqual([403, 'device_revoked']);
    }
    await worker.page.reload();
    await worker.page.getByLabel('Benutzername').fill('bereitschaft.segeberg');
    await worker.page.getByLabel('Passwort').fill(DEMO_PASSWORD);
    await worker.page.getByLabel('Passwort').press('Enter');
    await worker.page.locator('[data-testid="revoked-screen"][data-state="done"]').waitFor({ timeout: 10_000 });
    expect((await localState(worker.page)).databases).toEqual([]);

    // The admin sees it in the audit trail.
    await admin.page.getByRole('tab', { name: 'Protokoll' }).click();
    await admin.page.locator('[data-testid="audit-row"][data-action="admin.device_revoked"]').first().waitFor();

    await worker.context.close();
    await admin.context.close();
  });
});
