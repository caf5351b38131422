import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { demoIntakeId } from '../../server/seed/demo-ids';
import type { EntryWire } from '../../shared/schema/entry';
import { login, pullAll } from '../support/api';
import { connectionState, loggedIn, waitFor } from './session';
import { type E2eStack, startE2eStack } from './stack';

/**
 * Issue 17, Show 2: with the network off, Ctrl+K "dolm" finds the interpreter service from the local store, and
 * "Anruf protokollieren" writes the call into the open record's log; after reconnecting the line is on the server.
 */
const POLL = { timeout: 30_000, interval: 200 };

describe('the night directory offline in Chromium', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack('obhut_e2e_directory');
  });

  afterAll(() => stack?.close());

  it('finds the interpreter service and logs the call into the open record, synced after reconnecting', async () => {
    const server = stack.server;
    const { context, page } = await loggedIn(stack.browser, stack.renderer.origin, server.url, 'bereitschaft.segeberg');
    await waitFor(
      () => connectionState(page),
      (s) => s === 'online',
      15_000,
    );
    await page.getByRole('button', { name: 'Leon Beispiel öffnen' }).click();
    await page.getByTestId('night-record').waitFor();

    await context.setOffline(true);
    await waitFor(
      () => connectionState(page),
      (s) => s === 'offline',
      15_000,
    );
    await page.keyboard.press('Control+k');
    const search = page.getByRole('textbox', { name: 'Verzeichnis durchsuchen' });
    await search.waitFor();
    await search.fill('dolm');
    const interpreters = page.getByRole('option', { name: 'Dolmetschdienst Nord' });
    await interpreters.waitFor({ timeout: 15_000 });
    await interpreters.click();
    await interpreters.getByRole('button', { name: 'Anruf protokollieren' }).click();
    // The search closes once the line is written; the record behind shows it in its log.
    await expect
      .poll(() => page.getByTestId('night-record').textContent(), POLL)
      .toContain('Anruf bei Dolmetschdienst Nord (Dolmetschdienst)');

    await context.setOffline(false);
    const leon = demoIntakeId('segeberg', 2);
    await expect
      .poll(async () => {
        const { token } = await login(server.url, 'leitung.segeberg');
        const { documents } = await pullAll<EntryWire>(server.url, token, 'entries');
        return documents.some((e) => e.intakeId === leon && e.text.startsWith('Anruf bei Dolmetschdienst Nord'));
      }, POLL)
      .toBe(true);
    await context.close();
  });
});
