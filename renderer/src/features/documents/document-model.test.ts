import { demoNightRecord, demoProvisionalNight } from '../../../../shared/demo/nightRecord';
import { de } from '../../../../shared/i18n';
import { facilitySheetOf } from '../../../../shared/nightRecord/facilitySheet';
import type { Intake } from '../../../../shared/schema/intake';
import { documentOf, type Part } from './document-model';
import { antragFamiliengericht } from './templates/antrag-familiengericht';
import { aufnahmeblattEinrichtung } from './templates/aufnahmeblatt-einrichtung';
import { bescheidInobhutnahme } from './templates/bescheid-inobhutnahme';
import { kostenzusageEinrichtung } from './templates/kostenzusage-einrichtung';
import { meldungLandesstelle } from './templates/meldung-landesstelle';
import { mitteilungSchule } from './templates/mitteilung-schule';

const START = Date.UTC(2026, 10, 25, 1, 0);
const NOW = START + 8 * 3_600_000;

function record(patch: Partial<Intake> = {}): Intake {
  return {
    ...demoNightRecord(START),
    id: 'intake-doc-model-1',
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

const text = (parts: Part[]) => parts.map((p) => ('text' in p ? p.text : '___')).join('');
const body = (doc: ReturnType<typeof documentOf>) =>
  doc.blocks.flatMap((b) => [b.heading ?? '', ...b.paragraphs.map(text)]).join('\n');

describe('documents from the record', () => {
  it('fills the Bescheid from the demo night and lists what the record lacks instead of inventing it', () => {
    const doc = documentOf(bescheidInobhutnahme, record(), NOW, 'Fachkraft Beispiel');
    expect(doc.variant).toBe('42');
    expect(text(doc.subject)).toContain('Mia Musterkind');
    expect(body(doc)).toContain(de.nightRecord.legalGrounds['42_1_2a'].replace(/\s+/g, ' '));
    expect(body(doc)).toContain('Rechtsbehelfsbelehrung');
    expect(body(doc)).toContain('innerhalb eines Monats nach Bekanntgabe Widerspruch');
    expect(body(doc)).toContain('Beispielstraße 1, 23795 Bad Segeberg');
    // The demo has neither a birth date nor the custodians' postal address: gaps, never guesses.
    expect(doc.missing).toContain('Anschrift der Personensorge-/Erziehungsberechtigten (nicht in der Akte)');
    expect(doc.missing).not.toContain('Name des Kindes');
    expect(text(doc.addressee[1] ?? [])).toBe('Erika Musterfrau (fiktiv)');
    // The Bescheid never names where the child is.
    expect(body(doc)).not.toContain('Bereitschaftspflege Segeberg 1');
  });

  it('takes the § 42a variant for a provisional intake', () => {
    const intake = record({ decision: { ...record().decision, ground: '42a' } });
    const doc = documentOf(bescheidInobhutnahme, intake, NOW, 'Fachkraft Beispiel');
    expect(doc.variant).toBe('42a');
    expect(body(doc)).toContain('vorläufig in Obhut genommen');
    expect(doc.legalBasis).toContain('§ 42a SGB VIII');
    expect(documentOf(antragFamiliengericht, intake, NOW, undefined).variant).toBe('vormund');
  });

  it('names a missing fact once and the court application names the court only when the record does', () => {
    const without = documentOf(antragFamiliengericht, record(), NOW, undefined);
    expect(without.variant).toBe('1666');
    expect(without.missing).toContain('Zuständiges Amtsgericht (Familiengericht)');
    expect(without.missing).toContain('Name der Fachkraft');
    expect(new Set(without.missing).size).toBe(without.missing.length);

    const withCourt = documentOf(antragFamiliengericht, record({ court: { court: 'Bad Segeberg' } }), NOW, 'F. B.');
    expect(withCourt.missing).not.toContain('Zuständiges Amtsgericht (Familiengericht)');
    expect(text(withCourt.addressee[1] ?? [])).toBe('Amtsgericht Bad Segeberg');
    expect(body(withCourt)).toContain('Kind allein, verängstigt');
  });

  it('takes what the worker wrote into the preview for a missing fact, for this document only', () => {
    const address = 'Beispielweg 3, 23795 Bad Segeberg (fiktiv)';
    const empty = documentOf(bescheidInobhutnahme, record(), NOW, 'F. B.');
    expect(empty.missingFacts).toContain('addressee.address');
    const filled = documentOf(bescheidInobhutnahme, record(), NOW, 'F. B.', { 'addressee.address': ` ${address} ` });
    expect(text(filled.addressee[2] ?? [])).toBe(address);
    expect(filled.missingFacts).not.toContain('addressee.address');
    expect(filled.missing).not.toContain(de.documents.facts['addressee.address']);
    // Blank stays a gap; a fact the record holds is never overwritten from the preview.
    const blank = documentOf(bescheidInobhutnahme, record(), NOW, 'F. B.', { 'addressee.address': '  ' });
    expect(blank.missingFacts).toContain('addressee.address');
    const names = documentOf(bescheidInobhutnahme, record(), NOW, 'F. B.', { 'addressee.names': 'Jemand anderes' });
    expect(text(names.addressee[1] ?? [])).toBe('Erika Musterfrau (fiktiv)');
  });

  it('never fills an entrusted fact from the preview: it stays withheld', () => {
    const entrusted = record({
      entrusted: [{ id: 'mark-1', field: 'decision.reasons', from: 'Kind', markedBy: 'u-1', markedAt: START }],
    });
    const doc = documentOf(bescheidInobhutnahme, entrusted, NOW, 'F. B.', { 'decision.reasons': 'eingetippt' });
    expect(body(doc)).not.toContain('eingetippt');
    expect(doc.withheld).toContain(de.documents.facts['decision.reasons']);
    expect(doc.missingFacts).not.toContain('decision.reasons');
  });

  it("puts the office's logo from its letterhead settings into the letterhead, inlined and with its name", () => {
    const doc = documentOf(bescheidInobhutnahme, record(), NOW, 'F. B.');
    expect(doc.logo?.alt).toBe('Logo Kreis Segeberg');
    // Inlined into the app: a document made offline loads nothing from outside.
    expect(doc.logo?.src).toMatch(/^data:image\/svg\+xml/);
  });

  it('suggests a file name with the document, the date and the record reference, never the child', () => {
    const doc = documentOf(bescheidInobhutnahme, record(), NOW, 'F. B.');
    expect(doc.fileName).toBe('Bescheid Inobhutnahme 25.11.2026 intake-d.pdf');
    expect(doc.fileName).not.toMatch(/Mia|Musterkind/);
  });

  it('offers the report to the state office only for a provisional intake and lists the assessment it lacks', () => {
    expect(meldungLandesstelle.appliesTo?.(record())).toBe(false);
    const provisional = record(demoProvisionalNight(START));
    expect(meldungLandesstelle.appliesTo?.(provisional)).toBe(true);
    const doc = documentOf(meldungLandesstelle, provisional, NOW, 'F. B.');
    expect(doc.missing).toEqual([de.documents.facts['stateOffice.address']]);
    const without = documentOf(
      meldungLandesstelle,
      { ...provisional, provisional: { startAt: START, welfare: 'Keine Gefährdung (fiktiv).' } },
      NOW,
      'F. B.',
    );
    expect(without.missing).toEqual(
      expect.arrayContaining([
        de.documents.facts['provisional.relatives'],
        de.documents.facts['provisional.siblings'],
        de.documents.facts['provisional.health'],
        de.documents.facts['provisional.assessedAt'],
      ]),
    );
    expect(without.missing).not.toContain(de.documents.facts['provisional.welfare']);
  });

  it('notes who reimburses the costs only where another office or the Land bears them', () => {
    const own = documentOf(kostenzusageEinrichtung, record(), NOW, 'F. B.');
    expect(own.variant).toBe('own');
    expect(body(own)).not.toContain('Kostenerstattung');
    const sameOffice = record({
      responsibility: { locationBeforeOfficeId: 'segeberg', custodiansResidenceOfficeId: 'segeberg' },
    });
    expect(documentOf(kostenzusageEinrichtung, sameOffice, NOW, 'F. B.').variant).toBe('own');
    const outside = record({
      responsibility: { locationBeforeOfficeId: 'segeberg', custodiansResidenceOfficeId: 'outside' },
    });
    const toOutside = documentOf(kostenzusageEinrichtung, outside, NOW, 'F. B.');
    expect(toOutside.variant).toBe('89b');
    // An office outside the Verbund has no name in the record: a gap, not "Außerhalb des Verbunds".
    expect(toOutside.missing).toContain(de.documents.facts['followUp.office']);
    const uma = documentOf(kostenzusageEinrichtung, record(demoProvisionalNight(START)), NOW, 'F. B.');
    expect(uma.variant).toBe('89d');
    expect(body(uma)).toContain('§ 89d SGB VIII');
    // § 89d Abs. 1 S. 1 needs help within one month of entry, which the record does not hold: no promise.
    expect(body(uma)).toContain('voraussichtlich vom Land zu erstatten, wenn die Jugendhilfe innerhalb eines Monats');
    // The rate is not in the record: always written in by hand.
    expect(own.missing).toContain(de.documents.facts['placement.dailyRate']);
  });

  it('tells the school only the absence and who may collect the child', () => {
    const doc = documentOf(mitteilungSchule, record(), NOW, 'F. B.');
    expect(body(doc)).not.toContain('Insbesondere');
    expect(doc.missing).toEqual([de.documents.facts['school.name']]);
    const banned = documentOf(
      mitteilungSchule,
      record({ health: { pickupForbidden: 'Onkel (fiktiv)' } }),
      NOW,
      'F. B.',
    );
    expect(body(banned)).toContain('Insbesondere dürfen das Kind nicht abholen: Onkel (fiktiv).');
  });

  it('builds the facility sheet from the one sheet model, every row there and a gap as not recorded', () => {
    const doc = documentOf(
      aufnahmeblattEinrichtung,
      record({ health: { ...record().health, pickupForbidden: 'Onkel (fiktiv)' } }),
      NOW,
      'F. B.',
    );
    const sheet = facilitySheetOf(record());
    const tables = doc.blocks.filter((b) => b.rows);
    expect(tables.map((b) => b.heading)).toEqual(sheet.sections.map((s) => s.heading));
    expect(tables.flatMap((b) => b.rows ?? []).map((r) => r.label)).toEqual(
      sheet.sections.flatMap((s) => s.rows.map((r) => r.label)),
    );
    expect(doc.blocks.find((b) => b.heading === de.documents.sheetAlerts)?.paragraphs.map(text)).toEqual([
      de.facilitySheet.alerts.pickupForbidden('Onkel (fiktiv)'),
    ]);
    // The demo took no photographs and no examination: listed as missing, never "none".
    expect(doc.missing).toContain(
      `${de.facilitySheet.sections.examination}: ${de.nightRecord.fields['health.medicalExamination']}`,
    );
    expect(doc.withheld).toEqual([]);
  });

  it('leaves entrusted content out unless a recorded basis opens this document, and says so', () => {
    const mark = { id: 'mark-1', field: 'situation', from: 'Kind', markedBy: 'u-1', markedAt: START };
    const entrusted = record({ entrusted: [mark] });
    const bescheid = documentOf(bescheidInobhutnahme, entrusted, NOW, 'F. B.');
    expect(body(bescheid)).not.toContain('nachts allein in der Wohnung');
    expect(bescheid.withheld).toEqual([de.documents.facts.situation]);
    expect(bescheid.missing).not.toContain(de.documents.facts.situation);
    expect(bescheid.entrustedWithheld).toBe(true);

    // Nr. 2 opens the family court's document, not the letter to the parents.
    const courtBasis = record({
      entrusted: [{ ...mark, basis: 'nr2_family_court', basisBy: 'u-2', basisAt: START + 3_600_000 }],
    });
    const court = documentOf(antragFamiliengericht, courtBasis, NOW, 'F. B.');
    expect(body(court)).toContain('nachts allein in der Wohnung');
    expect(court.entrustedWithheld).toBe(false);
    expect(body(documentOf(bescheidInobhutnahme, courtBasis, NOW, 'F. B.'))).not.toContain('nachts allein');

    // A marked health fact stays out of the facility sheet too.
    const health = record({ entrusted: [{ ...mark, field: 'health.contactAllowed' }] });
    const sheet = documentOf(aufnahmeblattEinrichtung, health, NOW, 'F. B.');
    const rows = sheet.blocks.flatMap((b) => b.rows ?? []);
    expect(rows.find((r) => r.label === de.nightRecord.fields['health.contactAllowed'])).toEqual({
      label: de.nightRecord.fields['health.contactAllowed'],
      withheld: true,
    });
    expect(sheet.withheld).toHaveLength(1);
  });
});
