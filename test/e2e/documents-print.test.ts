import { readFile } from 'node:fs/promises';

import type { Browser } from 'playwright-core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

import { documentOf } from '../../renderer/src/features/documents/document-model';
import { DocumentView } from '../../renderer/src/features/documents/DocumentView';
import { antragFamiliengericht } from '../../renderer/src/features/documents/templates/antrag-familiengericht';
import { aufnahmeblattEinrichtung } from '../../renderer/src/features/documents/templates/aufnahmeblatt-einrichtung';
import { bescheidInobhutnahme } from '../../renderer/src/features/documents/templates/bescheid-inobhutnahme';
import { kostenzusageEinrichtung } from '../../renderer/src/features/documents/templates/kostenzusage-einrichtung';
import { meldungLandesstelle } from '../../renderer/src/features/documents/templates/meldung-landesstelle';
import { mitteilungSchule } from '../../renderer/src/features/documents/templates/mitteilung-schule';
import { demoNightRecord, demoProvisionalNight } from '../../shared/demo/nightRecord';
import { de } from '../../shared/i18n';
import type { Intake } from '../../shared/schema/intake';
import { launchChromium } from './browser';
import { pdfPages } from './pdf-text';

/**
 * Each document from the record printed by real Chromium (the engine of window.print and printToPDF) with its print
 * CSS, next to an "app" showing another record that must not be printed; the PDF read back with PDF.js.
 */
const START = Date.UTC(2026, 10, 25, 1, 0);
const MORNING = START + 8 * 3_600_000;
const css = (path: string) => readFile(new URL(path, import.meta.url), 'utf8');

function intakeOf(id: string, child: Intake['child'], patch: Partial<Intake> = {}): Intake {
  return {
    ...demoNightRecord(START, child),
    id,
    officeId: 'segeberg',
    createdBy: 'u-1',
    createdAt: START,
    updatedAt: START,
    updatedBy: 'u-1',
    status: 'submitted',
    conflicts: [],
    ...patch,
  };
}

const MIA = intakeOf(
  'intake-docs-mia',
  { firstName: 'Mia', lastName: 'Musterkind', birthDate: '2019-03-14' },
  {
    court: { court: 'Bad Segeberg' },
  },
);
const SAMIR: Intake = { ...intakeOf('intake-docs-samir', MIA.child), ...demoProvisionalNight(START) };
const BEN = intakeOf('intake-docs-ben', { firstName: 'Ben', lastName: 'Beispielkind', estimatedAge: 9 });

let browser: Browser;
let styles: string;
beforeAll(async () => {
  browser = await launchChromium();
  styles =
    (await css('../../renderer/src/app/print.css')) +
    (await css('../../renderer/src/features/handover-report/handover-report.css')) +
    (await css('../../renderer/src/features/documents/documents.css'));
});
afterAll(async () => {
  await browser?.close();
});

async function printed(markup: string): Promise<string[]> {
  const page = await browser.newPage();
  await page.setContent(
    `<!doctype html><html lang="de" data-mantine-color-scheme="dark"><head><meta charset="utf-8"><style>${styles}</style>` +
      `<style>body { background: #1a1b1e; color: #c1c2c5 }</style></head><body>` +
      `<div id="root"><h1>Obhut – Prüfliste der Leitung</h1><p>Anderer Fall: ${BEN.child.firstName} ${BEN.child.lastName}, ` +
      `${BEN.situation ?? ''}</p></div>` +
      `<div class="obhut-print-root">${markup}</div></body></html>`,
  );
  expect(await page.locator('[data-testid="document"]').isVisible()).toBe(false);
  // The office's logo from its letterhead settings, loaded from inside the app and laid out on the paper.
  await page.emulateMedia({ media: 'print' });
  const logo = page.locator('.obhut-print-root [data-testid="document-logo"]');
  expect(await logo.getAttribute('alt')).toBe('Logo Kreis Segeberg');
  expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  expect((await logo.boundingBox())?.height).toBeGreaterThan(30);
  await page.emulateMedia({ media: null });
  const pages = await pdfPages(await page.pdf({ format: 'A4' }));
  await page.close();
  return pages;
}

function expectPaper(pages: string[]): string {
  expect(pages.length).toBeGreaterThanOrEqual(1);
  pages.forEach((text, i) => expect(text).toContain(`Seite ${i + 1} von ${pages.length}`));
  const all = pages.join('\n').replace(/\s+/g, ' ');
  // Letterhead, signature line, nothing of the screen or of the other record.
  expect(all).toContain('Kreis Segeberg Jugendamt – Bereitschaftsdienst');
  expect(all).toContain('Telefon 0555 100100');
  expect(all).toContain('Im Auftrag');
  expect(all).toContain('Unterschrift, Name, Funktion');
  expect(all).toContain('Fachkraft Beispiel');
  expect(all).not.toContain('Prüfliste der Leitung');
  expect(all).not.toContain('Beispielkind');
  expect(all).not.toContain('intake-docs-ben');
  return all;
}

describe('documents from the record in Chromium', () => {
  it('prints the Bescheid über die Inobhutnahme with addressee, facts, legal basis and Rechtsbehelfsbelehrung', async () => {
    const doc = documentOf(bescheidInobhutnahme, MIA, MORNING, 'Fachkraft Beispiel');
    const all = expectPaper(await printed(renderToStaticMarkup(createElement(DocumentView, { doc }))));
    expect(all).toContain('Erika Musterfrau (fiktiv)');
    expect(all).toContain('Bescheid über die Inobhutnahme von Mia Musterkind, geboren 14.03.2019');
    expect(all).toContain('Polizei trifft das Kind nachts allein in der Wohnung an');
    expect(all).toContain(de.nightRecord.legalGrounds['42_1_2a'].replace(/\s+/g, ' '));
    expect(all).toContain('Rechtsbehelfsbelehrung');
    expect(all).toContain(
      'innerhalb eines Monats nach Bekanntgabe Widerspruch erhoben werden. Der Widerspruch ist schriftlich oder zur ' +
        'Niederschrift beim Jugendamt Kreis Segeberg, Beispielstraße 1, 23795 Bad Segeberg, einzulegen',
    );
    expect(all).toContain('§§ 68, 70 VwGO');
    expect(all).toContain('§ 36 SGB X');
    expect(all).toContain('Bad Segeberg, den 25.11.2026');
    // Where the child is stays out of the letter to the parents.
    expect(all).not.toContain('Bereitschaftspflege Segeberg 1');
  });

  it('prints the § 42a variant of the Bescheid', async () => {
    const provisional = { ...MIA, decision: { ...MIA.decision, ground: '42a' as const } };
    const doc = documentOf(bescheidInobhutnahme, provisional, MORNING, 'Fachkraft Beispiel');
    const all = expectPaper(await printed(renderToStaticMarkup(createElement(DocumentView, { doc }))));
    expect(all).toContain('Vorläufige Inobhutnahme (§ 42a SGB VIII)');
    expect(all).toContain('vorläufig in Obhut genommen');
    expect(all).toContain('Rechtsbehelfsbelehrung');
  });

  it('prints the application to the family court with facts, risk assessment, measures and the request', async () => {
    const doc = documentOf(antragFamiliengericht, MIA, MORNING, 'Fachkraft Beispiel');
    const all = expectPaper(await printed(renderToStaticMarkup(createElement(DocumentView, { doc }))));
    expect(all).toContain('Amtsgericht Bad Segeberg – Familiengericht –');
    expect(all).toContain('Kindschaftssache Mia Musterkind');
    expect(all).toContain('1. Sachverhalt');
    expect(all).toContain('Anhaltspunkte: Kind ohne Aufsicht, Vernachlässigung');
    expect(all).toContain('Kind allein, verängstigt, Wohnung ohne Lebensmittel');
    expect(all).toContain('Rufbereitschaft Leitung (fiktiv), ASD-Leitung');
    expect(all).toContain('3. Ergriffene Maßnahmen');
    expect(all).toContain('Unterbringung: Geeignete Person.');
    expect(all).toContain('Mutter Erika Musterfrau (fiktiv) nicht erreicht');
    expect(all).toContain('5. Anregung an das Gericht');
    expect(all).toContain('§§ 1666, 1666a BGB');
    expect(all).toContain('§ 8a Abs. 2 SGB VIII');
  });

  it('prints the variant asking for a Vormund/Pfleger, with the gap for a court the record does not name', async () => {
    const unaccompanied = { ...MIA, court: undefined, decision: { ...MIA.decision, ground: '42_1_3' as const } };
    const doc = documentOf(antragFamiliengericht, unaccompanied, MORNING, 'Fachkraft Beispiel');
    expect(doc.missing).toContain('Zuständiges Amtsgericht (Familiengericht)');
    const all = expectPaper(await printed(renderToStaticMarkup(createElement(DocumentView, { doc }))));
    expect(all).toContain('5. Antrag an das Gericht');
    expect(all).toContain('einen Vormund oder Pfleger zu bestellen');
    expect(all).toContain('§ 42 Abs. 3 S. 4 SGB VIII');
    expect(all).toContain('Amtsgericht ________________');
  });

  it("prints the report to the state office with the initial assessment Nr. 1-4 and without the child's place", async () => {
    const doc = documentOf(meldungLandesstelle, SAMIR, MORNING, 'Fachkraft Beispiel');
    const all = expectPaper(await printed(renderToStaticMarkup(createElement(DocumentView, { doc }))));
    expect(all).toContain('Landesstelle für die Verteilung unbegleiteter ausländischer Minderjähriger');
    expect(all).toContain(
      'Mitteilung einer vorläufigen Inobhutnahme: Samir Beispiel, geboren unbekannt (Alter geschätzt 15 Jahre)',
    );
    expect(all).toContain(
      '(Geschlecht: Männlich) nach unbegleiteter Einreise am 25.11.2026 02:45 Uhr vorläufig in Obhut',
    );
    expect(all).toContain('Die Einschätzung wurde am 25.11.2026 11:00 Uhr zusammen mit dem Kind vorgenommen.');
    for (const answer of [SAMIR.provisional?.welfare, SAMIR.provisional?.relatives, SAMIR.provisional?.siblings]) {
      expect(all).toContain(answer);
    }
    expect(all).toContain('Nr. 4 – Schließt der Gesundheitszustand');
    expect(all).toContain('Ärztliche Stellungnahme: Ärztliche Erstuntersuchung ohne Befund (fiktiv).');
    expect(all).toContain('§ 42a Abs. 2 S. 1 und Abs. 4 SGB VIII; § 42b SGB VIII');
    // The demo letterhead names no state office: a line to write on, never an invented address.
    expect(doc.missing).toContain(de.documents.facts['stateOffice.address']);
    expect(all).not.toContain('Clearinghaus');
    expect(all).not.toContain('Rechtsbehelfsbelehrung');
  });

  it('prints the cost commitment to the facility with cost bearer, responsible office and the § 89b note', async () => {
    const parentsElsewhere = {
      ...MIA,
      responsibility: { ...MIA.responsibility, custodiansResidenceOfficeId: 'stormarn' as const },
    };
    const doc = documentOf(kostenzusageEinrichtung, parentsElsewhere, MORNING, 'Fachkraft Beispiel');
    expect(doc.variant).toBe('89b');
    const all = expectPaper(await printed(renderToStaticMarkup(createElement(DocumentView, { doc }))));
    expect(all).toContain('An Jugendamt Kreis Segeberg Bereitschaftspflege Segeberg 1');
    expect(all).toContain('Kostenzusage für die Unterbringung von Mia Musterkind, geboren 14.03.2019');
    expect(all).toContain('bei Ihnen untergebracht (Geeignete Person)');
    expect(all).toContain('Übernahme der Kosten der Unterbringung ab 25.11.2026 04:30 Uhr');
    expect(all).toContain('Tagessatz: ________________');
    expect(all).toContain('Kostenträger ist das Jugendamt Kreis Segeberg');
    expect(all).toContain(
      'Aktenzeichens intake-d an das Jugendamt Kreis Segeberg, Beispielstraße 1, 23795 Bad Segeberg',
    );
    expect(all).toContain('Örtlich zuständig für die Inobhutnahme ist das Jugendamt Kreis Segeberg');
    expect(all).toContain('Hinweis zur Kostenerstattung (§ 89b SGB VIII)');
    expect(all).toContain('voraussichtlich vom Jugendamt Kreis Stormarn zu erstatten');
    expect(all).toContain('§ 89b SGB VIII');
    expect(all).not.toContain('Rechtsbehelfsbelehrung');
  });

  it('prints the note to the school with the absence and who may collect the child, and nothing more', async () => {
    const withPickupBan = { ...MIA, health: { ...MIA.health, pickupForbidden: 'Onkel Otto Beispielmann (fiktiv)' } };
    const doc = documentOf(mitteilungSchule, withPickupBan, MORNING, 'Fachkraft Beispiel');
    const all = expectPaper(await printed(renderToStaticMarkup(createElement(DocumentView, { doc }))));
    expect(all).toContain('An die Schule / Kita ________________');
    expect(all).toContain('Mia Musterkind wird seit dem 25.11.2026 vorübergehend vom Jugendamt Kreis Segeberg betreut');
    expect(all).toContain('Wer das Kind abholen darf');
    expect(all).toContain('nur von Mitarbeitenden des Jugendamts Kreis Segeberg');
    expect(all).toContain('Insbesondere dürfen das Kind nicht abholen: Onkel Otto Beispielmann (fiktiv).');
    expect(all).toContain('§ 64 SGB VIII');
    // Nothing more than the school needs: no reasons, place, health, belongings or parents.
    for (const secret of [
      'Polizei',
      'Sachverhalt',
      'Bereitschaftspflege',
      'Demo-Krankenkasse',
      'Kuscheltier',
      'Erika Musterfrau',
      'Gefährdung',
      'Rechtsbehelfsbelehrung',
    ]) {
      expect(all).not.toContain(secret);
    }
  });

  it('prints the admission sheet for the facility with health, medication, contacts and belongings', async () => {
    const admitted = {
      ...MIA,
      health: { ...MIA.health, contactForbidden: 'Vater (fiktiv)', pickupForbidden: 'Vater (fiktiv)' },
      transport: { ...MIA.transport, medication: 'Asthmaspray (fiktiv)' },
    };
    const doc = documentOf(aufnahmeblattEinrichtung, admitted, MORNING, 'Fachkraft Beispiel');
    const all = expectPaper(await printed(renderToStaticMarkup(createElement(DocumentView, { doc }))));
    expect(all).toContain('An Jugendamt Kreis Segeberg Bereitschaftspflege Segeberg 1');
    expect(all).toContain('Aufnahme von Mia Musterkind, geboren 14.03.2019, am 25.11.2026 04:30 Uhr');
    expect(all).toContain('Bitte beachten Kein Kontakt mit: Vater (fiktiv)');
    expect(all).toContain(`${de.facilitySheet.sections.health} `);
    expect(all).toContain('Demo-Krankenkasse (fiktiv)');
    expect(all).toContain(`${de.nightRecord.fields['health.allergies']} Keine bekannt`);
    expect(all).toContain('Asthmaspray (fiktiv)');
    expect(all).toContain(`${de.nightRecord.fields['health.contactAllowed']} Mutter nach Rücksprache mit dem ASD`);
    expect(all).toContain('Schlafanzug, Kuscheltier, Schulranzen');
    expect(all).toContain(`${de.nightRecord.fields['health.medicalExamination']} nicht erfasst`);
    expect(all).toContain('§ 42 Abs. 2 S. 3 SGB VIII');
    // The facility needs to care for the child, not the reasons of the intake.
    expect(all).not.toContain('Polizei trifft das Kind');
    expect(all).not.toContain('Rechtsbehelfsbelehrung');
  });

  it('prints a Bescheid without entrusted content and says that something was withheld', async () => {
    const entrusted = {
      ...MIA,
      entrusted: [{ id: 'mark-1', field: 'decision.reasons', from: 'Kind', markedBy: 'u-1', markedAt: START }],
    };
    const doc = documentOf(bescheidInobhutnahme, entrusted, MORNING, 'Fachkraft Beispiel');
    const all = expectPaper(await printed(renderToStaticMarkup(createElement(DocumentView, { doc }))));
    expect(all).not.toContain('eine Entscheidung des Familiengerichts ist nachts nicht einzuholen');
    expect(all).toContain('[anvertraut – nicht übermittelt]');
    expect(all).toContain('Anvertraute Angaben (§ 65 SGB VIII) sind in diesem Schreiben nicht enthalten');
  });
});
