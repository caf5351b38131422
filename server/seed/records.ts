import type { RefusalReason } from '../../shared/catalogues/entry';
import { demoFacilities } from '../../shared/demo/facilities';
import { demoNightRecord } from '../../shared/demo/nightRecord';
import type { OfficeId } from '../../shared/offices';
import type { EntryWire } from '../../shared/schema/entry';
import type { IntakeWire } from '../../shared/schema/intake';
import { demoIntakeId } from './demo-ids';

const MIN = 60_000;
const HOUR = 60 * MIN;

type Attempt = { facilityId: string; answer: 'refused' | 'accepted'; reason?: RefusalReason; text: string };

/** The helpers that write one office's demo records and log lines into `intakes` and `entries`. */
function demoWriter(office: OfficeId, author: string, now: number) {
  const facilities = new Map(demoFacilities(now).map((f) => [f.id, f]));
  const intakes: IntakeWire[] = [];
  const entries: EntryWire[] = [];

  const record = (n: number, start: number, status: IntakeWire['status'], content: Partial<IntakeWire>) => {
    const intake: IntakeWire = {
      id: demoIntakeId(office, n),
      officeId: office,
      createdBy: author,
      createdAt: start + 2 * MIN,
      updatedAt: start + 3 * HOUR,
      updatedBy: author,
      status,
      conflicts: [],
      _deleted: false,
      ...demoNightRecord(start),
      ...content,
    };
    intakes.push(intake);
    return intake;
  };
  const log = (
    intake: IntakeWire,
    n: number,
    at: number,
    entry: Pick<EntryWire, 'kind' | 'text'> & Partial<EntryWire>,
  ) =>
    entries.push({
      id: `${intake.id}-e${n}`,
      officeId: office,
      intakeId: intake.id,
      at,
      createdBy: author,
      createdAt: at,
      updatedAt: at,
      _deleted: false,
      ...entry,
    });
  const search = (intake: IntakeWire, first: number, at: number, attempts: Attempt[]) =>
    attempts.forEach((a, i) => {
      const facility = facilities.get(a.facilityId)!;
      const asked = at + i * 20 * MIN;
      const place = { facilityId: facility.id, facilityName: facility.name };
      log(intake, first + 2 * i, asked, { kind: 'placement', text: '', placement: { ...place, answer: 'requested' } });
      log(intake, first + 2 * i + 1, asked + 5 * MIN, {
        kind: 'placement',
        text: a.text,
        placement: { ...place, answer: a.answer, ...(a.reason ? { reason: a.reason } : {}) },
      });
    });

  return { facilities, intakes, entries, record, log, search };
}

type DemoWriter = ReturnType<typeof demoWriter>;

/**
 * The demo night records of one office with their logs (docs/api.md, demo mode): two submitted nights - a child
 * found alone by the police and a youth who came on his own, whose mother objects - and a draft still open.
 * People are fictional; the places are the demo facilities of the Verbund.
 */
export function demoRecords(
  office: OfficeId,
  author: string,
  now: number,
): { intakes: IntakeWire[]; entries: EntryWire[] } {
  const writer = demoWriter(office, author, now);
  const ownFoster = office === 'norderstedt' ? 'kinderschutzhaus-elmshorn' : `bereitschaftspflege-${office}-1`;
  childFoundAlone(writer, office, now, ownFoster);
  youthWhoCameAlone(writer, now);
  clinicDraft(writer, now);
  return { intakes: writer.intakes.map(dropUndefined), entries: writer.entries };
}

function childFoundAlone(w: DemoWriter, office: OfficeId, now: number, ownFoster: string): void {
  const { facilities, record, log, search } = w;
  // 1: a child found alone; two places refuse, the third takes her.
  const start1 = now - 29 * HOUR;
  const accepted = facilities.get(ownFoster)!;
  const mia = record(1, start1, 'submitted', {
    child: { firstName: 'Mia', lastName: 'Musterkind', estimatedAge: 7 },
    placement: {
      facilityId: accepted.id,
      facilityName: accepted.name,
      provider: accepted.provider,
      freeProvider: false,
      accommodation: accepted.type === 'bereitschaftspflege' ? 'suitable_person' : 'facility',
      admittedAt: start1 + 150 * MIN,
    },
    responsibility: { locationBeforeOfficeId: office, locationBefore: 'Fiktive Adresse im Kreisgebiet' },
  });
  log(mia, 1, start1, {
    kind: 'call',
    text: 'Polizei: Kind (ca. 7) allein in Wohnung angetroffen, Eltern nicht erreichbar.',
  });
  log(mia, 2, start1 + 40 * MIN, { kind: 'decision', text: 'Inobhutnahme nach § 42 Abs. 1 Nr. 2a entschieden.' });
  search(mia, 3, start1 + 50 * MIN, [
    {
      facilityId: 'kinderhaus-travetal-bad-oldesloe',
      answer: 'refused',
      reason: 'no_place',
      text: 'Alle Plätze belegt.',
    },
    { facilityId: 'jugendschutzhaus-norderstedt', answer: 'refused', reason: 'age', text: 'Nur ab 14 Jahren.' },
    { facilityId: accepted.id, answer: 'accepted', text: 'Aufnahme sofort möglich.' },
  ]);
  log(mia, 9, start1 + 3 * HOUR, {
    kind: 'notification',
    text: 'Mutter mobil nicht erreicht, Nachricht hinterlassen.',
  });
}

function youthWhoCameAlone(w: DemoWriter, now: number): void {
  const { facilities, record, log, search } = w;
  // 2: a youth who came on his own; the mother objects, the court is asked next morning.
  const start2 = now - 10 * HOUR;
  const jsh = facilities.get('jugendschutzhaus-norderstedt')!;
  const leon = record(2, start2, 'submitted', {
    child: { firstName: 'Leon', lastName: 'Beispiel', birthDate: '2010-03-14' },
    initiatedBy: 'child',
    situation:
      'Fiktiver Demo-Fall: Jugendlicher meldet sich selbst beim Bereitschaftsdienst, möchte nicht nach Hause zurück.',
    decision: {
      ground: '42_1_1',
      decidedAt: start2 + 30 * MIN,
      startAt: start2 + 30 * MIN,
      reasons: 'Selbstmeldung; Jugendlicher berichtet von wiederholter Gewalt zu Hause.',
    },
    risk: {
      indicators: ['domestic_violence'],
      childSeenInPerson: true,
      assessment: 'Glaubhafte Schilderung, sichtbare Hämatome.',
    },
    placement: {
      facilityId: jsh.id,
      facilityName: jsh.name,
      provider: jsh.provider,
      freeProvider: true,
      accommodation: 'facility',
      admittedAt: start2 + 90 * MIN,
    },
    custodians: [
      {
        id: 'custodian-1',
        role: 'mother',
        name: 'Sabine Beispiel (fiktiv)',
        informedAt: start2 + 60 * MIN,
        channel: 'phone',
        reaction: 'Widerspricht der Inobhutnahme, verlangt die Herausgabe.',
        locationDisclosed: false,
        locationNotDisclosedReason: 'Gefahr weiterer Gewalt.',
        objection: true,
        objectionAt: start2 + 62 * MIN,
      },
    ],
    statistics: {
      sex: 'male',
      foreignOriginParent: 'no',
      residenceBefore: 'single_parent',
      reasons: ['physical_abuse'],
    },
  });
  log(leon, 1, start2, { kind: 'call', text: 'Jugendlicher ruft selbst an, wartet an der Bushaltestelle.' });
  search(leon, 2, start2 + 40 * MIN, [{ facilityId: jsh.id, answer: 'accepted', text: 'Einzelzimmer frei.' }]);
  log(leon, 4, start2 + 62 * MIN, { kind: 'notification', text: 'Mutter telefonisch informiert, widerspricht.' });
}

function clinicDraft(w: DemoWriter, now: number): void {
  const { record, log } = w;
  // 3: a draft: the clinic called, the assessment is under way.
  const start3 = now - 40 * MIN;
  const emma = record(3, start3, 'draft', {
    child: { firstName: 'Emma', lastName: 'Erfunden', estimatedAge: 15 },
    initiatedBy: 'physician',
    situation:
      'Fiktiver Demo-Fall: Kinderklinik meldet Verdacht auf Vernachlässigung, Entlassung nach Hause nicht vertretbar.',
    call: { callerName: 'Stationsärztin (fiktiv)', childLocation: 'Kinderklinik, Station 3' },
    risk: { indicators: ['neglect'], childSeenInPerson: false },
    decision: undefined,
    placement: undefined,
    transport: undefined,
    trustedPerson: undefined,
    custodians: undefined,
    responsibility: undefined,
    statistics: undefined,
  });
  log(emma, 1, start3, { kind: 'call', text: 'Kinderklinik: Entlassung nach Hause nicht vertretbar, bitte Rückruf.' });
}

/** The store keeps JSON: a section set to undefined above is simply absent. */
const dropUndefined = (doc: IntakeWire): IntakeWire => JSON.parse(JSON.stringify(doc)) as IntakeWire;
