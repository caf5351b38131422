import type { Intake } from '../../../../shared/schema/intake';
import { submittedRecord as record } from '../../test-fixtures/intake';
import { applyFilter, dueObligations, isOpenRecord, NO_FILTER, openViewOf, summarize } from './obligations-model';

const at = (s: string) => Date.parse(s);

const informed = (when: string): Pick<Intake, 'custodians'> => ({
  custodians: [{ id: 'c1', role: 'mother', name: 'Erika', informedAt: at(when) }],
});

// Tuesday 20 May 2025, a working day: the handover to the ASD is due at 08:30.
const records: Intake[] = [
  // Decided 00:40, custodians not informed: due 02:40; handover due 08:30 the same morning.
  record('a', 'Mia', '2025-05-20T00:00+02:00'),
  // Custodians informed: only the handover remains. Another worker, whose name this client does not know.
  record('b', 'Lenja', '2025-05-19T22:00+02:00', {
    ...informed('2025-05-19T23:00+02:00'),
    createdBy: 'bereitschaft2.segeberg',
  }),
  // Sunday night: a Freiheitsentziehung without court decision had to end by the end of Monday; handed over.
  record('c', 'Ole', '2025-05-18T19:00+02:00', {
    ...informed('2025-05-18T20:00+02:00'),
    freedomDeprivation: { reason: 'Selbstgefährdung', startAt: at('2025-05-18T20:00+02:00') },
    handover: { handedOverAt: at('2025-05-19T08:00+02:00') },
  }),
  // Stormarn's record handed over to Segeberg: its deadlines stay Stormarn's duty, not on Segeberg's dashboard.
  record('g', 'Noah', '2025-05-19T21:00+02:00', {
    officeId: 'stormarn',
    createdBy: 'bereitschaft.stormarn',
    review: {
      state: 'handed_over',
      handedOverTo: 'segeberg',
      handedOverBy: 'leitung.stormarn',
      handedOverAt: at('2025-05-19T23:00+02:00'),
    },
  }),
  // Handed on by Segeberg to Pinneberg: still Segeberg's deadlines.
  record('e', 'Weiter', '2025-05-20T00:00+02:00', {
    review: {
      state: 'handed_over',
      handedOverTo: 'pinneberg',
      handedOverBy: 'leitung.segeberg',
      handedOverAt: at('2025-05-20T01:00+02:00'),
    },
  }),
  // Not the office's open caseload: another office's, ended, closed.
  record('d', 'Fremd', '2025-05-20T00:00+02:00', { officeId: 'stormarn', createdBy: 'bereitschaft.stormarn' }),
  record('f', 'Beendet', '2025-05-20T00:00+02:00', {
    end: { endedAt: at('2025-05-20T01:00+02:00'), reason: 'return_to_custodians' },
  }),
  record('h', 'Geschlossen', '2025-05-20T00:00+02:00', { review: { state: 'closed' } }),
];

const names = new Map([['bereitschaft.segeberg', 'Bea Bereit']]);
const rows = (now: number) =>
  dueObligations(records, { officeId: 'segeberg', now, names }).map((o) => [
    o.intakeId,
    o.kind,
    o.status,
    o.responsibleName,
  ]);

describe('dueObligations', () => {
  it('lists the due and overdue obligations of the open records, overdue first, then by due time', () => {
    expect(rows(at('2025-05-20T07:00+02:00'))).toEqual([
      ['c', 'endFreedomDeprivation', 'overdue', 'Bea Bereit'], // due 19.05. 24:00
      // Both due 20.05. 02:40: by the child's name.
      ['a', 'informCustodians', 'overdue', 'Bea Bereit'],
      ['e', 'informCustodians', 'overdue', 'Bea Bereit'],
      // All three handovers are due 08:30.
      ['b', 'handoverToAsd', 'dueSoon', 'bereitschaft2.segeberg'],
      ['a', 'handoverToAsd', 'dueSoon', 'Bea Bereit'],
      ['e', 'handoverToAsd', 'dueSoon', 'Bea Bereit'],
    ]);
  });

  it('follows the clock: not yet due, due soon, overdue', () => {
    // 01:00: Mia's custodians are due at 02:40, outside the one-hour reminder window; the handovers are far off.
    expect(rows(at('2025-05-20T01:00+02:00'))).toEqual([['c', 'endFreedomDeprivation', 'overdue', 'Bea Bereit']]);
    expect(rows(at('2025-05-20T01:45+02:00'))).toContainEqual(['a', 'informCustodians', 'dueSoon', 'Bea Bereit']);
    expect(rows(at('2025-05-20T02:41+02:00'))).toContainEqual(['a', 'informCustodians', 'overdue', 'Bea Bereit']);
  });

  it('drops an obligation once the record holds the fact that completes it', () => {
    const now = at('2025-05-20T07:00+02:00');
    const done = records.map((r) => (r.id === 'a' ? { ...r, ...informed('2025-05-20T03:00+02:00') } : r));
    const list = dueObligations(done, { officeId: 'segeberg', now, names });
    expect(list.filter((o) => o.intakeId === 'a').map((o) => o.kind)).toEqual(['handoverToAsd']);
    expect(list.find((o) => o.intakeId === 'e')).toMatchObject({
      childName: 'Weiter Testkind',
      dueAt: at('2025-05-20T02:40+02:00'),
      basis: '§42 Abs. 3 SGB VIII',
    });
  });

  it('is empty for an office with nothing open; a record handed over stays with the office that sent it', () => {
    const now = at('2025-05-20T07:00+02:00');
    expect(dueObligations(records, { officeId: 'norderstedt', now })).toEqual([]);
    // Pinneberg received 'e' from Segeberg: its deadlines are Segeberg's, so nothing here.
    expect(dueObligations(records, { officeId: 'pinneberg', now })).toEqual([]);
    // Stormarn sent 'g' to Segeberg and keeps its deadlines, beside its own record 'd'.
    expect(dueObligations(records, { officeId: 'stormarn', now }).map((o) => `${o.intakeId}:${o.kind}`)).toEqual([
      'g:informCustodians',
      'd:informCustodians',
      'd:handoverToAsd',
      'g:handoverToAsd',
    ]);
  });
});

describe('isOpenRecord', () => {
  it.each([
    ['a', 'segeberg', true],
    ['a', 'stormarn', false],
    ['g', 'segeberg', false],
    ['g', 'stormarn', true],
    ['e', 'segeberg', true],
    ['e', 'pinneberg', false],
    ['f', 'segeberg', false],
    ['h', 'segeberg', false],
  ])('record %s for %s: %s', (id, office, open) => {
    expect(
      isOpenRecord(
        records.find((r) => r.id === id)!,
        office,
      ),
    ).toBe(open);
  });
});

describe('filters and counts', () => {
  const list = dueObligations(records, { officeId: 'segeberg', now: at('2025-05-20T07:00+02:00'), names });
  const ids = (filtered: typeof list) => filtered.map((o) => `${o.intakeId}:${o.kind}`);

  it('filters by kind, by who is responsible, and to the overdue ones, in any combination', () => {
    expect(ids(applyFilter(list, NO_FILTER))).toEqual(ids(list));
    expect(ids(applyFilter(list, { ...NO_FILTER, kind: 'informCustodians' }))).toEqual([
      'a:informCustodians',
      'e:informCustodians',
    ]);
    expect(ids(applyFilter(list, { ...NO_FILTER, responsibleId: 'bereitschaft2.segeberg' }))).toEqual([
      'b:handoverToAsd',
    ]);
    expect(ids(applyFilter(list, { ...NO_FILTER, overdueOnly: true }))).toEqual([
      'c:endFreedomDeprivation',
      'a:informCustodians',
      'e:informCustodians',
    ]);
    expect(
      ids(applyFilter(list, { kind: 'handoverToAsd', responsibleId: 'bereitschaft.segeberg', overdueOnly: true })),
    ).toEqual([]);
    expect(
      ids(applyFilter(list, { kind: 'handoverToAsd', responsibleId: 'bereitschaft.segeberg', overdueOnly: false })),
    ).toEqual(['a:handoverToAsd', 'e:handoverToAsd']);
  });

  it('counts the total, overdue and due soon, per kind in catalogue order and per person, most overdue first', () => {
    expect(summarize(list)).toEqual({
      total: 6,
      overdue: 3,
      dueSoon: 3,
      byKind: [
        { kind: 'informCustodians', count: 2, overdue: 2 },
        { kind: 'endFreedomDeprivation', count: 1, overdue: 1 },
        { kind: 'handoverToAsd', count: 3, overdue: 0 },
      ],
      byResponsible: [
        { id: 'bereitschaft.segeberg', name: 'Bea Bereit', count: 5, overdue: 3 },
        { id: 'bereitschaft2.segeberg', name: 'bereitschaft2.segeberg', count: 1, overdue: 0 },
      ],
    });
    expect(summarize([])).toMatchObject({ total: 0, overdue: 0, dueSoon: 0, byKind: [], byResponsible: [] });
  });

  it("opens in the review only a colleague's submitted record for a supervisor; else in the records area", () => {
    const lead = { id: 'leitung.segeberg', roles: ['supervisor', 'oncall'] };
    const worker = { id: 'bereitschaft.segeberg', roles: ['oncall'] };
    const colleagues = record('a', 'Mia', '2025-05-20T00:00+02:00');
    expect(openViewOf(colleagues, lead)).toBe('review');
    expect(openViewOf({ ...colleagues, status: 'draft' }, lead)).toBe('intakes');
    expect(openViewOf({ ...colleagues, createdBy: lead.id }, lead)).toBe('intakes');
    expect(openViewOf(colleagues, worker)).toBe('intakes');
    expect(openViewOf(undefined, lead)).toBe('intakes');
  });
});
