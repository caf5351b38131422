import { readFile } from 'node:fs/promises';

import type { Browser } from 'playwright-core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

import { HandoverReport } from '../../renderer/src/features/handover-report/HandoverReport';
import {
  CALL_AT,
  MIN,
  reportEntries,
  reportIntake,
  SUPERVISOR,
  WORKER,
} from '../../renderer/src/features/handover-report/report-fixture';
import { reportOf } from '../../renderer/src/features/handover-report/report-model';
import type { Entry } from '../../shared/schema/entry';
import { launchChromium } from './browser';
import { pdfPages } from './pdf-text';

/**
 * The handover report printed by real Chromium, the engine of both print paths (window.print in the browser,
 * webContents.printToPDF in the app): the component's markup and its print CSS, next to an "app" that must not
 * be printed. A long log makes it run over pages, so the page counter shows.
 */
const MORNING = CALL_AT + 10 * 60 * MIN;
const CSS_FILES = [
  '../../renderer/src/app/print.css',
  '../../renderer/src/features/handover-report/handover-report.css',
];

function longLog(): Entry[] {
  const base = reportEntries().filter((e) => e.intakeId === 'intake-report-1');
  const notes = Array.from({ length: 45 }, (_, i): Entry => {
    const at = CALL_AT + (180 + i) * MIN;
    return {
      id: `n-${String(i).padStart(2, '0')}`,
      officeId: 'segeberg',
      intakeId: 'intake-report-1',
      kind: 'note',
      at,
      createdBy: WORKER.id,
      createdAt: at,
      updatedAt: at,
      text: `Kontrollanruf Nr. ${i + 1} in der Bereitschaftspflege: Kind schläft, keine Auffälligkeiten.`,
    };
  });
  return [...base, ...notes];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('handover report in Chromium', () => {
  it('prints A4 pages with "Seite x von y", the child, the decisions and the log, and nothing of the app', async () => {
    const intake = reportIntake({
      review: { state: 'countersigned', countersignedBy: SUPERVISOR.id, countersignedAt: MORNING - 15 * MIN },
    });
    const names = new Map([
      [WORKER.id, WORKER.displayName],
      [SUPERVISOR.id, SUPERVISOR.displayName],
    ]);
    const report = reportOf(intake, longLog(), MORNING, names);
    const markup = renderToStaticMarkup(createElement(HandoverReport, { report }));
    const css = (await Promise.all(CSS_FILES.map((f) => readFile(new URL(f, import.meta.url), 'utf8')))).join('\n');

    const page = await browser.newPage();
    await page.setContent(
      `<!doctype html><html lang="de" data-mantine-color-scheme="dark"><head><meta charset="utf-8"><style>${css}</style>` +
        `<style>body { background: #1a1b1e; color: #c1c2c5 }</style></head><body>` +
        `<div id="root"><h1>Obhut – Prüfliste der Leitung</h1><p>Anderer Fall: Ben Beispielkind</p></div>` +
        `<div class="obhut-print-root">${markup}</div></body></html>`,
    );
    // On screen the report is hidden and the app is shown.
    expect(await page.locator('[data-testid="handover-report"]').isVisible()).toBe(false);
    expect(await page.locator('#root').isVisible()).toBe(true);

    const pages = await pdfPages(await page.pdf({ format: 'A4' }));
    await page.close();

    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((text, i) => expect(text).toContain(`Seite ${i + 1} von ${pages.length}`));
    // Cells wrap: compare with line breaks as spaces.
    const all = pages.join('\n').replace(/\s+/g, ' ');
    expect(all).toContain('Übergabebericht an den ASD');
    expect(all).toContain('Mia Musterkind');
    expect(all).toContain(
      '§ 42 Abs. 1 Satz 1 Nr. 2 Buchst. a – dringende Gefahr, die Personensorgeberechtigten widersprechen nicht',
    );
    expect(all).toContain('Polizei meldet Kind allein in der Wohnung');
    expect(all).toContain('Kontrollanruf Nr. 45 in der Bereitschaftspflege');
    expect(all).toContain('Elektronisch gegengezeichnet am 25.11.2026 08:45');
    expect(all).toContain('Dr. Petra Beispiel');
    expect(all).toContain('Vertraulich – Sozialdaten');
    // Only the report is printed.
    expect(all).not.toContain('Prüfliste der Leitung');
    expect(all).not.toContain('Ben Beispielkind');
  });
});
