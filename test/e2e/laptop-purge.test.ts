import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { LAPTOP_PURGE_DAYS_DEFAULT } from '../../shared/privacy/laptop-purge';
import type { EntryWire } from '../../shared/schema/entry';
import type { IntakeWire } from '../../shared/schema/intake';
import type { LoginResponse } from '../../shared/sync/protocol';
import { login, makeIntakeBy, push } from '../support/api';
import { connectionState, DEMO_PASSWORD, pendingCount, waitFor } from './session';
import { type E2eStack, startE2eStack } from './stack';

const DAY_MS = 24 * 60 * 60 * 1000;
const POLL = { timeout: 30_000 };

/**
 * Issue 16, Show 2, in Chromium against the real server on PostgreSQL: a record the office closed by handing it
 * over leaves the supervisor's laptop once the purge period (the deletion concept's default, no machine policy in a
 * browser) has passed on the laptop's clock, also offline; it stays on the server and comes back, with its log, when
 * opened online. A handed-over record with a log line the server has not confirmed stays, and goes only once that
 * line is on the server.
 */
describe('purge from the laptop', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack('obhut_e2e_purge');
  });
  afterAll(() => stack?.close());

  async function handedOver(worker: LoginResponse, lead: LoginResponse, lastName: string): Promise<IntakeWire> {
    const record = makeIntakeBy(worker.user, {
      status: 'submitted',
      child: { firstName: 'Fiktiv', lastName, estimatedAge: 9 },
    });
    expect((await push(stack.server.url, worker.token, 'intakes', [{ newDocumentState: record }])).rejected).toEqual(
      [],
    );
    const t = Date.now();
    const signed: IntakeWire = {
      ...record,
      updatedAt: t,
      updatedBy: lead.user.id,
      review: { state: 'countersigned', countersignedBy: lead.user.id, countersignedAt: t },
    };
    expect(
      (await push(stack.server.url, lead.token, 'intakes', [{ assumedMasterState: record, newDocumentState: signed }]))
        .rejected,
    ).toEqual([]);
    const handed: IntakeWire = {
      ...signed,
      updatedAt: t + 1,
      review: {
        ...signed.review!,
        state: 'handed_over',
        handedOverTo: 'segeberg',
        handedOverBy: lead.user.id,
        handedOverAt: t + 1,
      },
    };
    expect(
      (await push(stack.server.url, lead.token, 'intakes', [{ assumedMasterState: signed, newDocumentState: handed }]))
        .rejected,
    ).toEqual([]);
    return handed;
  }

  it('removes a synced handed-over record after the configured days, fetches it again online, never a pending one', async () => {
    const { server, renderer, browser, db } = stack;
    const worker = await login(server.url, 'bereitschaft.pinneberg');
    const lead = await login(server.url, 'leitung.pinneberg');
    const gone = await handedOver(worker, lead, 'Purgeprobe');
    const kept = await handedOver(worker, lead, 'Wartprobe');
    const now = Date.now();
    const line: EntryWire = {
      id: `e-${randomUUID()}`,
      officeId: 'pinneberg',
      intakeId: gone.id,
      kind: 'note',
      at: now,
      createdBy: worker.user.id,
      createdAt: now,
      updatedAt: now,
      text: 'Fiktive Zeile im Protokoll der Purgeprobe.',
      _deleted: false,
    };
    expect((await push(server.url, worker.token, 'entries', [{ newDocumentState: line }])).rejected).toEqual([]);

    const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', colorScheme: 'dark' });
    await context.clock.install();
    const page = await context.newPage();
    await page.goto(`${renderer.origin}/?server=${encodeURIComponent(server.url)}`);
    const unlock = async () => {
      await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
      await page.getByLabel('Passwort').press('Enter');
    };
    await page.getByLabel('Benutzername').fill('leitung.pinneberg');
    await unlock();
    const row = (name: string) => page.getByTestId('intake-row').filter({ hasText: name });
    await row('Purgeprobe').waitFor({ timeout: 30_000 });
    await row('Wartprobe').waitFor({ timeout: 30_000 });
    await waitFor(
      () => pendingCount(page),
      (n) => n === 0,
      30_000,
    );

    // Offline, a log line on the other record: the server has not seen it.
    await context.setOffline(true);
    await waitFor(
      () => connectionState(page),
      (s) => s === 'offline',
      15_000,
    );
    await row('Wartprobe').getByRole('button').first().click();
    const log = page.getByTestId('entry-log');
    await log.getByLabel('Eintrag', { exact: true }).fill('Offline nachgetragen, noch nicht übertragen.');
    await log.getByLabel('Eintrag', { exact: true }).press('Enter');
    await log.getByTestId('entry').filter({ hasText: 'Offline nachgetragen' }).waitFor();
    await page.getByRole('button', { name: 'Fertig – zur Liste' }).click();
    await row('Wartprobe').waitFor();
    expect(await pendingCount(page)).toBe(1);

    // A day short of the period: nothing goes (the app locks after its idle time; the password opens it offline).
    await page.clock.fastForward((LAPTOP_PURGE_DAYS_DEFAULT - 1) * DAY_MS);
    await page.getByTestId('lock-screen').waitFor();
    await unlock();
    await row('Wartprobe').waitFor();
    await row('Purgeprobe').waitFor();
    expect(await page.getByTestId('removed-copy').count()).toBe(0);

    // Past the period, still offline: the synced record goes, the one with the unconfirmed line stays.
    await page.clock.fastForward(2 * DAY_MS);
    await page.getByTestId('lock-screen').waitFor();
    await unlock();
    await row('Wartprobe').waitFor();
    await expect.poll(() => page.getByTestId('removed-copy').count(), POLL).toBe(1);
    expect(await row('Purgeprobe').count()).toBe(0);
    expect(await page.getByTestId('removed-copy').getAttribute('data-id')).toBe(gone.id);
    expect(await page.getByTestId('removed-from-laptop').textContent()).not.toContain('Purgeprobe');
    expect(await pendingCount(page)).toBe(1);
    const fetchButton = page.getByRole('button', { name: /^Vom Server laden: Anruf vom / });
    expect(await fetchButton.isDisabled()).toBe(true);

    // The server keeps the record and its log.
    const onServer = () =>
      db.query<{ seq: string; data: IntakeWire }>(
        `SELECT seq::text, data FROM documents WHERE collection = 'intakes' AND id = $1`,
        [gone.id],
      );
    const before = await onServer();
    expect(before.map((r) => r.data.child.lastName)).toEqual(['Purgeprobe']);

    // Online: the line goes out; opening the removed record fetches it again with its log.
    await context.setOffline(false);
    await waitFor(
      () => pendingCount(page),
      (n) => n === 0,
      30_000,
    );
    await expect.poll(() => fetchButton.isEnabled(), POLL).toBe(true);
    await fetchButton.click();
    await page.getByTestId('entry-log').getByTestId('entry').filter({ hasText: 'Fiktive Zeile im Protokoll' }).waitFor({
      timeout: 30_000,
    });
    await expect.poll(() => page.getByRole('textbox', { name: 'Nachname' }).inputValue(), POLL).toBe('Purgeprobe');
    await page.getByRole('button', { name: 'Fertig – zur Liste' }).click();
    await row('Purgeprobe').waitFor();
    expect(await page.getByTestId('removed-copy').count()).toBe(0);
    // Fetching it again pushed nothing: the server's record is unchanged.
    expect(await onServer()).toEqual(before);

    // Now that its line is on the server, the other record goes at the next purge; the fetched one stays its period.
    await page.clock.fastForward(2 * 60 * 60 * 1000);
    await page.getByTestId('lock-screen').waitFor();
    await unlock();
    await row('Purgeprobe').waitFor();
    await expect.poll(() => row('Wartprobe').count(), POLL).toBe(0);
    await expect.poll(() => page.getByTestId('removed-copy').getAttribute('data-id'), POLL).toBe(kept.id);
    expect(await row('Purgeprobe').count()).toBe(1);
    await context.close();
  });
});
