import { randomUUID } from 'node:crypto';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ObligationKind } from '../../shared/deadlines';
import { de } from '../../shared/i18n';
import { review } from '../../shared/i18n/de/review';
import type { IntakeWire } from '../../shared/schema/intake';
import { login, makeIntake, pullAll, push } from '../support/api';
import { pdfPages } from './pdf-text';
import { loggedIn } from './session';
import { type E2eStack, startE2eStack } from './stack';

/**
 * Issue 13, Show 3, in Chromium against the built renderer and a server on PostgreSQL: an unaccompanied 16-year-old
 * (age claimed 16, an interpreter) is taken in provisionally under § 42a; the same record then goes on as the § 42
 * Abs. 1 S. 1 Nr. 3 measure (one case, two linked measures). The worker's form shows the duties of each stage and
 * never "inform the custodians" (nobody to inform: the duty could never be completed); with every completing fact
 * recorded every duty is done. The worker prints the admission sheet for the facility (Aufnahmeblatt, § 42 Abs. 2 S. 3):
 * one A4 page with every section; the supervisor's printed report to the ASD holds every section issue 13 names.
 * The record's stages are written through the sync API as the worker's app would push them, so the test does not
 * depend on how a date field is typed.
 */
const POLL = { timeout: 30_000 };
const HOUR = 3_600_000;
const flat = (text: string) => text.replace(/\s+/g, ' ');
const field = (path: keyof typeof de.nightRecord.fields) => de.nightRecord.fields[path];

const kindsOf = (page: Page) =>
  page
    .getByTestId('obligations')
    .getByTestId('obligation')
    .evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-kind')}:${r.getAttribute('data-status')}`));
const kinds = async (page: Page) => (await kindsOf(page)).map((k) => k.split(':')[0]).sort();

describe('an unaccompanied night: § 42a, then § 42 Abs. 1 S. 1 Nr. 3, in Chromium', () => {
  let stack: E2eStack;
  let token: string;
  let workerId: string;
  let stored: IntakeWire;
  const lastName = `Fiktiv-${Date.now().toString(36)}`;

  /** Writes the next stage of the record as the worker's app does: over the server's copy. */
  async function write(next: IntakeWire): Promise<void> {
    const doc = { ...next, updatedAt: Math.max(Date.now(), stored.updatedAt + 1), updatedBy: workerId };
    const result = await push(stack.server.url, token, 'intakes', [
      { assumedMasterState: stored, newDocumentState: doc },
    ]);
    expect(result.rejected).toEqual([]);
    stored = (await pullAll<IntakeWire>(stack.server.url, token, 'intakes')).documents.find((d) => d.id === doc.id)!;
  }

  beforeAll(async () => {
    stack = await startE2eStack('obhut_e2e_unaccompanied');
    const worker = await login(stack.server.url, 'bereitschaft.segeberg');
    token = worker.token;
    workerId = worker.user.id;
    const provisionalStart = Date.now() - 3 * HOUR;
    const first = makeIntake('segeberg', {
      id: randomUUID(),
      createdBy: workerId,
      updatedBy: workerId,
      receivedAt: provisionalStart - 30 * 60_000,
      child: { firstName: 'Amir', lastName, estimatedAge: 16, claimedAge: 16 },
      initiatedBy: 'police',
      situation: 'Fiktiv: Jugendlicher nachts allein am Bahnhof, unbegleitet eingereist, spricht Dari.',
      call: { callerName: 'PK Beispiel (fiktiv)', policeFileNumber: 'DEMO-BPOL-4711', childLocation: 'Bahnhof' },
      risk: { indicators: ['unaccompanied'], childSeenInPerson: true, assessment: 'Unbegleitet, erschöpft.' },
      decision: {
        ground: '42a',
        decidedAt: provisionalStart,
        startAt: provisionalStart,
        reasons: 'Unbegleitete Einreise, keine Personensorgeberechtigten im Inland.',
      },
      placement: {
        facilityName: 'Jugendschutzhaus Norderstedt (fiktiv)',
        accommodation: 'facility',
        admittedAt: provisionalStart + HOUR,
      },
      transport: {
        transportedBy: 'Bereitschaftsdienst',
        belongings: 'Rucksack, Handy, Ladekabel',
        medication: 'Salbutamol-Spray',
        insuranceCard: false,
        documents: 'Kopie der Registrierung',
      },
      health: {
        insurer: 'keine (Krankenhilfe nach § 40 SGB VIII)',
        allergies: 'Penicillin',
        medicationPlan: 'Salbutamol 2 Hübe bei Atemnot, höchstens 4× täglich',
        injuries: 'Schürfwunde am linken Unterarm',
        injuriesPhotographed: true,
        photographedBy: 'Fachkraft Jana Fiktiv',
        medicalExamination: 'Kinderärztliche Untersuchung vereinbart',
        medicalExaminationConsent: 'Jugendlicher, mit Dolmetscher aufgeklärt',
        contactAllowed: 'Bruder in Kiel (fiktiv)',
        contactForbidden: 'Begleiter aus der Unterkunft (fiktiv)',
        locationSecret: true,
        locationSecretReason: 'Hinweise auf Schleuser',
        pickupForbidden: 'Begleiter aus der Unterkunft (fiktiv)',
      },
      trustedPerson: { offered: true, offeredAt: provisionalStart + 10 * 60_000, used: false },
      custody: { status: 'unknown', note: 'Eltern in Afghanistan (fiktiv), nicht erreichbar' },
      custodians: [],
      provisional: {
        startAt: provisionalStart,
        welfare: 'Verteilung gefährdet das Kindeswohl nicht',
        relatives: 'Bruder in Kiel (fiktiv)',
        siblings: 'Schwester in Afghanistan (fiktiv)',
        health: 'Asthma, sonst gesund',
        interpreter: 'Herr Dolmetsch (Dari, fiktiv)',
        medicalStatement: 'Ärztliche Stellungnahme angefragt',
      },
      ageAssessment: {
        method: 'qualified_visual',
        staff1: 'Fachkraft A (fiktiv)',
        staff2: 'Fachkraft B (fiktiv)',
        reasons: 'Angabe 16 Jahre, äußeres Erscheinungsbild und Gespräch passen dazu.',
      },
      responsibility: { locationBeforeOfficeId: 'segeberg', locationBefore: 'Bahnhof Bad Segeberg' },
      statistics: { sex: 'male', residenceBefore: 'no_fixed_abode', reasons: ['unaccompanied_entry'] },
    });
    const created = await push(stack.server.url, token, 'intakes', [{ newDocumentState: first }]);
    expect(created.rejected).toEqual([]);
    stored = first;
  });

  afterAll(() => stack?.close());

  it(
    'shows the duties of each measure, none that can never be done, and prints every section of the report',
    { timeout: 300_000 },
    async () => {
      const { context, page } = await loggedIn(
        stack.browser,
        stack.renderer.origin,
        stack.server.url,
        'bereitschaft.segeberg',
      );
      page.setDefaultTimeout(20_000);
      const row = page.getByTestId('intake-row').filter({ hasText: lastName });
      await row.getByRole('button').first().click();
      await page.getByTestId('night-record').waitFor();

      // § 42a: the provisional intake's duties; no custodian to inform, no Vormund yet (§ 42a Abs. 3 S. 1).
      const provisionalDuties: ObligationKind[] = [
        'ageAssessment',
        'distributionLimit',
        'explainToChild',
        'handoverToAsd',
        'healthCheck',
        'initialAssessment',
        'reportToStateOffice',
      ];
      await expect.poll(() => kinds(page), POLL).toEqual(provisionalDuties);
      const text = flat((await page.getByTestId('obligations').textContent()) ?? '');
      expect(text).toContain('§ 42a Abs. 4 S. 1 SGB VIII (7 Werktage, Mo–Sa ohne Feiertage)');
      expect(text).toContain('§ 42f Abs. 1, 2 SGB VIII');
      expect(text).not.toContain('Personensorgeberechtigte informieren');

      // The distribution is excluded; the same office goes on under § 42 Abs. 1 S. 1 Nr. 3: the linked measure.
      const nr3At = Date.now() - HOUR;
      await write({
        ...stored,
        decision: {
          ...stored.decision,
          ground: '42_1_3',
          decidedAt: nr3At,
          startAt: nr3At,
          reasons: 'Verteilung ausgeschlossen; Inobhutnahme nach § 42 Abs. 1 S. 1 Nr. 3 durch dieses Jugendamt.',
        },
        provisional: { ...stored.provisional, distributionOutcome: 'excluded', distributionDecidedAt: nr3At },
      });
      const linkedDuties: string[] = [...provisionalDuties, 'appointGuardian', 'asylumApplication'].sort();
      await expect.poll(() => kinds(page), POLL).toEqual(linkedDuties);
      expect(await kindsOf(page)).toContain('distributionLimit:done');
      const linkedText = flat((await page.getByTestId('obligations').textContent()) ?? '');
      expect(linkedText).toContain('§ 42 Abs. 3 S. 4 SGB VIII');
      expect(linkedText).toContain('§ 42 Abs. 2 S. 5 SGB VIII');
      expect(linkedText).not.toContain('Personensorgeberechtigte informieren');
      expect(linkedText).not.toContain('Gefährdungseinschätzung mit mehreren Fachkräften');

      // Every duty shown is completed by a fact the record holds: with all of them, all are done, none stays open.
      const doneAt = Date.now() - 10 * 60_000;
      await write({
        ...stored,
        status: 'submitted',
        decision: { ...stored.decision, childInformedAt: doneAt, childInformedHow: 'Mit Dolmetscher auf Dari' },
        provisional: {
          ...stored.provisional,
          initialAssessmentAt: doneAt,
          healthCheckAt: doneAt,
          stateOfficeReportedAt: doneAt,
        },
        ageAssessment: { ...stored.ageAssessment, assessedAt: doneAt, assessedAge: 16, result: 'minor' },
        guardian: { applicationAt: doneAt, court: 'Amtsgericht Bad Segeberg (fiktiv)', asylumNeed: 'unknown' },
      });
      await expect.poll(() => kindsOf(page), POLL).toContain('ageDecision:open');
      await write({
        ...stored,
        ageAssessment: { ...stored.ageAssessment, writtenDecisionAt: doneAt },
        guardian: { ...stored.guardian, asylumApplicationAt: doneAt },
        handover: { handedOverAt: doneAt, caseworker: 'Herr Muster (ASD, fiktiv)' },
      });
      await expect.poll(async () => (await kindsOf(page)).filter((k) => !k.endsWith(':done')), POLL).toEqual([]);
      expect((await kinds(page)).length).toBe(linkedDuties.length + 1);

      // The worker prints the admission sheet for the facility from the record: one A4 page with every section.
      await page.evaluate(() => {
        window.print = () => undefined;
      });
      await page.getByTestId('document-button-aufnahmeblatt-einrichtung').click();
      await page.getByTestId('document-preview').waitFor();
      await page.getByTestId('document-print').click();
      await page.getByTestId('document-print-root').waitFor({ state: 'attached' });
      const sheetPages = await pdfPages(await page.pdf({ format: 'A4' }));
      expect(sheetPages).toHaveLength(1);
      const sheet = flat(sheetPages[0] ?? '');
      expect(sheet).toContain('Seite 1 von 1');
      expect(sheet).toContain('Aufnahmeblatt für die Einrichtung – Gesundheit und Kontakte');
      for (const heading of Object.values(de.facilitySheet.sections)) expect(sheet).toContain(heading);
      for (const expected of [
        `Aufnahme von Amir ${lastName}, geboren unbekannt (Alter geschätzt 16 Jahre)`,
        // What nobody at the door may overlook.
        de.facilitySheet.alerts.locationSecret,
        de.facilitySheet.alerts.contactForbidden('Begleiter aus der Unterkunft (fiktiv)'),
        de.facilitySheet.alerts.pickupForbidden('Begleiter aus der Unterkunft (fiktiv)'),
        'Angegebenes Alter (Selbstauskunft) 16 Jahre',
        'Zuständige Fachkraft im ASD Herr Muster (ASD, fiktiv)',
        // Health insurer, allergies, medication with dosage and times, medication and card handed over.
        'Krankenkasse keine (Krankenhilfe nach § 40 SGB VIII)',
        'Versichertenkarte übergeben Nein',
        'Allergien Penicillin',
        'Salbutamol 2 Hübe bei Atemnot, höchstens 4× täglich',
        'Mitgegebene Medikamente Salbutamol-Spray',
        // Injuries, whether photographed and by whom; the examination with consent.
        'Schürfwunde am linken Unterarm',
        'Fotografiert von Fachkraft Jana Fiktiv',
        'Kinderärztliche Untersuchung vereinbart',
        'Jugendlicher, mit Dolmetscher aufgeklärt',
        // Contacts allowed and forbidden, the secret location and why, who may not collect the child.
        'Kontakt erlaubt mit Bruder in Kiel (fiktiv)',
        'Hinweise auf Schleuser',
        // Belongings and documents.
        'Rucksack, Handy, Ladekabel',
        'Kopie der Registrierung',
        '§ 42 Abs. 2 S. 3 SGB VIII',
      ]) {
        expect(sheet).toContain(expected);
      }
      // What the facility needs for the child's care, not the story of the night.
      expect(sheet).not.toContain('spricht Dari');
      await page
        .getByTestId('entry-log')
        .getByTestId('entry')
        .filter({ hasText: 'Dokument erstellt: Aufnahmeblatt für die Einrichtung (Version 2)' })
        .waitFor();
      await context.close();

      // The supervisor prints the report to the ASD: every section issue 13 names is in it.
      const lead = await loggedIn(stack.browser, stack.renderer.origin, stack.server.url, 'leitung.segeberg');
      const leadPage = lead.page;
      leadPage.setDefaultTimeout(20_000);
      await leadPage.getByText(review.ui.nav, { exact: true }).click();
      await leadPage.getByRole('row', { name: `Bericht von Amir ${lastName} prüfen` }).click();
      await leadPage.getByTestId('review-record').waitFor();
      await leadPage.evaluate(() => {
        window.print = () => undefined;
      });
      await leadPage.getByRole('button', { name: 'Übergabebericht drucken' }).click();
      await leadPage.getByTestId('handover-report').waitFor({ state: 'attached' });
      const printed = flat((await pdfPages(await leadPage.pdf({ format: 'A4' }))).join('\n'));
      for (const expected of [
        // The police file number, belongings, medication and insurance card, documents (5 · Transport und Übergabe).
        'Aktenzeichen der Polizei DEMO-BPOL-4711',
        'Mitgegebene Sachen Rucksack, Handy, Ladekabel',
        'Medikamente Salbutamol-Spray',
        'Versichertenkarte übergeben Nein',
        'Dokumente Kopie der Registrierung',
        // The contents of the § 42a initial assessment.
        '9 · Vorläufige Inobhutnahme (§ 42a SGB VIII)',
        'Kindeswohl bei Verteilung Verteilung gefährdet das Kindeswohl nicht',
        'Verwandte im In- oder Ausland Bruder in Kiel (fiktiv)',
        'Geschwister Schwester in Afghanistan (fiktiv)',
        'Gesundheit Asthma, sonst gesund',
        'Ärztliche Stellungnahme Ärztliche Stellungnahme angefragt',
        // Interpreters, and why the location is not disclosed.
        'Dolmetscher/-innen Herr Dolmetsch (Dari, fiktiv) (Erstscreening, § 42a Abs. 2)',
        'Aufenthaltsort nicht mitgeteilt Geheim gehalten: Hinweise auf Schleuser',
        // The health and contact sheet of § 42 Abs. 2 S. 3.
        'Krankenkasse keine (Krankenhilfe nach § 40 SGB VIII)',
        'Allergien Penicillin',
        'Medikamente mit Dosierung und Einnahmezeiten Salbutamol 2 Hübe bei Atemnot, höchstens 4× täglich',
        'Verletzungen und Befunde Schürfwunde am linken Unterarm',
        `${field('health.injuriesPhotographed')} Ja`,
        'Fotografiert von Fachkraft Jana Fiktiv',
        `${field('health.medicalExamination')} Kinderärztliche Untersuchung vereinbart`,
        `${field('health.medicalExaminationAt')} ${de.facilitySheet.notRecorded}`,
        'Einwilligung in die Untersuchung (wer, wann) Jugendlicher, mit Dolmetscher aufgeklärt',
        'Kontakt erlaubt mit Bruder in Kiel (fiktiv)',
        'Kein Kontakt mit Begleiter aus der Unterkunft (fiktiv)',
        `${field('health.locationSecret')} Ja`,
        `${field('health.locationSecretReason')} Hinweise auf Schleuser`,
        'Darf das Kind nicht von Schule/Kita abholen Begleiter aus der Unterkunft (fiktiv)',
        // The age claimed and the linked measure's ground.
        'Angegebenes Alter (Selbstauskunft) 16 Jahre',
        '§ 42 Abs. 1 Satz 1 Nr. 3 – unbegleitete Einreise aus dem Ausland',
      ]) {
        expect(printed).toContain(expected);
      }
      // The sections in the numbered order of the form.
      const order = [
        '1 · Anruf',
        '4 · Unterbringung',
        '5 · Transport',
        '5a · Gesundheit',
        '6 · Vertrauensperson',
        '7 · Sorgerecht',
        '9 · Vorläufige',
      ];
      const positions = order.map((heading) => printed.indexOf(heading));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      await lead.context.close();
    },
  );
});
