import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { formatDateTime } from '../../shared/format';
import { de } from '../../shared/i18n';
import { fieldLabel } from '../../shared/nightRecord/fieldLabel';
import { seedConflict, SUPERVISOR_PC, WORKER_LAPTOP } from './seed-records';
import { DEMO_PASSWORD } from './session';
import { type E2eStack, startE2eStack } from './stack';

/**
 * Issue 15, Show 3, in Chromium at 1024×768: every control of the header is in the window and not cut, for every
 * role (where the areas do not fit, one menu offers them); so are the conflict panel's buttons, beside a long text
 * compared word by word.
 */
const VIEWPORT = { width: 1024, height: 768 };
const t = de.app.nightRecord.conflicts;

/** Controls under `selector` that are partly outside the window or whose text is cut. */
async function hiddenControls(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((roots) => {
    const out: string[] = [];
    for (const root of roots) {
      if (root.scrollWidth > root.clientWidth + 1)
        out.push(`${root.tagName} overflows by ${root.scrollWidth - root.clientWidth}px`);
      for (const el of root.querySelectorAll<HTMLElement>(
        'button, a, input, select, [role="radio"], [data-testid="current-user"]',
      )) {
        const r = el.getBoundingClientRect();
        if (r.width === 0) continue; // not rendered (e.g. a hidden radio input of the segmented control)
        const name = el.getAttribute('aria-label') ?? el.textContent ?? el.tagName;
        if (r.left < 0 || r.right > window.innerWidth) out.push(`${name}: ${r.left}-${r.right}`);
        const label = el.querySelector<HTMLElement>('.mantine-Button-label') ?? el;
        if (el.dataset.testid !== 'current-user' && label.scrollWidth > label.clientWidth + 1)
          out.push(`${name}: text cut`);
      }
    }
    return out;
  });
}

describe('the app at 1024×768', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack('obhut_e2e_layout');
  });
  afterAll(() => stack?.close());

  const as = async (username: string) => {
    const context = await stack.browser.newContext({
      locale: 'de-DE',
      timezoneId: 'Europe/Berlin',
      colorScheme: 'dark',
      viewport: VIEWPORT,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${stack.renderer.origin}/?server=${encodeURIComponent(stack.server.url)}`);
    await page.getByLabel('Benutzername').fill(username);
    await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
    await page.getByLabel('Passwort').press('Enter');
    await page.getByRole('button', { name: de.app.shell.logout }).waitFor();
    return { context, page };
  };

  it('the header shows all its controls for every role', async () => {
    for (const username of ['bereitschaft.segeberg', 'leitung.segeberg', 'koordination', 'admin']) {
      const { context, page } = await as(username);
      await page.getByRole('button', { name: de.security.lock.lockNow }).waitFor();
      expect({ username, hidden: await hiddenControls(page, 'header') }).toEqual({ username, hidden: [] });
      if (username === 'leitung.segeberg') {
        // Six areas do not fit beside name and buttons: one menu names the current one and offers all.
        await page.getByRole('button', { name: de.app.shell.areaMenu(de.app.nav.intakes) }).press('Enter');
        await page.getByRole('menuitem', { name: de.statistics.nav }).press('Enter');
        await page.getByRole('button', { name: de.app.shell.areaMenu(de.statistics.nav) }).waitFor();
      }
      await context.close();
    }
  });

  it('shows the conflict panel with its buttons in the window, and the long texts side by side', async () => {
    // A record of the worker's whose situation text lost against an earlier one: kept on the record as a conflict.
    const at = Date.now() - 3_600_000;
    const record = await seedConflict(stack.server.url, 'Layoutkind', at);
    const { context, page } = await as('bereitschaft.segeberg');
    const row = page.getByTestId('intake-row').filter({ hasText: 'Layoutkind' });
    await row.getByRole('button').first().press('Enter');
    const panel = page.getByTestId('conflicts');
    await panel.waitFor();
    // The record opens at the panel (under the sticky headers), with the worker's own lost value said in words.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('record-conflicts');
    const label = fieldLabel('situation', record);
    const notice = panel.getByTestId('conflict-own-lost');
    expect(await notice.textContent()).toContain(label);
    // Not under the two sticky headers: what is seen at the notice's centre is the notice.
    const seen = () =>
      notice.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit !== null && el.contains(hit);
      });
    await expect.poll(seen, { timeout: 10_000 }).toBe(true);
    const take = panel.getByRole('button', { name: de.app.nightRecord.conflicts.takeLabel(label) });
    const keep = panel.getByRole('button', { name: de.app.nightRecord.conflicts.keepLabel(label) });
    for (const button of [take, keep]) {
      const box = (await button.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(VIEWPORT.width);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(VIEWPORT.height);
    }
    expect(await hiddenControls(page, '[data-testid="conflicts"]')).toEqual([]);
    expect(await hiddenControls(page, 'header')).toEqual([]);
    // The diff marks exactly the added sentence on the kept side, nothing on the current one.
    const diff = panel.getByTestId('conflict-diff');
    expect(await diff.getByTestId('diff-changed').allTextContents()).toEqual([
      ' Nachbarin meldet Hilferufe aus der Wohnung seit 22 Uhr.',
    ]);
    // Both values with who wrote them, on which device, when: the supervisor's on her PC, the worker's own on her laptop.
    const conflict = panel.getByTestId('conflict-row');
    expect(await conflict.getByTestId('conflict-current-origin').textContent()).toContain(SUPERVISOR_PC.deviceName);
    expect(await conflict.getByTestId('conflict-current-at').textContent()).toBe(formatDateTime(at + 90_000));
    expect(await conflict.getByTestId('conflict-current-by').textContent()).not.toContain(t.you);
    expect(await conflict.getByTestId('conflict-by').textContent()).toBe(t.wroteBy(t.you));
    expect(await conflict.getByTestId('conflict-device').textContent()).toContain(WORKER_LAPTOP.deviceName);
    expect(await conflict.getByTestId('conflict-at').textContent()).toBe(formatDateTime(at + 75_000));
    expect(await notice.textContent()).toContain(SUPERVISOR_PC.deviceName);
    await context.close();
  });
});
