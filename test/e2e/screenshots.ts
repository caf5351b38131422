/**
 * `npm run screenshots`: writes docs/screenshots/ anew from the built renderer, a server on PostgreSQL with the demo
 * data (DATABASE_URL, as the e2e tests) and Debian's Chromium (OBHUT_CHROMIUM), in the dark scheme the app runs in,
 * at 1366×768 and 1024×768 (issue 15, Show 4). A conflict and a returned record are written through the sync API
 * first (seed-records.ts), since the demo data has neither.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import type { Page } from 'playwright-core';
import { build } from 'vite';

import { de } from '../../shared/i18n';
import { seedConflict, seedReturned } from './seed-records';
import { DEMO_PASSWORD } from './session';
import { type E2eStack, startE2eStack } from './stack';

const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
];

/** An area of the app, from the areas side by side or, where they do not fit, from the menu. */
async function area(page: Page, label: string): Promise<void> {
  const side = page.getByRole('radiogroup', { name: de.app.nav.label });
  if (await side.isVisible()) {
    await side.getByText(label, { exact: true }).click();
    return;
  }
  await page.getByRole('button', { name: /^Bereich wählen/ }).click();
  await page.getByRole('menuitem', { name: label }).click();
}

async function openRecord(page: Page, lastName: string): Promise<void> {
  await page.getByTestId('intake-row').filter({ hasText: lastName }).getByRole('button').first().click();
  await page.getByTestId('night-record').waitFor();
}

async function shoot(stack: E2eStack, viewport: { width: number; height: number }): Promise<string[]> {
  const context = await stack.browser.newContext({
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    colorScheme: 'dark',
    viewport,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const written: string[] = [];
  const save = async (name: string) => {
    // Animations and the blinking cursor settle first, so two runs give the same picture.
    await page.waitForTimeout(400);
    const path = `${OUT}${name}-${viewport.width}x${viewport.height}.png`;
    await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
    written.push(path);
  };
  await page.goto(`${stack.renderer.origin}/?server=${encodeURIComponent(stack.server.url)}`);
  await page.getByLabel('Benutzername').fill('bereitschaft.segeberg');
  await page.getByLabel('Passwort').fill(DEMO_PASSWORD);
  await page.getByLabel('Passwort').press('Enter');
  await page.getByTestId('intake-row').filter({ hasText: 'Rückgabekind' }).waitFor();
  await save('list');
  await openRecord(page, 'Musterkind');
  await save('record');
  await page.getByRole('button', { name: de.app.nightRecord.done }).click();
  await openRecord(page, 'Rückgabekind');
  await page.getByText(de.app.nightRecord.review.returnedTitle).waitFor();
  await save('returned-record');
  await page.getByRole('button', { name: de.app.nightRecord.done }).click();
  await openRecord(page, 'Konfliktkind');
  await page.getByTestId('conflict-diff').waitFor();
  await save('conflict');
  await page.getByRole('button', { name: de.app.nightRecord.done }).click();
  await area(page, de.app.nav.board);
  await page.getByTestId('placement-board').waitFor();
  await save('board');
  await context.close();
  return written;
}

async function main(): Promise<void> {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  await mkdir(OUT, { recursive: true });
  const stack = await startE2eStack('obhut_screenshots');
  try {
    const at = Date.now() - 2 * 3_600_000;
    await seedConflict(stack.server.url, 'Konfliktkind', at);
    await seedReturned(
      stack.server.url,
      'Rückgabekind',
      at,
      'Bitte die Uhrzeit der Übergabe durch die Polizei ergänzen und die Erreichbarkeitsversuche der Mutter eintragen.',
    );
    for (const viewport of VIEWPORTS) for (const path of await shoot(stack, viewport)) console.log(path);
  } finally {
    await stack.close();
  }
}

await main();
