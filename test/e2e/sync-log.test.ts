import { readFile } from 'node:fs/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { errors } from '../../shared/i18n/de/errors';
import type { IntakeWire } from '../../shared/schema/intake';
import { login, makeIntakeBy, push } from '../support/api';
import { connectionState, DEMO_PASSWORD, pendingCount, waitFor } from './session';
import { type E2eStack, startE2eStack } from './stack';

const POLL = { timeout: 40_000 };

/**
 * Issue 16, Show 3, in Chromium against the real server on PostgreSQL: after an offline night - a new record, and
 * a change to a record the supervisor countersigned meanwhile, which the server refuses - the worker opens the sync
 * log from the status bar and reads in German what was sent, received and refused, with the reason and no content,
 * and saves it as a CSV for support.
 */
describe('sync log', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack('obhut_e2e_synclog');
  });
  afterAll(() => stack?.close());

  it('shows what an offline night sent, received and had refused, with the reason, and saves it', async () => {
    const { server, renderer, browser } = stack;
    const worker = await login(server.url, 'bereitschaft.stormarn');
    const lead = await login(server.url, 'leitung.stormarn');
    const record = makeIntakeBy(worker.user, {
      status: 'submitted',
      child: { firstName: 'Fiktiv', lastName: 'Gegenzeichnung', estimatedAge: 11 },
    });
    expect((await push(server.url, worker.token, 'intakes', [{ newDocumentState: record }])).rejected).toEqual([]);

    const context = await browser.newContext({
      locale: 'de-DE',
      timezoneId: 'Europe/Berlin',
      colorScheme: 'dark',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`${renderer.origin}/?server=${encodeURIComponent(server.url)}`);
    await page.getByLabel('Benutzername').fill('bereitschaft.stormarn');
    await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
    await page.getByLabel('Passwort').press('Enter');
    const row = (name: string) => page.getByTestId('intake-row').filter({ hasText: name });
    await row('Gegenzeichnung').waitFor({ timeout: 40_000 });

    // The night, offline: a new record, and a change to the submitted one.
    await context.setOffline(true);
    await waitFor(
      () => connectionState(page),
      (s) => s === 'offline',
      15_000,
    );
    await page.getByRole('button', { name: 'Neue Inobhutnahme' }).click();
    await page.getByRole('textbox', { name: 'Nachname' }).fill('Nachtprobe');
    await page.getByRole('button', { name: 'Fertig – zur Liste' }).click();
    await row('Nachtprobe').waitFor();
    await row('Gegenzeichnung').getByRole('button').first().click();
    await page.getByRole('textbox', { name: 'Vorname' }).fill('Nachtsgeändert');
    await page.getByRole('button', { name: 'Fertig – zur Liste' }).click();
    await row('Nachtsgeändert').waitFor();
    expect(await pendingCount(page)).toBe(2);

    // Meanwhile the supervisor countersigns the record on the server: the change made offline will be refused.
    const t = Date.now();
    const signed: IntakeWire = {
      ...record,
      updatedAt: t,
      updatedBy: lead.user.id,
      review: { state: 'countersigned', countersignedBy: lead.user.id, countersignedAt: t },
    };
    expect(
      (await push(server.url, lead.token, 'intakes', [{ assumedMasterState: record, newDocumentState: signed }]))
        .rejected,
    ).toEqual([]);

    await context.setOffline(false);
    await expect.poll(() => page.getByTestId('status-rejections').getAttribute('data-count'), POLL).toBe('1');
    // The status bar names the refused record by its child (read by id), not by its id.
    await expect.poll(() => page.getByTestId('status-rejections').textContent(), POLL).toContain('Gegenzeichnung: ');
    await waitFor(
      () => pendingCount(page),
      (n) => n === 0,
      40_000,
    );

    await page.getByRole('button', { name: 'Synchronisationsprotokoll' }).click();
    const log = page.getByRole('dialog', { name: 'Synchronisationsprotokoll dieses Laptops' });
    const table = log.getByRole('table', { name: 'Einträge des Synchronisationsprotokolls, neueste zuerst' });
    const rowsOf = (kind: string) => table.locator(`[data-testid="sync-log-row"][data-kind="${kind}"]`);
    await expect.poll(() => rowsOf('refused').count(), POLL).toBe(1);
    const refused = await rowsOf('refused').textContent();
    expect(refused).toContain('abgelehnt');
    expect(refused).toContain('Inobhutnahmen');
    expect(refused).toContain(errors.intake_locked);
    const sent = await rowsOf('sent').allTextContents();
    expect(sent.some((r) => r.includes('gesendet') && r.includes('Inobhutnahmen'))).toBe(true);
    const received = await rowsOf('received').allTextContents();
    expect(received.some((r) => r.includes('empfangen') && r.includes('Inobhutnahmen'))).toBe(true);
    // The time as dd.MM.yyyy HH:mm, and no content: neither name written that night appears.
    expect(refused).toMatch(/\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
    const shown = await log.textContent();
    for (const content of ['Nachtprobe', 'Nachtsgeändert', 'Gegenzeichnung', 'Fiktiv'])
      expect(shown).not.toContain(content);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      log.getByRole('button', { name: 'Für den Support speichern (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^synchronisationsprotokoll-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv).toContain('Zeitpunkt;Vorgang;Bereich;Anzahl;Grund;Kennung');
    expect(csv).toContain(`abgelehnt;Inobhutnahmen;1;`);
    expect(csv).toContain(record.id);
    for (const content of ['Nachtprobe', 'Nachtsgeändert', 'Fiktiv']) expect(csv).not.toContain(content);
    await context.close();
  });
});
