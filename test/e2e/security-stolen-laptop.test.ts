import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '../support/pg';
import { type RunningServer, startServer } from '../support/server';
import { launchWithProfile, serveRenderer } from './browser';
import { scanProfile } from './profile-scan';
import { connectionState, DEMO_PASSWORD, pendingCount, waitFor } from './session';

/**
 * Issue 5, Show 3 - the stolen laptop. After a real session in Chromium (login, an intake with a child's name
 * and a note, synced, browser closed), every file of the profile is searched for the name and the note: not
 * found, while a clear field of the same record (its id) is, which shows the search works; the stored rows carry
 * no metadata but what an index needs (issue 14: who created it, who called, ...). Then, with the server
 * gone, a wrong password opens nothing and the right one opens the record.
 */
describe('stolen laptop', () => {
  let db: TestDatabase;
  let server: RunningServer;
  let renderer: Awaited<ReturnType<typeof serveRenderer>>;
  let profile: string;
  let context: BrowserContext | null = null;

  beforeAll(async () => {
    db = await createTestDatabase();
    renderer = await serveRenderer();
    server = await startServer({ databaseUrl: db.url, env: { OBHUT_ALLOWED_ORIGINS: renderer.origin } });
    profile = await mkdtemp(path.join(tmpdir(), 'obhut-profile-'));
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
    await renderer?.close();
    await db?.drop();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  async function login(page: Page, password: string) {
    await page.getByLabel('Benutzername').fill('bereitschaft.segeberg');
    await page.getByLabel('Passwort').fill(password);
    await page.getByLabel('Passwort').press('Enter');
  }

  it('leaves neither the child’s name nor the note readable on disk, and opens offline only with the password', async () => {
    const stamp = Date.now().toString(36);
    const lastName = `Quastenbrink${stamp}`;
    const note = `Nachbarin meldet Weinen hinter Wohnungstür ${stamp}`;
    const appUrl = `${renderer.origin}/?server=${encodeURIComponent(server.url)}`;

    // The night's work, online.
    context = await launchWithProfile(profile);
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto(appUrl);
    await login(page, DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Neue Inobhutnahme' }).click();
    const field = (name: string | RegExp) => page.getByRole('textbox', { name });
    await field('Vorname').fill('Henrike');
    await field('Nachname').fill(lastName);
    await field(/^Situation/).fill(note);
    // Long enough with the fields filled for Chromium to save the page's state in its session files.
    await page.waitForTimeout(3_000);
    await field('Vorname').press('Control+Enter');
    const row = page.getByTestId('intake-row').filter({ hasText: lastName });
    await row.waitFor();
    await waitFor(
      () => connectionState(page),
      (s) => s === 'online',
      15_000,
    );
    await waitFor(
      () => pendingCount(page),
      (n) => n === 0,
      15_000,
    );
    const intakeId = (await row.getAttribute('data-intake-id'))!;
    expect(intakeId).toBeTruthy();
    // Controls for the search: clear texts in an IndexedDB store of their own, one-byte, two-byte (UTF-16) and
    // one inside a value large enough for Chromium to compress it.
    const controls = { oneByte: `Kontrollwert ${stamp}`, twoByte: `Kontrollwert € ${stamp}`, big: `Großwert ${stamp}` };
    await page.evaluate(async (c) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('scan-control');
        req.onupgradeneeded = () => req.result.createObjectStore('texts');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
      });
      const filler = Array.from({ length: 4000 }, (_, i) => `Zeile ${i} `).join('');
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('texts', 'readwrite');
        tx.objectStore('texts').put({ text: c.oneByte }, 1);
        tx.objectStore('texts').put({ text: c.twoByte }, 2);
        tx.objectStore('texts').put({ text: filler + c.big + filler }, 3);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      });
      db.close();
    }, controls);
    // The rows as IndexedDB hands them to anyone who copies the profile: of the intakes, log lines and holds only
    // the fields an index needs are there (docs/security-client.md); the rest, metadata too, is in `sealed`.
    const rows = await page.evaluate(async () => {
      const out: Record<string, string[][]> = {};
      for (const info of await indexedDB.databases()) {
        const collection = /--(intakes|entries|holds)$/.exec(info.name ?? '')?.[1];
        if (!collection) continue;
        const idb = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open(info.name!);
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
        });
        const values = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
          const req = idb.transaction('docs').objectStore('docs').getAll();
          req.onsuccess = () => resolve(req.result as Record<string, unknown>[]);
          req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
        });
        out[collection] = values.map((v) => Object.keys(v).filter((k) => !k.startsWith('_')));
        idb.close();
      }
      return out;
    });
    expect(rows.intakes.length, 'the record is stored').toBeGreaterThan(0);
    const CLEAR: Record<string, string[]> = {
      intakes: ['id', 'officeId', 'receivedAt', 'status', 'updatedAt', 'sealed'],
      entries: ['id', 'intakeId', 'at', 'updatedAt', 'sealed'],
      holds: ['id', 'facilityId', 'officeId', 'createdAt', 'status', 'expiresAt', 'updatedAt', 'sealed'],
    };
    for (const [collection, keyLists] of Object.entries(rows)) {
      for (const keys of keyLists)
        expect(
          keys.filter((k) => !CLEAR[collection].includes(k)),
          collection,
        ).toEqual([]);
    }
    await context.close();
    context = null;

    // The disk, as a thief would read it.
    const scan = await scanProfile(profile);
    console.log(
      `profile: ${scan.files} files, ${(scan.bytes / 1e6).toFixed(1)} MB, ${scan.values} LevelDB values, ` +
        `${scan.snappyBlocks} Snappy blocks, ${scan.snappyValues} compressed IndexedDB values`,
    );
    expect(scan.find(intakeId).length, 'the clear id of the record is found: the search works').toBeGreaterThan(0);
    expect(scan.find(intakeId).some((f) => f.includes('IndexedDB'))).toBe(true);
    for (const control of Object.values(controls)) expect(scan.find(control), control).not.toEqual([]);
    expect(scan.find(lastName)).toEqual([]);
    expect(scan.find(note)).toEqual([]);
    expect(scan.find(`Weinen hinter`)).toEqual([]);

    // Later, somewhere without a server: nothing opens without the password.
    await server.stop();
    context = await launchWithProfile(profile);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(appUrl);
    await context.setOffline(true);
    await login(page, 'falsches-passwort-123');
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('Passwort ist falsch');
    expect(await page.getByTestId('intake-row').count()).toBe(0);
    expect(await page.getByText(lastName).count()).toBe(0);

    await login(page, DEMO_PASSWORD);
    await page.getByTestId('intake-row').filter({ hasText: lastName }).waitFor({ timeout: 15_000 });
    expect(await connectionState(page)).toBe('offline');
  });
});
