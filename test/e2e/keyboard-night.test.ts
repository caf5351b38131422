import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { de } from '../../shared/i18n';
import type { IntakeWire } from '../../shared/schema/intake';
import { CHROMIUM_ARGS } from './browser';
import { DEMO_PASSWORD, pendingCount, waitFor } from './session';
import { type E2eStack, startE2eStack } from './stack';

/**
 * Issue 15, Show 1: the demo's typical night - a police call, § 42 Abs. 1 Nr. 2a, placement in the Jugendschutzhaus
 * Norderstedt - recorded completely and submitted for review with the keyboard alone, in a Chromium whose language
 * is English (dates must still read dd.MM.yyyy). No mouse event is sent. Every key that is not a character of a
 * value (Tab, Alt+N, Enter, "J" for now, …) is counted; at most 60 may be needed.
 */
const POLL = { timeout: 20_000 };
const MAX_KEYS = 60;

/** The keyboard, counting: `key` is a keystroke that is not part of a value, `value` types a value's characters. */
function keyboardOf(page: Page) {
  const log: string[] = [];
  let valueChars = 0;
  return {
    log,
    get keys() {
      return log.length;
    },
    get valueChars() {
      return valueChars;
    },
    async key(combo: string) {
      log.push(combo);
      await page.keyboard.press(combo);
    },
    async value(text: string) {
      valueChars += text.length;
      await page.keyboard.type(text);
    },
  };
}

const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const labelled = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
    return (labelled ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
  });

describe('a night record with the keyboard only (Chromium in English)', () => {
  let stack: E2eStack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startE2eStack('obhut_e2e_keyboard');
    browser = await chromium.launch({
      executablePath: process.env.OBHUT_CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      args: [...CHROMIUM_ARGS, '--lang=en-US'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it(
    'police call, § 42 Abs. 1 Nr. 2a, Jugendschutzhaus Norderstedt: 0 clicks, at most 60 keys',
    { timeout: 600_000 },
    async () => {
      const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Berlin', colorScheme: 'dark' });
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      let clicks = 0;
      await page.exposeFunction('__countClick', () => void clicks++);
      await page.addInitScript(() =>
        window.addEventListener(
          'mousedown',
          () => (window as unknown as { __countClick: () => void }).__countClick(),
          true,
        ),
      );
      await page.goto(`${stack.renderer.origin}/?server=${encodeURIComponent(stack.server.url)}`);
      expect(await page.evaluate(() => navigator.language)).toBe('en-US');

      // Logging in is not part of the record; it is done with the keyboard too.
      await page.getByLabel('Benutzername').focus();
      await page.keyboard.type('bereitschaft.norderstedt');
      await page.keyboard.press('Tab');
      await page.keyboard.type(DEMO_PASSWORD);
      await page.keyboard.press('Enter');
      const create = page.getByRole('button', { name: 'Neue Inobhutnahme' });
      await create.waitFor();
      await expect.poll(() => page.getByTestId('status-connection').getAttribute('data-state'), POLL).toBe('online');

      console.log('keyboard e2e: logged in, online');
      const kb = keyboardOf(page);
      const lastName = `Nachtkind-${Date.now().toString(36)}`;
      // From wherever the list puts the cursor, Tab to "Neue Inobhutnahme".
      for (let i = 0; i < 15 && !(await create.evaluate((el) => el === document.activeElement)); i++)
        await kb.key('Tab');
      expect(await create.evaluate((el) => el === document.activeElement)).toBe(true);
      await kb.key('Enter');
      await page.getByTestId('night-record').waitFor();
      const section = (id: string) => page.locator(`[data-section="${id}"]`);
      const field = (id: string, label: string) => section(id).getByLabel(label, { exact: true });
      await expect.poll(() => page.locator('#placement-suggestions option').count(), POLL).toBeGreaterThan(4);
      // The call's time is German whatever the browser's language.
      expect(await field('call', 'Anruf eingegangen').inputValue()).toMatch(/^\d\d\.\d\d\.\d{4} \d\d:\d\d$/);
      const started = Date.now();
      const at = async (label: string) => {
        console.log(`${Date.now() - started} ms: to ${label}`);
        await expect.poll(() => focusedName(page), POLL).toBe(label);
      };

      // The child: first name has the cursor; last name; the age is estimated (birth date unknown).
      await at('Vorname');
      await kb.value('Frieda');
      await kb.key('Tab');
      await kb.value(lastName);
      await kb.key('Tab');
      await kb.key('Tab');
      await at('Geschätztes Alter');
      await kb.value('9');
      // From here on Alt+N goes to the next field still missing.
      await kb.key('Alt+KeyN');
      await at('Angeregt durch');
      await kb.value('Polizei');
      await kb.key('Alt+KeyN');
      await at('Situation (kurz)');
      await kb.value('Fiktiv: allein an Tankstelle.');
      await kb.key('Alt+KeyN');
      await at('Kind persönlich gesehen');
      await kb.value('Ja');
      await kb.key('Alt+KeyN');
      await at('Einschätzung');
      await kb.value('Unterkühlt, Eltern fort.');
      await kb.key('Alt+KeyN');
      await at('Rechtsgrundlage');
      await kb.value('2a');
      await kb.key('Alt+KeyN');
      await at('Entscheidung getroffen');
      await kb.key('j');
      await kb.key('Alt+KeyN');
      await at('Beginn der Maßnahme');
      await kb.key('j');
      await kb.key('Alt+KeyN');
      await at('Begründung');
      await kb.value('Dringende Gefahr.');

      // The placement search (Alt+6, the sixth section): ask the Jugendschutzhaus, which says yes.
      await kb.key('Alt+Digit6');
      await at('Einrichtung oder Person');
      await kb.value('Jugendschutzhaus Norderstedt');
      await kb.key('Enter');
      const accept = page.getByRole('button', { name: 'Jugendschutzhaus Norderstedt: zugesagt' });
      await accept.waitFor();
      await kb.key('Shift+Tab');
      expect(await accept.evaluate((el) => el === document.activeElement)).toBe(true);
      await kb.key('Enter');
      await expect
        .poll(() => field('placement', 'Einrichtung / Person').inputValue(), POLL)
        .toBe('Jugendschutzhaus Norderstedt');
      await kb.key('Alt+KeyN');
      await at('Art der Unterbringung');
      await kb.value('Einrichtung');
      await kb.key('Alt+KeyN');
      await at('Aufnahme');
      await kb.key('j');
      await kb.key('Alt+KeyN');
      await at('Benachrichtigung einer Vertrauensperson angeboten');
      await kb.value('Ja');

      // The mother, reached once by telephone.
      await kb.key('Alt+KeyN');
      await at(de.app.nightRecord.addCustodian);
      await kb.key('Enter');
      await at('Rolle');
      await kb.value('Mutter');
      await kb.key('Alt+KeyN');
      await at('Informiert am');
      await kb.key('j');
      await kb.key('Alt+KeyN');
      await at('Weg');
      await kb.value('Telefonisch');

      // Where the child was before (the responsible office), and the statistics' one fact.
      await kb.key('Alt+KeyN');
      await at('Tatsächlicher Aufenthalt vor der Maßnahme');
      await kb.value('Norderstedt');
      await kb.key('Alt+KeyN');
      await at('Geschlecht');
      await kb.value('Weiblich');

      // Nothing is missing: Alt+N reaches "Zur Prüfung vorlegen".
      await kb.key('Alt+KeyN');
      await at(de.app.nightRecord.submit);
      await kb.key('Enter');
      await expect.poll(() => page.getByTestId('record-status').textContent(), POLL).toBe('Vorgelegt');
      // The button is gone once the record is submitted: the cursor waits on the way back to the list.
      await at(de.app.nightRecord.done);
      expect(await page.getByTestId('intake-missing').getAttribute('data-count')).toBe('0');

      console.log(
        `keyboard-only night record: ${kb.keys} keystrokes besides ${kb.valueChars} value characters, ${clicks} clicks: ${kb.log.join(' ')}`,
      );
      expect(clicks).toBe(0);
      expect(kb.keys).toBeLessThanOrEqual(MAX_KEYS);

      // Everything reached the server as typed and chosen.
      await waitFor(
        () => pendingCount(page),
        (n) => n === 0,
        20_000,
      );
      const [stored] = await stack.db.query<{ data: IntakeWire }>(
        `SELECT data FROM documents WHERE collection = 'intakes' AND data->'child'->>'lastName' = $1`,
        [lastName],
      );
      expect(stored.data).toMatchObject({
        status: 'submitted',
        officeId: 'norderstedt',
        initiatedBy: 'police',
        child: { firstName: 'Frieda', lastName, estimatedAge: 9 },
        risk: { childSeenInPerson: true },
        decision: { ground: '42_1_2a' },
        placement: { facilityName: 'Jugendschutzhaus Norderstedt', accommodation: 'facility' },
        trustedPerson: { offered: true },
        custodians: [expect.objectContaining({ role: 'mother', channel: 'phone' })],
        responsibility: { locationBeforeOfficeId: 'norderstedt' },
        statistics: { sex: 'female' },
      });
      const decided = stored.data.decision!.decidedAt!;
      expect(Math.abs(decided - Date.now())).toBeLessThan(10 * 60_000);
      await context.close();
    },
  );
});
