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
  // Stormarn's record handed over to Segeberg: from the handover on Segeberg's ASD answers for its deadlines.
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
  // Handed on by Segeberg to Pinneberg: Pinneberg's ASD answers for it; it stays on Segeberg's dashboard too.
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
      // Received from Stormarn: due 19.05. 23:40, Segeberg's ASD answers for it (issue 13, finding 9).
      ['g', 'informCustodians', 'overdue', 'ASD Kreis Segeberg'],
      // Handed to the ASD: due 19.05. 24:00 - the Freiheitsentziehung and the Hilfeplan (§ 42 Abs. 3 S. 5).
      ['c', 'endFreedomDeprivation', 'overdue', 'ASD Kreis Segeberg'],
      ['c', 'helpPlan', 'overdue', 'ASD Kreis Segeberg'],
      // Both due 20.05. 02:40: by the child's name.
      ['a', 'informCustodians', 'overdue', 'Bea Bereit'],
      ['e', 'informCustodians', 'overdue', 'ASD Kreis Pinneberg'],
      // The handovers due 08:30; e's was done by the supervisor's handover to Pinneberg.
      ['b', 'handoverToAsd', 'dueSoon', 'bereitschaft2.segeberg'],
      ['a', 'handoverToAsd', 'dueSoon', 'Bea Bereit'],
    ]);
  });

  it('follows the clock: not yet due, due soon, overdue', () => {
    // 01:00: Mia's custodians are due at 02:40, outside the one-hour reminder window; the handovers are far off.
    expect(rows(at('2025-05-20T01:00+02:00'))).toEqual([
      ['g', 'informCustodians', 'overdue', 'ASD Kreis Segeberg'],
      ['c', 'endFreedomDeprivation', 'overdue', 'ASD Kreis Segeberg'],
      ['c', 'helpPlan', 'overdue', 'ASD Kreis Segeberg'],
    ]);
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
      basis: '§ 42 Abs. 3 S. 1 SGB VIII (alle Personensorge- und Erziehungsberechtigten)',
    });
  });

  it('is empty for an office with nothing open; a handed-over record is on both dashboards, the receiving ASD answers', () => {
    const now = at('2025-05-20T07:00+02:00');
    expect(dueObligations(records, { officeId: 'norderstedt', now })).toEqual([]);
    // Pinneberg received 'e' from Segeberg: its ASD answers for the open deadline.
    expect(
      dueObligations(records, { officeId: 'pinneberg', now }).map((o) => [o.intakeId, o.kind, o.responsibleName]),
    ).toEqual([['e', 'informCustodians', 'ASD Kreis Pinneberg']]);
    // Stormarn sent 'g' to Segeberg and still sees it, beside its own record 'd'.
    expect(
      dueObligations(records, { officeId: 'stormarn', now }).map((o) => `${o.intakeId}:${o.kind}:${o.responsibleName}`),
    ).toEqual([
      'g:informCustodians:ASD Kreis Segeberg',
      'd:informCustodians:bereitschaft.stormarn',
      'd:handoverToAsd:bereitschaft.stormarn',
    ]);
  });

  it('names the caseworker of the receiving ASD once the record was handed over', () => {
    const handed = records.map((r) =>
      r.id === 'c' ? { ...r, handover: { ...r.handover, caseworker: 'Herr Muster' } } : r,
    );
    const list = dueObligations(handed, { officeId: 'segeberg', now: at('2025-05-20T07:00+02:00'), names });
    expect(list.find((o) => o.intakeId === 'c')).toMatchObject({
      responsibleId: 'asd:segeberg',
      responsibleName: 'Herr Muster (ASD Kreis Segeberg)',
    });
  });
});

describe('isOpenRecord', () => {
  it.each([
    ['a', 'segeberg', true],
    ['a', 'stormarn', false],
    ['g', 'segeberg', true],
    ['g', 'stormarn', true],
    ['e', 'segeberg', true],
    ['e', 'pinneberg', true],
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
      'g:informCustodians',
      'a:informCustodians',
      'e:informCustodians',
    ]);
    expect(ids(applyFilter(list, { ...NO_FILTER, responsibleId: 'bereitschaft2.segeberg' }))).toEqual([
      'b:handoverToAsd',
    ]);
    expect(ids(applyFilter(list, { ...NO_FILTER, overdueOnly: true }))).toEqual([
      'g:informCustodians',
      'c:endFreedomDeprivation',
      'c:helpPlan',
      'a:informCustodians',
      'e:informCustodians',
    ]);
    expect(
      ids(applyFilter(list, { kind: 'handoverToAsd', responsibleId: 'bereitschaft.segeberg', overdueOnly: true })),
    ).toEqual([]);
    expect(
      ids(applyFilter(list, { kind: 'handoverToAsd', responsibleId: 'bereitschaft.segeberg', overdueOnly: false })),
    ).toEqual(['a:handoverToAsd']);
    expect(ids(applyFilter(list, { ...NO_FILTER, responsibleId: 'asd:pinneberg' }))).toEqual(['e:informCustodians']);
  });

  it('counts the total, overdue and due soon, per kind in catalogue order and per person, most overdue first', () => {
    expect(summarize(list)).toEqual({
      total: 7,
      overdue: 5,
      dueSoon: 2,
      byKind: [
        { kind: 'informCustodians', count: 3, overdue: 3 },
        { kind: 'endFreedomDeprivation', count: 1, overdue: 1 },
        { kind: 'helpPlan', count: 1, overdue: 1 },
        { kind: 'handoverToAsd', count: 2, overdue: 0 },
      ],
      byResponsible: [
        { id: 'asd:segeberg', name: 'ASD Kreis Segeberg', count: 3, overdue: 3 },
        { id: 'asd:pinneberg', name: 'ASD Kreis Pinneberg', count: 1, overdue: 1 },
        { id: 'bereitschaft.segeberg', name: 'Bea Bereit', count: 2, overdue: 1 },
        { id: 'bereitschaft2.segeberg', name: 'bereitschaft2.segeberg', count: 1, overdue: 0 },
      ],
    });
    expect(summarize([])).toMatchObject({ total: 0, overdue: 0, dueSoon: 0, byKind: [], byResponsible: [] });
  });

  it("opens in the review only a colleague's submitted record for a supervisor; else in the records area", () => {
    const lead = { id: 'leitung.segeberg', officeId: 'segeberg', roles: ['supervisor', 'oncall'] };
    const worker = { id: 'bereitschaft.segeberg', officeId: 'segeberg', roles: ['oncall'] };
    const otherLead = { ...lead, id: 'leitung.stormarn', officeId: 'stormarn' };
    const colleagues = record('a', 'Mia', '2025-05-20T00:00+02:00');
    expect(openViewOf(colleagues, lead)).toBe('review');
    expect(openViewOf({ ...colleagues, status: 'draft' }, lead)).toBe('intakes');
    expect(openViewOf({ ...colleagues, createdBy: lead.id }, lead)).toBe('intakes');
    expect(openViewOf(colleagues, worker)).toBe('intakes');
    expect(openViewOf(colleagues, otherLead)).toBe('intakes');
    expect(openViewOf(undefined, lead)).toBe('intakes');
  });
});
