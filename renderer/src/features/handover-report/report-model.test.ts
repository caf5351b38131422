import { de } from '../../../../shared/i18n';
import { CALL_AT, MIN, reportEntries, reportIntake, SUPERVISOR, unaccompaniedIntake, WORKER } from './report-fixture';
import { reportOf } from './report-model';

const names = new Map([
  [WORKER.id, WORKER.displayName],
  [SUPERVISOR.id, SUPERVISOR.displayName],
]);
const MORNING = CALL_AT + 10 * 60 * MIN; // Wednesday 25.11.2026 09:00 Berlin

const value = (rows: { label: string; value: string }[], label: string) => rows.find((r) => r.label === label)?.value;

describe('handover report model', () => {
  it('names the child, the office and the time of printing, and warns while not countersigned', () => {
    const report = reportOf(reportIntake(), reportEntries(), MORNING, names);
    expect(report.title).toBe('Übergabebericht an den ASD');
    expect(report.childName).toBe('Mia Musterkind');
    expect(report.createdAt).toBe('Erstellt am 25.11.2026 09:00');
    expect(report.notices).toEqual(['Dieser Bericht ist noch nicht gegengezeichnet (Vier-Augen-Prinzip).']);
  });

  it('summarises the record in German', () => {
    const { summary } = reportOf(reportIntake(), reportEntries(), MORNING, names);
    expect(value(summary, 'Kind')).toBe('Mia Musterkind');
    expect(value(summary, 'Geschätztes Alter')).toBe('7 Jahre');
    expect(value(summary, 'Geburtsdatum')).toBeUndefined();
    expect(value(summary, 'Jugendamt')).toBe('Kreis Segeberg');
    expect(value(summary, 'Anruf eingegangen')).toBe('24.11.2026 23:00');
    expect(value(summary, 'Angeregt durch')).toBe('Polizei/Ordnungsbehörde');
    expect(value(summary, 'Stand der Prüfung')).toBe('ungeprüft');
    expect(value(summary, 'Untergebracht bei')).toBe('Bereitschaftspflege Segeberg 1');
    expect(value(summary, 'Zuständiges Jugendamt')).toBe('Kreis Segeberg');
    expect(value(summary, 'Zuständige Fachkraft im ASD')).toBe('Herr Muster (ASD Nord)');
    expect(value(summary, 'Offene Aufgaben')).toBe('Mutter erneut anrufen.');
    // Nothing empty is printed.
    expect(summary.every((r) => r.value.trim() !== '')).toBe(true);
  });

  it('lists the night section by section in the numbered order of the form (4 and 6 before 7)', () => {
    const { decisions } = reportOf(reportIntake(), reportEntries(), MORNING, names);
    expect(decisions.map((d) => d.section)).toEqual([
      'call',
      'risk',
      'decision',
      'placement',
      'transport',
      'health',
      'trustedPerson',
      'custody',
      'custodians',
      'responsibility',
    ]);
    const decision = decisions.find((d) => d.section === 'decision')!;
    expect(decision.heading).toBe('3 · Entscheidung und Rechtsgrundlage');
    expect(decision.rows).toEqual([
      {
        label: 'Rechtsgrundlage',
        value:
          '§ 42 Abs. 1 Satz 1 Nr. 2 Buchst. a – dringende Gefahr, die Personensorgeberechtigten widersprechen nicht',
      },
      { label: 'Entscheidung getroffen', value: '24.11.2026 23:40' },
      { label: 'Beginn der Maßnahme', value: '24.11.2026 23:45' },
      { label: 'Begründung', value: expect.stringContaining('Dringende Gefahr für das Kindeswohl') as string },
      { label: 'Schriftlicher Bescheid mit Rechtsbehelfsbelehrung ausgehändigt', value: 'Nein' },
      { label: 'Maßnahme dem Kind erklärt am (§ 42 Abs. 2 S. 1)', value: '25.11.2026 00:00' },
      { label: 'Wie erklärt (Sprache, Dolmetscher/-in)', value: 'Im Gespräch vor Ort, kindgerecht erklärt (fiktiv).' },
    ]);
    const risk = decisions.find((d) => d.section === 'risk')!;
    expect(value(risk.rows, 'Anhaltspunkte')).toBe('Kind ohne Aufsicht, Vernachlässigung');
    expect(value(risk.rows, 'Hinzugezogene Fachkräfte')).toBe(
      'Rufbereitschaft Leitung (fiktiv) (ASD-Leitung, 24.11.2026 23:15)',
    );
    const custodian = decisions.find((d) => d.section === 'custodians')!;
    expect(custodian.heading).toBe('7 · Personensorgeberechtigte (Mutter, Erika Musterfrau (fiktiv))');
    expect(value(custodian.rows, 'Erreichbarkeitsversuche')).toContain('3× nicht erreicht');
    expect(value(custodian.rows, 'Widerspruch')).toBe('Nein');
    expect(value(decisions.find((d) => d.section === 'placement')!.rows, 'Aufnahme')).toBe('25.11.2026 01:30');
  });

  it('issue 13 Nr. 7: belongings, medication and insurance card, documents and the police file number are in the report', () => {
    const { decisions } = reportOf(unaccompaniedIntake(), [], MORNING, names);
    const rows = (section: string) => decisions.find((d) => d.section === section)!.rows;
    expect(value(rows('call'), 'Aktenzeichen der Polizei')).toBe('DEMO-BPOL-0042');
    expect(value(rows('transport'), 'Mitgegebene Sachen')).toBe('Rucksack, Handy, Ladekabel');
    expect(value(rows('transport'), 'Medikamente')).toBe('Salbutamol-Spray');
    expect(value(rows('transport'), 'Versichertenkarte übergeben')).toBe('Nein');
    expect(value(rows('transport'), 'Dokumente')).toBe('Kopie der Registrierung (BÜMA)');
  });

  it('issue 13 Nr. 7, § 42a Abs. 2 S. 1 Nr. 1-4 SGB VIII: the contents of the initial assessment, not only its date', () => {
    const { decisions } = reportOf(unaccompaniedIntake(), [], MORNING, names);
    const provisional = decisions.find((d) => d.section === 'provisional')!;
    expect(provisional.heading).toBe('9 · Vorläufige Inobhutnahme (§ 42a SGB VIII)');
    expect(provisional.rows.map((r) => [r.label, r.value])).toEqual([
      ['Beginn der vorläufigen Inobhutnahme', '24.11.2026 23:20'],
      ['Kindeswohl bei Verteilung', 'Verteilung gefährdet das Wohl nicht'],
      ['Verwandte im In- oder Ausland', 'Bruder in Kiel'],
      ['Geschwister', 'keine weiteren'],
      ['Gesundheit', 'Asthma, sonst gesund'],
      ['Dolmetscher/-in', 'Herr Dolmetsch (Dari, fiktiv)'],
      ['Ärztliche Stellungnahme', 'Ärztliche Stellungnahme angefragt'],
      ['Erstscreening abgeschlossen am (§ 42a Abs. 2)', '25.11.2026 23:00'],
      ['Verteilung entschieden', '26.11.2026 23:00'],
      ['Ergebnis der Verteilung', 'Verteilung ausgeschlossen (§ 42b Abs. 4)'],
    ]);
  });

  it('issue 13 Nr. 7: the interpreters and why the location is not disclosed are in the summary', () => {
    const intake = unaccompaniedIntake();
    intake.custodians = [
      {
        id: 'c-father',
        role: 'father',
        name: 'Vater (fiktiv)',
        interpreter: 'Frau Tolk (Paschtu, fiktiv)',
        locationDisclosed: false,
        locationNotDisclosedReason: 'Vater hat den Transport organisiert',
      },
      { id: 'c-other', role: 'other', name: 'Onkel (fiktiv)', locationDisclosed: false },
    ];
    const { summary, decisions } = reportOf(intake, [], MORNING, names);
    expect(value(summary, 'Angegebenes Alter (Selbstauskunft)')).toBe('16 Jahre');
    expect(value(summary, 'Dolmetscher/-innen')).toBe(
      'Herr Dolmetsch (Dari, fiktiv) (Erstscreening, § 42a Abs. 2); Frau Tolk (Paschtu, fiktiv) (Gespräch mit Vater Vater (fiktiv))',
    );
    expect(value(summary, 'Aufenthaltsort nicht mitgeteilt')).toBe(
      'Geheim gehalten: Hinweise auf Schleuser; Vater Vater (fiktiv): Vater hat den Transport organisiert; Sonstige Onkel (fiktiv): Grund nicht erfasst',
    );
    const father = decisions.find((d) => d.section === 'custodians')!;
    expect(value(father.rows, 'Warum nicht mitgeteilt')).toBe('Vater hat den Transport organisiert');
    expect(value(father.rows, 'Dolmetscher/-in')).toBe('Frau Tolk (Paschtu, fiktiv)');
  });

  it('§ 42 Abs. 2 S. 3 SGB VIII: the facility sheet\'s health and contact rows are in the report, a gap as "nicht erfasst"', () => {
    const { decisions } = reportOf(unaccompaniedIntake(), [], MORNING, names);
    const health = decisions.find((d) => d.section === 'health')!;
    expect(health.heading).toBe(de.nightRecord.sections.health);
    expect(health.rows.map((r) => [r.label, r.value])).toEqual([
      ['Krankenkasse', 'keine (Krankenhilfe nach § 40 SGB VIII)'],
      ['Allergien', 'Penicillin'],
      ['Medikamente mit Dosierung und Einnahmezeiten', 'Salbutamol 2 Hübe bei Atemnot, höchstens 4× täglich'],
      ['Verletzungen und Befunde', 'Schürfwunde am Unterarm'],
      ['Verletzungen fotografiert', 'Ja'],
      ['Fotografiert von', 'Fachkraft Jana Fiktiv'],
      ['Ärztliche Untersuchung', 'Kinderärztliche Untersuchung'],
      ['Untersucht am', 'nicht erfasst'],
      ['Einwilligung in die Untersuchung (wer, wann)', 'Jugendlicher, mit Dolmetscher aufgeklärt'],
      ['Kontakt erlaubt mit', 'Bruder in Kiel (fiktiv)'],
      ['Kein Kontakt mit', 'Begleiter aus der Unterkunft'],
      ['Aufenthaltsort wird geheim gehalten', 'Ja'],
      ['Warum der Aufenthaltsort nicht mitgeteilt wird', 'Hinweise auf Schleuser'],
      ['Darf das Kind nicht von Schule/Kita abholen', 'Begleiter aus der Unterkunft'],
    ]);
  });

  it('prints the log of this record only, in the order of the night, with who wrote it and what it corrects', () => {
    const { log } = reportOf(reportIntake(), reportEntries(), MORNING, names);
    expect(log.map((l) => l.id)).toEqual(['e-1', 'e-2', 'e-3', 'e-4', 'e-5']);
    expect(log[0]).toEqual({
      id: 'e-1',
      at: '24.11.2026 23:02',
      kind: 'Anruf',
      text: 'Polizei meldet Kind allein in der Wohnung',
      by: 'Jana Fiktiv',
    });
    expect(log[2].text).toBe('Kinderhaus Fiktiv: abgelehnt (Kein Platz frei) – Rückruf in 10 Minuten zugesagt');
    expect(log[3].text).toBe('Bereitschaftspflege Segeberg 1: zugesagt');
    expect(log[4].corrects).toBe('berichtigt den Eintrag vom 25.11.2026 00:10 (Platzanfrage)');
  });

  it('shows the open obligations with their state at the time of printing, not the done ones', () => {
    const open = reportOf(reportIntake(), reportEntries(), MORNING, names).obligations;
    expect(open.map((o) => [o.label, o.statusLabel, o.due])).toEqual([
      ['Personensorgeberechtigte informieren', 'überfällig', '25.11.2026 01:40'],
      ['Fall an den zuständigen ASD übergeben', 'überfällig', '25.11.2026 08:30'],
    ]);
    expect(open[0].note).toContain('unverzüglich');

    const informed = reportIntake();
    informed.custodians = [{ ...informed.custodians![0], informedAt: CALL_AT + 60 * MIN }];
    const after = reportOf(informed, [], MORNING, names).obligations;
    // Informed without an objection: the Hilfeplanverfahren follows (§ 42 Abs. 3 S. 5 SGB VIII).
    expect(after.map((o) => o.kind)).toEqual(['handoverToAsd', 'helpPlan']);
  });

  it('leaves the signature lines empty until the supervisor countersigns, then prints name and time', () => {
    const unsigned = reportOf(reportIntake(), [], MORNING, names).signatures;
    expect(unsigned.map((s) => [s.role, s.name, s.at, s.signed])).toEqual([
      ['worker', 'Jana Fiktiv', '', false],
      ['supervisor', '', '', false],
      ['receiver', 'Herr Muster (ASD Nord)', '', false],
    ]);

    const signedAt = CALL_AT + 10 * 60 * MIN - 15 * MIN;
    const intake = reportIntake({
      review: { state: 'countersigned', countersignedBy: SUPERVISOR.id, countersignedAt: signedAt },
    });
    const report = reportOf(intake, [], MORNING, names);
    expect(report.notices).toEqual([]);
    expect(value(report.summary, 'Stand der Prüfung')).toBe('gegengezeichnet');
    expect(report.signatures[1]).toEqual({
      role: 'supervisor',
      title: 'Leitung (Gegenzeichnung, Vier-Augen-Prinzip)',
      name: 'Dr. Petra Beispiel',
      at: '25.11.2026 08:45',
      signed: true,
      note: 'Elektronisch gegengezeichnet am 25.11.2026 08:45',
    });
  });

  it('shows a handover to another office and unresolved conflicts', () => {
    const intake = reportIntake({
      review: { state: 'handed_over', handedOverTo: 'stormarn', handedOverBy: SUPERVISOR.id, handedOverAt: MORNING },
      conflicts: [{ id: 'c1', field: 'situation', value: '"x"', by: WORKER.id, at: MORNING }],
    });
    const report = reportOf(intake, [], MORNING, new Map());
    expect(value(report.summary, 'Übergeben an')).toBe('Kreis Stormarn, 25.11.2026 09:00');
    expect(report.notices).toEqual(['Ein ungeklärter Konflikt im Bericht.']);
    // Without a name for the worker the line stays empty rather than showing an id.
    expect(report.signatures[0].name).toBe('');
  });

  it("names the PDF by date and a short record reference, never by the child's name", () => {
    const report = reportOf(reportIntake(), [], MORNING, names);
    expect(report.fileName).toBe(`Übergabebericht – 25.11.2026 – ${reportIntake().id.slice(0, 8)}.pdf`);
    expect(report.fileName).not.toMatch(/Mia|Musterkind/);
    // The report itself still names the child.
    expect(report.childName).toBe('Mia Musterkind');

    // A record id is a UUID: the reference is its first block.
    const uuid = '3f2c9a1e-7b4d-4c2a-9e1f-0a1b2c3d4e5f';
    expect(reportOf(reportIntake({ id: uuid }), [], MORNING, names).fileName).toBe(
      'Übergabebericht – 25.11.2026 – 3f2c9a1e.pdf',
    );
  });

  it('makes the file name safe for every file system', () => {
    const report = reportOf(reportIntake({ id: 'a/b:c*d?e' }), [], MORNING, names);
    expect(report.fileName).toBe('Übergabebericht – 25.11.2026 – a b c d.pdf');
    expect(reportOf(reportIntake({ child: { firstName: '', lastName: '' } }), [], MORNING, names).childName).toBe(
      '(ohne Namen)',
    );
  });
});
