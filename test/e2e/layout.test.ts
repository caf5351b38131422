import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { de } from '../../shared/i18n';
import { DEMO_PASSWORD } from './session';
import { type E2eStack, startE2eStack } from './stack';

/**
 * Issue 15, Show 3 (the header's part), in Chromium at 1024×768: every control of the header is in the window and
 * not cut, for every role; where the areas do not fit, one menu offers them.
 */
const VIEWPORT = { width: 1024, height: 768 };

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
});
