import type { Intake } from '../schema/intake';

/**
 * A complete, fictional night record: the demo seed shows it and tests start from it. Every person is made up;
 * phone numbers are from the 555 range. `start` is the time of the call; the night unfolds from there.
 */
export type NightRecordContent = Omit<
  Intake,
  'id' | 'officeId' | 'createdBy' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'status' | 'conflicts'
>;

const MIN = 60_000;

export function demoNightRecord(
  start: number,
  child: Intake['child'] = { firstName: 'Mia', lastName: 'Musterkind', estimatedAge: 7 },
): NightRecordContent {
  return {
    receivedAt: start,
    child,
    initiatedBy: 'police',
    situation: 'Fiktiver Demo-Fall: Polizei trifft das Kind nachts allein in der Wohnung an, Eltern nicht erreichbar.',
    call: {
      callerName: 'PK Beispiel, Polizeirevier (fiktiv)',
      callerPhone: '0555 010203',
      policeFileNumber: 'DEMO-2025-0001',
      childLocation: 'Wohnung der Familie, mit Polizei vor Ort',
    },
    risk: {
      indicators: ['child_alone', 'neglect'],
      consulted: [
        { id: 'consult-1', name: 'Rufbereitschaft Leitung (fiktiv)', function: 'ASD-Leitung', at: start + 15 * MIN },
      ],
      childSeenInPerson: true,
      assessment: 'Kind allein, verängstigt, Wohnung ohne Lebensmittel; Rückkehr der Eltern nicht absehbar.',
      previousAssessment8a: false,
    },
    decision: {
      ground: '42_1_2a',
      decidedAt: start + 40 * MIN,
      startAt: start + 45 * MIN,
      reasons:
        'Dringende Gefahr für das Kindeswohl; Eltern nicht erreichbar, eine Entscheidung des Familiengerichts ist nachts nicht einzuholen.',
      writtenDecisionHanded: false,
      childInformedAt: start + 60 * MIN,
      childInformedHow: 'Im Gespräch vor Ort, kindgerecht erklärt (fiktiv).',
    },
    placement: {
      facilityName: 'Bereitschaftspflege Segeberg 1',
      provider: 'Jugendamt Kreis Segeberg',
      freeProvider: false,
      accommodation: 'suitable_person',
      admittedAt: start + 150 * MIN,
    },
    transport: {
      transportedBy: 'Bereitschaftsdienst mit Dienstwagen',
      belongings: 'Schlafanzug, Kuscheltier, Schulranzen',
      insuranceCard: false,
      handedOverAt: start + 150 * MIN,
    },
    health: {
      insurer: 'Demo-Krankenkasse (fiktiv)',
      allergies: 'Keine bekannt',
      medicationPlan: 'Keine',
      injuries: 'Keine sichtbaren Verletzungen',
      injuriesPhotographed: false,
      contactAllowed: 'Mutter nach Rücksprache mit dem ASD',
      locationSecret: false,
    },
    trustedPerson: { offered: true, offeredAt: start + 50 * MIN, used: false },
    custody: { status: 'sole' },
    custodians: [
      {
        id: 'custodian-1',
        role: 'mother',
        name: 'Erika Musterfrau (fiktiv)',
        attempts: 'Mobil 3× nicht erreicht (02:10, 02:40, 03:05), Nachricht hinterlassen.',
        objection: false,
      },
    ],
    responsibility: { locationBeforeOfficeId: 'segeberg', locationBefore: 'Bad Segeberg (fiktive Adresse)' },
    statistics: { sex: 'female', foreignOriginParent: 'no', residenceBefore: 'single_parent', reasons: ['neglect'] },
  };
}

/**
 * A fictional provisional intake (§ 42a SGB VIII): a young person arriving unaccompanied at the station at night,
 * with the initial assessment of § 42a Abs. 2 S. 1 Nr. 1-4 done the next morning. Builds on the night above.
 */
export function demoProvisionalNight(
  start: number,
  child: Intake['child'] = { firstName: 'Samir', lastName: 'Beispiel', estimatedAge: 15, claimedAge: 15 },
): NightRecordContent {
  const night = demoNightRecord(start, child);
  return {
    ...night,
    initiatedBy: 'police',
    situation:
      'Fiktiver Demo-Fall: Bundespolizei trifft den Jugendlichen nachts allein am Bahnhof an; unbegleitete Einreise, keine Angehörigen in Deutschland bekannt.',
    risk: { ...night.risk, indicators: ['other'], assessment: 'Allein, ohne Unterkunft und Versorgung (fiktiv).' },
    decision: {
      ...night.decision,
      ground: '42a',
      reasons: 'Unbegleitete Einreise festgestellt; Personensorgeberechtigte im Inland nicht vorhanden (fiktiv).',
    },
    placement: {
      facilityName: 'Clearinghaus Beispielstadt (fiktiv)',
      provider: 'Beispiel-Jugendhilfe gGmbH (fiktiv)',
      freeProvider: true,
      accommodation: 'facility',
      admittedAt: start + 150 * MIN,
    },
    custodians: [],
    custody: { status: 'unknown' },
    provisional: {
      startAt: start + 45 * MIN,
      welfare: 'Keine Gefährdung durch eine Verteilung erkennbar (fiktiv).',
      relatives: 'Ein Onkel lebt nach Angabe des Jugendlichen in Frankreich; Anschrift unbekannt (fiktiv).',
      siblings: 'Keine Geschwister im Inland; eine gemeinsame Inobhutnahme ist nicht erforderlich (fiktiv).',
      health: 'Keine Erkrankung bekannt, die eine Verteilung innerhalb von 14 Werktagen ausschließt (fiktiv).',
      medicalStatement: 'Ärztliche Erstuntersuchung ohne Befund (fiktiv).',
      interpreter: 'Dolmetscher Arabisch, telefonisch (fiktiv)',
      initialAssessmentAt: start + 9 * 60 * MIN,
    },
    statistics: { ...night.statistics, sex: 'male' },
  };
}
