import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { demoIntakeId } from '../../server/seed/demo-ids';
import { berlinDay } from '../../shared/deadlines/calendar';
import { formatDate } from '../../shared/format';
import type { IntakeWire } from '../../shared/schema/intake';
import { login, pullAll } from '../support/api';
import type { RunningServer } from '../support/server';
import { loggedIn } from './session';
import { type E2eStack, startE2eStack } from './stack';

/**
 * Issue 17, Show 3: typing the name and birth date of a demo child taken into care before (Leon Beispiel, in every
 * office's demo records) shows the earlier record beside the form and fills "Wiederholte Maßnahme in diesem Jahr";
 * two children linked as siblings show the group on both records and on the board, which searches for both.
 */
const POLL = { timeout: 20_000, interval: 100 };
const field = (page: Page, section: string, label: string) =>
  page.locator(`[data-section="${section}"]`).getByLabel(label, { exact: true });

async function serverIntakes(serverUrl: string): Promise<IntakeWire[]> {
  const { token } = await login(serverUrl, 'leitung.segeberg');
  return (await pullAll<IntakeWire>(serverUrl, token, 'intakes')).documents;
}

describe('repeat intakes and linked children in Chromium', () => {
  let stack: E2eStack;
  let server: RunningServer;

  beforeAll(async () => {
    stack = await startE2eStack('obhut_e2e_related');
    server = stack.server;
  });

  afterAll(() => stack?.close());

  it('shows the earlier intake of a child typed again and fills "repeated this year" on the server', async () => {
    const { context, page } = await loggedIn(stack.browser, stack.renderer.origin, server.url, 'bereitschaft.segeberg');
    const leon = (await serverIntakes(server.url)).find((i) => i.id === demoIntakeId('segeberg', 2))!;
    const leonStart = leon.decision!.startAt!;

    await page.getByRole('button', { name: 'Neue Inobhutnahme' }).click();
    const record = page.getByTestId('night-record');
    await record.waitFor();
    const id = (await record.getAttribute('data-record-id'))!;
    await page.keyboard.type('Leon');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Beispiel');
    await field(page, 'child', 'Geburtsdatum').fill('14.03.2010');
    await page.keyboard.press('Tab');

    const panel = page.getByTestId('earlier-intakes');
    await panel.waitFor({ timeout: 20_000 });
    expect(await panel.textContent()).toContain(
      `1 frühere Inobhutnahme in diesem Amt, zuletzt ${formatDate(leonStart)}, Jugendschutzhaus Norderstedt`,
    );
    const sameYear = berlinDay(leonStart).year === berlinDay(Date.now()).year;
    await expect
      .poll(() => field(page, 'statistics', 'Wiederholte Maßnahme in diesem Jahr').inputValue(), POLL)
      .toBe(sameYear ? 'Ja' : '');
    await expect
      .poll(async () => (await serverIntakes(server.url)).find((i) => i.id === id)?.statistics?.repeatedThisYear, POLL)
      .toBe(sameYear ? true : undefined);
    await context.close();
  });

  it('links two children as siblings: both records and the board show the group', async () => {
    const { context, page } = await loggedIn(stack.browser, stack.renderer.origin, server.url, 'bereitschaft.segeberg');
    await page.getByRole('button', { name: 'Emma Erfunden öffnen' }).click();
    const group = page.getByTestId('child-group');
    await group.waitFor();
    await group.getByRole('combobox', { name: 'Mit Inobhutnahme von', exact: true }).click();
    await page.getByRole('option', { name: /^Mia Musterkind/ }).click();
    await group.getByRole('button', { name: 'Kind verbinden' }).click();
    await expect
      .poll(() => group.getByTestId('child-group-members').locator('li').allTextContents(), POLL)
      .toEqual(['Mia Musterkind', 'Emma Erfunden']);
    expect(await group.textContent()).toContain('Geschwister:');

    // On the server both records carry the one group.
    await expect
      .poll(async () => {
        const all = await serverIntakes(server.url);
        const ids = [demoIntakeId('segeberg', 1), demoIntakeId('segeberg', 3)];
        const groups = ids.map((gid) => all.find((i) => i.id === gid)?.group);
        return groups.every((g) => g?.kind === 'siblings') && groups[0]?.id === groups[1]?.id;
      }, POLL)
      .toBe(true);

    // The board, opened from Emma's record, searches a place for both.
    await page.getByTestId('open-board').click();
    await page.getByTestId('placement-board').waitFor();
    expect(await page.getByTestId('board-group').textContent()).toContain('Geschwister: Mia Musterkind, Emma Erfunden');
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Geschwister, die mit aufgenommen werden' }).inputValue(), POLL)
      .toBe('1');

    // Mia's record names Emma too.
    await page.getByText('Inobhutnahmen', { exact: true }).click();
    await page.getByRole('button', { name: 'Mia Musterkind öffnen' }).click();
    await expect
      .poll(() => page.getByTestId('child-group-members').locator('li').allTextContents(), POLL)
      .toEqual(['Mia Musterkind', 'Emma Erfunden']);
    await context.close();
  });
});
