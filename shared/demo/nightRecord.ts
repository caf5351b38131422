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
