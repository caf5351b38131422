import { dutyWeekStart } from '../contacts/roster';
import { addDays, berlinDay, berlinTime } from '../deadlines/calendar';
import { domain } from '../i18n/de/domain';
import { OFFICE_IDS, type OfficeId } from '../offices';
import type { Contact, ContactOwner } from '../schema/contact';

/**
 * Demo entries of the night directory: the five offices' duty numbers and Hintergrunddienst rosters, police,
 * family courts, clinics, interpreters and transport. Every number is fictional, from the range "<area code> 99 99
 * NN", and every entry says so in its notes; the people on the rosters are invented.
 *
 * Rosters run per Dienstwoche (Friday 12:00 to Friday 12:00) around `now`: last week's, this week's and next
 * week's, so "who is the Hintergrunddienst tonight" has one right answer and two wrong ones.
 */
export const DEMO_CONTACT_NOTE = 'Demo-Eintrag: fiktive Nummer.';

type Local = {
  areaCode: string;
  police: string;
  court: string;
  town: string;
  /** Fictional supervisors taking turns as Hintergrunddienst: last week, this week, next week. */
  roster: [string, string, string];
};

const LOCAL: Record<OfficeId, Local> = {
  segeberg: {
    areaCode: '04551',
    police: 'Polizeistation Bad Segeberg',
    court: 'Amtsgericht Bad Segeberg, Familiengericht (Eildienst)',
    town: 'Bad Segeberg, Wahlstedt, Trappenkamp',
    roster: ['Birte Sommerfeld', 'Jan Ostermann', 'Heike Brodersen'],
  },
  stormarn: {
    areaCode: '04531',
    police: 'Polizeirevier Bad Oldesloe',
    court: 'Amtsgericht Ahrensburg, Familiengericht (Eildienst)',
    town: 'Bad Oldesloe, Ahrensburg, Reinbek',
    roster: ['Claudia Wendt', 'Torben Lütjens', 'Anke Reimers'],
  },
  'herzogtum-lauenburg': {
    areaCode: '04541',
    police: 'Polizeirevier Ratzeburg',
    court: 'Amtsgericht Ratzeburg, Familiengericht (Eildienst)',
    town: 'Ratzeburg, Mölln, Geesthacht',
    roster: ['Sönke Petersen', 'Maren Kühl', 'Ole Jessen'],
  },
  pinneberg: {
    areaCode: '04121',
    police: 'Polizeirevier Elmshorn',
    court: 'Amtsgericht Elmshorn, Familiengericht (Eildienst)',
    town: 'Elmshorn, Pinneberg, Wedel',
    roster: ['Dörte Hansen-Blum', 'Kai Feddersen', 'Silke Rahlf'],
  },
  norderstedt: {
    areaCode: '040',
    police: 'Polizeirevier Norderstedt',
    court: 'Amtsgericht Norderstedt, Familiengericht (Eildienst)',
    town: 'Norderstedt',
    roster: ['Gesa Thormählen', 'Lars Witt', 'Nina Boysen'],
  },
};

const number = (areaCode: string, n: number) => `${areaCode} 99 99 ${String(n).padStart(2, '0')}`;
/** The Verbund's own entries use the coordination's (fictional) area code. */
const VERBUND_CODE = '04551';

type Draft = Omit<Contact, 'updatedAt' | 'updatedBy' | 'conflicts' | 'notes' | 'languages' | 'areas' | 'phones'> &
  Partial<Pick<Contact, 'languages' | 'areas' | 'notes'>> & { numbers: string[] };

function entry(draft: Draft, updatedBy: string, now: number): Contact {
  const { numbers, notes, ...rest } = draft;
  return {
    languages: [],
    areas: [],
    ...rest,
    phones: numbers.map((n, i) => ({ id: `${draft.id}-${i + 1}`, ...(i === 0 ? {} : { label: 'mobil' }), number: n })),
    notes: notes ? `${DEMO_CONTACT_NOTE} ${notes}` : DEMO_CONTACT_NOTE,
    updatedAt: now,
    updatedBy,
    conflicts: [],
  };
}

/** Who writes an owner's demo entries: the office's supervisor, or the coordination for the Verbund's. */
export function demoContactAuthor(owner: ContactOwner): string {
  return owner === 'verbund' ? 'koordination' : `leitung.${owner}`;
}

function officeEntries(office: OfficeId, now: number): Contact[] {
  const local = LOCAL[office];
  const code = local.areaCode;
  const author = demoContactAuthor(office);
  const label = domain.offices[office];
  const week = dutyWeekStart(now);
  const weekStart = (offset: number) => berlinTime(addDays(berlinDay(week), 7 * offset), 12);
  const roster = local.roster.map((person, i) =>
    entry(
      {
        id: `demo-contact-${office}-hgd-${i + 1}`,
        officeId: office,
        name: `Hintergrunddienst ${label}: ${person}`,
        category: 'background_duty',
        numbers: [number(code, 10 + i)],
        availability: { kind: 'nights' },
        areas: [office],
        validFrom: weekStart(i - 1),
        validTo: weekStart(i),
      },
      author,
      now,
    ),
  );
  return [
    entry(
      {
        id: `demo-contact-${office}-duty`,
        officeId: office,
        name: `Rufbereitschaft Jugendamt ${label}`,
        category: 'office_duty',
        numbers: [number(code, 1)],
        availability: { kind: 'nights' },
        areas: [office],
        areaNote: local.town,
      },
      author,
      now,
    ),
    ...roster,
    entry(
      {
        id: `demo-contact-${office}-police`,
        officeId: office,
        name: local.police,
        category: 'police',
        numbers: [number(code, 20)],
        availability: { kind: 'always' },
        areas: [office],
        areaNote: local.town,
      },
      author,
      now,
    ),
    entry(
      {
        id: `demo-contact-${office}-court`,
        officeId: office,
        name: local.court,
        category: 'family_court',
        numbers: [number(code, 30), number(code, 31)],
        availability: { kind: 'nights' },
        areas: [office],
        notes: 'Eilrichterin über die Wachtmeisterei; Anträge nach § 1666 BGB per Fax nachreichen.',
      },
      author,
      now,
    ),
  ];
}

function verbundEntries(now: number): Contact[] {
  const author = demoContactAuthor('verbund');
  const code = VERBUND_CODE;
  const drafts: Draft[] = [
    {
      id: 'demo-contact-verbund-kjp',
      officeId: 'verbund',
      name: 'Kinder- und Jugendpsychiatrie Nord, Notaufnahme',
      category: 'clinic',
      numbers: [number(code, 40)],
      availability: { kind: 'always' },
      notes: 'Aufnahme bei akuter Eigen- oder Fremdgefährdung; vorher anrufen.',
    },
    {
      id: 'demo-contact-verbund-ksa',
      officeId: 'verbund',
      name: 'Kinderschutzambulanz Holstein (Rechtsmedizin)',
      category: 'child_protection_clinic',
      numbers: [number(code, 41)],
      availability: { kind: 'always' },
      notes: 'Befunddokumentation bei Verdacht auf Misshandlung, auch nachts.',
    },
    {
      id: 'demo-contact-verbund-dolmetsch-nord',
      officeId: 'verbund',
      name: 'Dolmetschdienst Nord',
      category: 'interpreter',
      numbers: [number(code, 50), number(code, 51)],
      availability: { kind: 'always' },
      languages: ['Arabisch', 'Dari', 'Farsi', 'Paschtu', 'Türkisch', 'Kurdisch (Kurmandschi)'],
      notes: 'Telefonisches Dolmetschen sofort, vor Ort nach Absprache.',
    },
    {
      id: 'demo-contact-verbund-sprachmittler',
      officeId: 'verbund',
      name: 'Sprachmittlerpool Holstein',
      category: 'interpreter',
      numbers: [number(code, 52)],
      availability: { kind: 'weekdays', from: '08:00', to: '20:00' },
      languages: ['Ukrainisch', 'Russisch', 'Polnisch', 'Rumänisch', 'Tigrinya', 'Somali'],
    },
    {
      id: 'demo-contact-verbund-fahrdienst',
      officeId: 'verbund',
      name: 'Fahrdienst Perspektive',
      category: 'transport',
      numbers: [number(code, 60)],
      availability: { kind: 'nights' },
      notes: 'Begleitete Fahrten zu Einrichtungen im Verbund; Vorlauf etwa 45 Minuten.',
    },
  ];
  return drafts.map((d) => entry(d, author, now));
}

function facilityEntry(now: number): Contact {
  return entry(
    {
      id: 'demo-contact-norderstedt-jsh',
      officeId: 'norderstedt',
      name: 'Jugendschutzhaus Norderstedt, Dienstzimmer',
      category: 'facility',
      numbers: [number(LOCAL.norderstedt.areaCode, 70)],
      availability: { kind: 'always' },
      areas: ['norderstedt'],
      notes: '14 Plätze für 14- bis 17-Jährige und ein Mutter-Kind-Zimmer.',
    },
    demoContactAuthor('norderstedt'),
    now,
  );
}

export function demoContacts(now: number): Contact[] {
  return [...OFFICE_IDS.flatMap((o) => officeEntries(o, now)), facilityEntry(now), ...verbundEntries(now)];
}
