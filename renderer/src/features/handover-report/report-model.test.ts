import { CALL_AT, MIN, reportEntries, reportIntake, SUPERVISOR, WORKER } from './report-fixture';
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

  it('lists the decisions of the night with legal ground, times and the custodians', () => {
    const { decisions } = reportOf(reportIntake(), reportEntries(), MORNING, names);
    expect(decisions.map((d) => d.section)).toEqual(['risk', 'decision', 'custodians', 'placement', 'trustedPerson']);
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
