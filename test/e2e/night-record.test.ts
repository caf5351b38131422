import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { de } from '../../shared/i18n';
import type { EntryWire } from '../../shared/schema/entry';
import type { IntakeWire } from '../../shared/schema/intake';
import type { TestDatabase } from '../support/pg';
import type { RunningServer } from '../support/server';
import { connectionState, DEMO_PASSWORD, loggedIn, pendingCount, waitFor } from './session';
import { type E2eStack, startE2eStack } from './stack';

/**
 * Issue 3, Show 4, in Chromium against the built renderer and a server on PostgreSQL: an on-call worker completes
 * a whole night record offline with the keyboard - from the call to a placement after two refused places - reloads
 * the page halfway (nothing lost), goes online, and the supervisor's browser then shows the complete record and its
 * log. Input goes through the keyboard only: focus moves with Tab or to a field by its label, values are typed,
 * buttons pressed with Enter, options chosen by typing a word of them in the focused select.
 */
/** This machine may be busy: waits are generous, failures still name what was awaited. */
const POLL = { timeout: 20_000 };
const section = (page: Page, id: string) => page.locator(`[data-section="${id}"]`);
const field = (page: Page, sectionId: string, label: string) =>
  section(page, sectionId).getByLabel(label, { exact: true });

async function type(target: Locator, text: string): Promise<void> {
  await target.focus();
  await target.page().keyboard.type(text);
}
/** A native select chosen by typing the start of the option's label, as users do (no space: it opens the list). */
async function pick(target: Locator, label: string, expected: string): Promise<void> {
  await target.focus();
  await target.page().keyboard.type(label, { delay: 20 });
  await expect.poll(() => target.inputValue(), POLL).toBe(expected);
}
/** A select to type in: a word of the option, Enter takes the first match; the field then shows its label. */
async function choose(target: Locator, typed: string, label: string): Promise<void> {
  await target.focus();
  await target.page().keyboard.type(typed, { delay: 20 });
  await target.page().keyboard.press('Enter');
  await expect.poll(() => target.inputValue(), POLL).toBe(label);
}
/** "J" in a time field: now. */
async function now(target: Locator): Promise<void> {
  await target.focus();
  await target.page().keyboard.press('j');
  await expect.poll(() => target.inputValue(), POLL).toMatch(/^\d\d\.\d\d\.\d{4} \d\d:\d\d$/);
}
async function press(target: Locator): Promise<void> {
  await target.focus();
  await target.page().keyboard.press('Enter');
}
/** Everything typed is in the local store: no field holds unsaved text. */
async function saved(page: Page): Promise<void> {
  await page.locator('[data-testid="save-state"][data-state="saved"][data-unsaved="0"]').waitFor({ timeout: 10_000 });
}

describe('the night record in Chromium', () => {
  let stack: E2eStack;
  let db: TestDatabase;
  let server: RunningServer;
  let renderer: E2eStack['renderer'];
  let browser: Browser;

  beforeAll(async () => {
    stack = await startE2eStack('obhut_e2e_night');
    ({ db, server, renderer, browser } = stack);
  });

  afterAll(() => stack?.close());

  it(
    'a worker completes a night offline with the keyboard, reloads halfway, syncs; the supervisor sees record and log',
    { timeout: 300_000 },
    async () => {
      const started = Date.now();
      const step = (what: string) => console.log(`${Date.now() - started} ms: ${what}`);
      const worker = await loggedIn(browser, renderer.origin, server.url, 'bereitschaft.norderstedt');
      const page = worker.page;
      page.setDefaultTimeout(20_000);
      step('logged in');
      await waitFor(
        () => connectionState(page),
        (s) => s === 'online',
        15_000,
      );
      const lastName = `Nachtkind-${Date.now().toString(36)}`;

      // The call: the form opens in the first name. The Verbund's places came with the login (the placement search
      // offers them); from here on the laptop is offline, and the record exists from the first keystroke.
      await press(page.getByRole('button', { name: 'Neue Inobhutnahme' }));
      await page.getByTestId('night-record').waitFor();
      await expect.poll(() => page.locator('#placement-suggestions option').count(), POLL).toBeGreaterThan(4);
      await worker.context.setOffline(true);
      await waitFor(
        () => connectionState(page),
        (s) => s === 'offline',
        10_000,
      );
      expect(await field(page, 'child', 'Vorname').evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type('Frieda');
      await page.keyboard.press('Tab');
      await page.keyboard.type(lastName);
      await type(field(page, 'child', 'Geschätztes Alter'), '9'); // birth date unknown
      await choose(field(page, 'call', 'Angeregt durch'), 'Polizei', 'Polizei/Ordnungsbehörde');
      step('child');
      await type(field(page, 'call', 'Anrufer/-in'), 'PK Beispiel (fiktiv)');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.type('DEMO-E2E-1');
      await type(field(page, 'call', 'Situation (kurz)'), 'Fiktiv: Kind nachts allein an der Tankstelle angetroffen.');

      step('risk');
      // Risk assessment and decision.
      await section(page, 'risk').getByLabel('Kind ohne Aufsicht').focus();
      await page.keyboard.press('Space');
      await choose(field(page, 'risk', 'Kind persönlich gesehen'), 'Ja', 'Ja');
      await type(field(page, 'risk', 'Einschätzung'), 'Kind unterkühlt und verängstigt, Eltern nicht erreichbar.');
      await choose(field(page, 'decision', 'Rechtsgrundlage'), '2a', de.nightRecord.legalGrounds['42_1_2a']);
      await now(field(page, 'decision', 'Entscheidung getroffen'));
      await now(field(page, 'decision', 'Beginn der Maßnahme'));
      await type(field(page, 'decision', 'Begründung'), 'Dringende Gefahr; Gericht nachts nicht erreichbar.');
      await saved(page);

      step('reload');
      // Halfway: the page reloads. The browser must fetch the app itself (a desktop app has it on disk), so only the
      // server stays unreachable meanwhile; then the machine is offline again. Unlock, open the record: all there.
      await worker.context.route(`${server.url}/**`, (route) => route.abort('internetdisconnected'));
      await worker.context.setOffline(false);
      await page.reload();
      await worker.context.setOffline(true);
      await worker.context.unrouteAll();
      await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
      await page.getByLabel('Passwort').press('Enter');
      const row = page.getByTestId('intake-row').filter({ hasText: lastName });
      await press(row.getByRole('button'));
      await page.getByTestId('night-record').waitFor();
      expect(await field(page, 'child', 'Vorname').inputValue()).toBe('Frieda');
      expect(await field(page, 'child', 'Geschätztes Alter').inputValue()).toBe('9');
      expect(await field(page, 'call', 'Aktenzeichen der Polizei').inputValue()).toBe('DEMO-E2E-1');
      expect(await field(page, 'decision', 'Rechtsgrundlage').inputValue()).toBe(
        de.nightRecord.legalGrounds['42_1_2a'],
      );
      expect(JSON.stringify(await field(page, 'decision', 'Begründung').inputValue())).toBe(
        JSON.stringify('Dringende Gefahr; Gericht nachts nicht erreichbar.'),
      );
      expect(await section(page, 'risk').getByLabel('Kind ohne Aufsicht').isChecked()).toBe(true);

      step('placement');
      // The placement search: two places refuse, the third takes the child. One action each.
      const search = page.getByTestId('placement-search');
      const placeInput = search.getByLabel('Einrichtung oder Person', { exact: true });
      for (const [place, reason, code] of [
        ['Kinderhaus Travetal', 'Kein', 'no_place'],
        ['Jugendschutzhaus Norderstedt', 'Alter', 'age'],
      ] as const) {
        await type(placeInput, place);
        await page.keyboard.press('Enter');
        const placeRow = search.getByTestId('place-row').filter({ hasText: place });
        await placeRow.waitFor();
        await pick(placeRow.getByLabel('Grund der Absage'), reason, code);
        await press(search.getByRole('button', { name: `${place}: abgelehnt` }));
        await search.locator('[data-answer="refused"]').filter({ hasText: place }).waitFor();
      }
      await type(placeInput, 'Kinderschutzhaus Elmshorn');
      await page.keyboard.press('Enter');
      await press(search.getByRole('button', { name: 'Kinderschutzhaus Elmshorn: zugesagt' }));
      await expect
        .poll(() => field(page, 'placement', 'Einrichtung / Person').inputValue(), POLL)
        .toBe('Kinderschutzhaus Elmshorn');
      await choose(field(page, 'placement', 'Art der Unterbringung'), 'Einrichtung', 'Einrichtung');
      await now(field(page, 'placement', 'Aufnahme'));

      step('custodians');
      // Trusted person, custodians, responsibility, statistics.
      await choose(field(page, 'trustedPerson', 'Benachrichtigung einer Vertrauensperson angeboten'), 'Ja', 'Ja');
      await press(
        section(page, 'custodians').getByRole('button', { name: 'Personensorgeberechtigte Person hinzufügen' }),
      );
      const custodian = section(page, 'custodians').getByTestId('list-item');
      await expect
        .poll(
          () => custodian.getByLabel('Rolle', { exact: true }).evaluate((el) => el === document.activeElement),
          POLL,
        )
        .toBe(true);
      await page.keyboard.type('Mutter', { delay: 20 });
      await page.keyboard.press('Tab');
      await page.keyboard.type('Erika Musterfrau (fiktiv)');
      await type(
        custodian.getByLabel('Erreichbarkeitsversuche', { exact: true }),
        'Mobil zweimal nicht erreicht, Nachricht hinterlassen.',
      );
      await choose(
        field(page, 'responsibility', 'Tatsächlicher Aufenthalt vor der Maßnahme'),
        'Stadt',
        'Stadt Norderstedt',
      );
      await expect
        .poll(() => page.getByTestId('responsibility').textContent(), POLL)
        .toContain('Zuständig: Stadt Norderstedt (§ 87 S. 1 SGB VIII: tatsächlicher Aufenthalt vor der Maßnahme)');
      await choose(field(page, 'statistics', 'Geschlecht'), 'Weiblich', 'Weiblich');

      step('log');
      // A line in the log, then submit: nothing is missing any more.
      const log = page.getByTestId('entry-log');
      // The kind shows "Notiz" already: its text replaced, as a Tab into the field would select it.
      await log.getByRole('combobox', { name: 'Art', exact: true }).focus();
      await page.keyboard.press('Control+A');
      await choose(log.getByRole('combobox', { name: 'Art', exact: true }), 'Benachr', 'Benachrichtigung');
      await type(log.getByLabel('Eintrag', { exact: true }), 'Mutter per SMS um Rückruf gebeten.');
      await page.keyboard.press('Enter');
      await log.getByTestId('entry').filter({ hasText: 'Mutter per SMS' }).waitFor();
      await expect.poll(() => page.getByTestId('intake-missing').getAttribute('data-count'), POLL).toBe('0');
      await press(page.getByTestId('submit'));
      await expect.poll(() => page.getByTestId('record-status').textContent(), POLL).toBe('Vorgelegt');
      expect(await connectionState(page)).toBe('offline');
      expect(await pendingCount(page)).toBeGreaterThanOrEqual(1);
      await page.keyboard.press('Control+Enter');
      await row.waitFor();

      step('online');
      // Online: everything reaches the server.
      await worker.context.setOffline(false);
      await waitFor(
        () => pendingCount(page),
        (n) => n === 0,
        20_000,
      );
      const [stored] = await db.query<{ data: IntakeWire }>(
        `SELECT data FROM documents WHERE collection = 'intakes' AND data->'child'->>'lastName' = $1`,
        [lastName],
      );
      expect(stored.data).toMatchObject({
        status: 'submitted',
        officeId: 'norderstedt',
        child: { firstName: 'Frieda', lastName, estimatedAge: 9 },
        decision: { ground: '42_1_2a', reasons: 'Dringende Gefahr; Gericht nachts nicht erreichbar.' },
        placement: {
          facilityName: 'Kinderschutzhaus Elmshorn',
          facilityId: 'kinderschutzhaus-elmshorn',
          accommodation: 'facility',
        },
        custodians: [expect.objectContaining({ role: 'mother', name: 'Erika Musterfrau (fiktiv)' })],
        risk: { indicators: ['child_alone'], childSeenInPerson: true },
      });
      const lines = await db.query<{ data: EntryWire }>(
        `SELECT data FROM documents WHERE collection = 'entries' AND data->>'intakeId' = $1 ORDER BY data->>'at', seq`,
        [stored.data.id],
      );
      expect(
        lines.filter((l) => l.data.placement?.answer === 'refused').map((l) => l.data.placement!.facilityName),
      ).toEqual(['Kinderhaus Travetal', 'Jugendschutzhaus Norderstedt']);
      expect(lines.filter((l) => l.data.placement?.answer === 'accepted')).toHaveLength(1);
      expect(lines.filter((l) => l.data.kind === 'notification')).toHaveLength(1);

      step('supervisor');
      // The supervisor of the office opens it: the complete record and its log.
      const lead = await loggedIn(browser, renderer.origin, server.url, 'leitung.norderstedt');
      lead.page.setDefaultTimeout(20_000);
      const leadRow = lead.page.getByTestId('intake-row').filter({ hasText: lastName });
      await leadRow.waitFor({ timeout: 15_000 });
      expect(await leadRow.textContent()).toContain('Vorgelegt');
      await press(leadRow.getByRole('button'));
      await lead.page.getByTestId('night-record').waitFor();
      expect(await lead.page.getByTestId('record-status').textContent()).toBe('Vorgelegt');
      expect(await field(lead.page, 'call', 'Anrufer/-in').inputValue()).toBe('PK Beispiel (fiktiv)');
      expect(await field(lead.page, 'placement', 'Einrichtung / Person').inputValue()).toBe(
        'Kinderschutzhaus Elmshorn',
      );
      expect(await section(lead.page, 'custodians').getByLabel('Name', { exact: true }).inputValue()).toBe(
        'Erika Musterfrau (fiktiv)',
      );
      expect(await lead.page.getByTestId('intake-missing').getAttribute('data-count')).toBe('0');
      // The log (and the placement search in it) syncs as its own collection: it may arrive just after the record.
      const places = lead.page.getByTestId('place-row');
      await expect.poll(() => places.count(), POLL).toBe(3);
      expect(
        await places.evaluateAll((rows) =>
          rows.map((r) => [r.querySelector('td')?.textContent, r.getAttribute('data-answer')]),
        ),
      ).toEqual([
        ['Kinderhaus Travetal', 'refused'],
        ['Jugendschutzhaus Norderstedt', 'refused'],
        ['Kinderschutzhaus Elmshorn', 'accepted'],
      ]);
      const entries = lead.page.getByTestId('entry-log').getByTestId('entry');
      await expect.poll(() => entries.count(), POLL).toBe(7);
      // The author by name from the office directory, not by account id.
      const sms = entries.filter({ hasText: 'Mutter per SMS um Rückruf gebeten.' });
      await expect.poll(() => sms.textContent(), POLL).toContain('von Bereitschaft Stadt Norderstedt');
      console.log(`night record e2e: ${Date.now() - started} ms`);

      await worker.context.close();
      await lead.context.close();
    },
  );
});
