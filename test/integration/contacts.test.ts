import { randomUUID } from 'node:crypto';

import { dutyWeekStart } from '../../shared/contacts/roster';
import { searchContacts } from '../../shared/contacts/search';
import { demoContacts } from '../../shared/demo/contacts';
import { OFFICE_IDS } from '../../shared/offices';
import { CONTACT_OWNERS, type ContactWire } from '../../shared/schema/contact';
import type { LoginResponse } from '../../shared/sync/protocol';
import { documentsOf, login, openStream, pullAll, push } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { type RunningServer, startServer } from '../support/server';

/**
 * Show 1 of issue 17: the night directory (`contacts`) through the HTTP contract on a real PostgreSQL. Every
 * role of every office reads all of it; an office's supervisors and admins write their office's entries, the
 * coordination the Verbund-wide ones, nobody else anything; bad input is refused with its code and changes
 * nothing stored.
 */
let db: TestDatabase;
let server: RunningServer;
let url: string;
const sessions = new Map<string, LoginResponse>();

/** The demo accounts: on-call and supervisor of each office, the coordination and the (Segeberg) admin. */
const USERNAMES = [...OFFICE_IDS.flatMap((o) => [`bereitschaft.${o}`, `leitung.${o}`]), 'koordination', 'admin'];
const session = (username: string) => sessions.get(username)!;

beforeAll(async () => {
  db = await createTestDatabase('obhut_contacts');
  server = await startServer({ databaseUrl: db.url });
  url = server.url;
  for (const username of USERNAMES) sessions.set(username, await login(url, username));
});

afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

function entry(officeId: string, writer: LoginResponse, overrides: Partial<ContactWire> = {}): ContactWire {
  return {
    id: `test-${randomUUID()}`,
    officeId: officeId as ContactWire['officeId'],
    updatedAt: Date.now(),
    updatedBy: writer.user.id,
    name: 'Dolmetschdienst Test (fiktiv)',
    category: 'interpreter',
    languages: ['Arabisch'],
    phones: [{ id: 'p1', number: '04551 99 99 98' }],
    availability: { kind: 'always' },
    areas: [],
    notes: '',
    conflicts: [],
    _deleted: false,
    ...overrides,
  };
}

async function stored(id: string): Promise<ContactWire | undefined> {
  const rows = await db.query<{ data: ContactWire }>(
    "SELECT data FROM documents WHERE collection = 'contacts' AND id = $1",
    [id],
  );
  return rows[0]?.data;
}

describe('reading', () => {
  it('gives every role of every office the whole directory, every office and the Verbund', async () => {
    const demoIds = demoContacts(Date.now())
      .map((c) => c.id)
      .sort();
    for (const username of USERNAMES) {
      const { documents } = await pullAll<ContactWire>(url, session(username).token, 'contacts');
      expect(documents.map((d) => d.id).sort(), username).toEqual(demoIds);
      expect(new Set(documents.map((d) => d.officeId)), username).toEqual(new Set(CONTACT_OWNERS));
    }
  });

  it('answers "Hintergrunddienst tonight" with this week’s roster entry only', async () => {
    const { documents } = await pullAll<ContactWire>(url, session('bereitschaft.stormarn').token, 'contacts');
    const now = Date.now();
    const found = searchContacts(documents, 'hintergrund stormarn', now);
    expect(found).toHaveLength(1);
    expect(found[0].validFrom).toBe(dutyWeekStart(now));
    expect(found[0].validTo).toBeGreaterThan(now);
  });
});

describe('writing', () => {
  /** Literal, not derived from the rule under test: which owner each account may keep. */
  const MAY_WRITE: Record<string, string[]> = {
    ...Object.fromEntries(
      OFFICE_IDS.flatMap((o) => [
        [`bereitschaft.${o}`, []],
        [`leitung.${o}`, [o]],
      ]),
    ),
    koordination: ['verbund'],
    admin: ['segeberg'],
  };

  it('stores a new entry exactly for the office keepers and the coordination', async () => {
    const got: string[] = [];
    const want: string[] = [];
    for (const username of USERNAMES) {
      for (const owner of CONTACT_OWNERS) {
        const doc = entry(owner, session(username));
        const res = await push(url, session(username).token, 'contacts', [{ newDocumentState: doc }]);
        const allowed = MAY_WRITE[username].includes(owner);
        want.push(`${username} ${owner}: ${allowed ? 'stored' : 'refused'}`);
        got.push(`${username} ${owner}: ${res.rejected.length === 0 && (await stored(doc.id)) ? 'stored' : 'refused'}`);
        if (!allowed) {
          expect(res.rejected.map((r) => r.code)).toEqual([expect.toBeOneOf(['forbidden', 'other_office'])]);
          expect(await stored(doc.id)).toBeUndefined();
        }
      }
    }
    expect(got).toEqual(want);
  });

  it('refuses changing or deleting another office’s entry and keeps it as it was', async () => {
    const before = (await stored('demo-contact-segeberg-police'))!;
    const changed = { ...before, name: 'Übernommen', updatedAt: Date.now(), updatedBy: 'leitung.stormarn' };
    const moved = { ...changed, officeId: 'stormarn' as const };
    const leitungStormarn = session('leitung.stormarn');
    for (const doc of [changed, moved, { ...changed, _deleted: true }]) {
      const res = await push(url, leitungStormarn.token, 'contacts', [
        { assumedMasterState: before, newDocumentState: doc },
      ]);
      expect(res.rejected.map((r) => r.code)).toEqual(['other_office']);
    }
    const coordinator = session('koordination');
    const res = await push(url, coordinator.token, 'contacts', [
      { assumedMasterState: before, newDocumentState: { ...changed, updatedBy: coordinator.user.id } },
    ]);
    // The coordination sits in Segeberg but keeps only the Verbund's entries.
    expect(res.rejected.map((r) => r.code)).toEqual(['forbidden']);
    expect(await stored(before.id)).toEqual(before);
  });

  it('lets the keeper change and delete the own office’s entry; every reader gets the change', async () => {
    const leitung = session('leitung.pinneberg');
    const doc = entry('pinneberg', leitung, { category: 'police', name: 'Polizeirevier Test', languages: [] });
    expect(await push(url, leitung.token, 'contacts', [{ newDocumentState: doc }])).toEqual({
      conflicts: [],
      rejected: [],
    });
    const reader = await openStream<ContactWire>(url, session('bereitschaft.norderstedt').token, 'contacts');
    try {
      expect(await reader.next()).toBe('RESYNC');
      const renamed = { ...doc, name: 'Polizeirevier Test-Nord', updatedAt: doc.updatedAt + 1 };
      const res = await push(url, leitung.token, 'contacts', [{ assumedMasterState: doc, newDocumentState: renamed }]);
      expect(res).toEqual({ conflicts: [], rejected: [] });
      const event = await reader.waitFor((e) => documentsOf(e).some((d) => d.id === doc.id));
      expect(documentsOf(event).find((d) => d.id === doc.id)?.name).toBe('Polizeirevier Test-Nord');

      const gone = { ...renamed, _deleted: true, updatedAt: renamed.updatedAt + 1 };
      expect(
        await push(url, leitung.token, 'contacts', [{ assumedMasterState: renamed, newDocumentState: gone }]),
      ).toEqual({
        conflicts: [],
        rejected: [],
      });
      expect((await stored(doc.id))?._deleted).toBe(true);
    } finally {
      reader.close();
    }
  });

  it('answers a stale write with the stored state as a conflict', async () => {
    const leitung = session('leitung.norderstedt');
    const before = (await stored('demo-contact-norderstedt-jsh'))!;
    const stale = { ...before, name: 'Veraltet' };
    const res = await push(url, leitung.token, 'contacts', [
      {
        assumedMasterState: { ...before, notes: 'anders' },
        newDocumentState: { ...stale, updatedAt: Date.now(), updatedBy: leitung.user.id },
      },
    ]);
    expect(res.conflicts).toEqual([before]);
    expect(await stored(before.id)).toEqual(before);
  });
});

describe('bad input', () => {
  const cases: [string, (d: ContactWire) => unknown, string, RegExp?][] = [
    ['a field the schema does not know', (d) => ({ ...d, childName: 'Lisa' }), 'unknown_field'],
    ['no phone number', (d) => ({ ...d, phones: [] }), 'validation_failed', /Telefonnummern/],
    ['a number with letters', (d) => ({ ...d, phones: [{ id: 'p', number: 'Frau Meyer 0451' }] }), 'validation_failed'],
    ['an unknown category', (d) => ({ ...d, category: 'pizza' }), 'validation_failed', /Art/],
    ['an unknown owner', (d) => ({ ...d, officeId: 'hamburg' }), 'validation_failed', /Gepflegt von/],
    ['a name with a line break', (d) => ({ ...d, name: 'Zeile\nzwei' }), 'validation_failed', /Name/],
    [
      'a roster ending before it starts',
      (d) => ({ ...d, validFrom: 2_000_000_000_000, validTo: 1_900_000_000_000 }),
      'validation_failed',
      /Ende des Dienstes/,
    ],
    [
      'a roster with a start only',
      (d) => ({ ...d, validFrom: 2_000_000_000_000 }),
      'validation_failed',
      /Beginn und Ende/,
    ],
    [
      'weekdays without hours',
      (d) => ({ ...d, availability: { kind: 'weekdays', from: '08:00' } }),
      'validation_failed',
      /Uhrzeiten/,
    ],
    [
      'an impossible time',
      (d) => ({ ...d, availability: { kind: 'weekdays', from: '08:00', to: '25:00' } }),
      'validation_failed',
    ],
    ['a writer who is someone else', (d) => ({ ...d, updatedBy: 'leitung.stormarn' }), 'author_mismatch'],
  ];

  it.each(cases)('refuses %s with its code and stores nothing', async (_name, spoil, code, message) => {
    const leitung = session('leitung.segeberg');
    const doc = spoil(entry('segeberg', leitung)) as ContactWire;
    const res = await push(url, leitung.token, 'contacts', [{ newDocumentState: doc }]);
    expect(res.rejected.map((r) => [r.id, r.code])).toEqual([[doc.id, code]]);
    expect(res.rejected[0].message).toMatch(message ?? /\S/);
    expect(await stored(doc.id)).toBeUndefined();
  });

  it('refuses a bad change of a stored entry and keeps the stored one', async () => {
    const leitung = session('leitung.segeberg');
    const before = (await stored('demo-contact-segeberg-duty'))!;
    const res = await push(url, leitung.token, 'contacts', [
      {
        assumedMasterState: before,
        newDocumentState: { ...before, phones: [], updatedAt: Date.now(), updatedBy: leitung.user.id },
      },
    ]);
    expect(res.rejected.map((r) => r.code)).toEqual(['validation_failed']);
    expect(await stored(before.id)).toEqual(before);
  });
});
