import { demoFacilities } from '../../../../shared/demo/facilities';
import { groupCriteria } from '../../../../shared/intakes/childGroups';
import { freePlaces } from '../../../../shared/placement/freePlaces';
import { roomSearched } from '../../../../shared/placement/match';
import { overbookedHoldIds } from '../../../../shared/placement/overbooking';
import type { Facility } from '../../../../shared/schema/facility';
import type { Intake } from '../../../../shared/schema/intake';
import { HoldRepository } from '../../data/holds';
import { openTestRepositories } from '../../test-fixtures/database';
import { holdFromBoard } from './board-actions';
import { boardCards, NO_CRITERIA } from './board-model';

const NOW = Date.parse('2025-05-18T01:40+02:00');
const user = {
  id: 'bereitschaft.segeberg',
  username: 'bereitschaft.segeberg',
  displayName: 'B',
  officeId: 'segeberg',
  roles: ['oncall'],
};
const viewer = { officeId: 'segeberg', pendingIds: new Set<string>(), overseesVerbund: false };

vi.setConfig({ testTimeout: 60_000 });

describe("the board's hold for a group (issue 17: linked children)", () => {
  it('holds one place per sibling with one action, counts them as three places and shows the over-booking', async () => {
    const { db, pending, intakes, entries } = await openTestRepositories('obhut_group', user, () => NOW);
    try {
      // Two places free, reported now: the third sibling over-books it.
      const base = demoFacilities(NOW).find((f) => f.siblingGroupMax >= 3)!;
      const facility: Facility = {
        ...base,
        totalPlaces: 8,
        freeReports: [{ id: 'r1', free: 2, reportedAt: NOW - 60_000, reportedBy: 'koordination' }],
      };
      const group = { id: 'group-1', kind: 'siblings' as const };
      const siblings: Intake[] = [];
      // The third one's age is not known yet: the facility is told "unknown", never the held child's group.
      for (const [firstName, estimatedAge] of [
        ['Fiktiv', 7],
        ['Erfunden', 10],
        ['Ausgedacht', undefined],
      ] as const) {
        siblings.push(
          await intakes.create({
            receivedAt: NOW,
            child: { firstName, lastName: 'Geschwister', ...(estimatedAge === undefined ? {} : { estimatedAge }) },
            initiatedBy: 'police',
            situation: '',
            status: 'draft',
            group,
          }),
        );
      }
      const other = await intakes.create({
        receivedAt: NOW,
        child: { firstName: 'Allein', lastName: 'Kind', estimatedAge: 9 },
        initiatedBy: 'police',
        situation: '',
        status: 'draft',
      });
      const holds = new HoldRepository(db.holds, pending, user, () => NOW);
      const all = [...siblings, other];

      const { made, lines } = await holdFromBoard(
        { holds, entries },
        facility,
        { intakeRef: siblings[0].id, ageGroup: '6_to_9', sex: 'female' },
        all,
      );

      expect(made.map((h) => h.intakeRef).sort()).toEqual(siblings.map((s) => s.id).sort());
      expect(made.map((h) => h.ageGroup).sort()).toEqual(['6_to_9', '9_to_12', 'unknown']);
      // No sex is recorded for the siblings: theirs is not the held child's either.
      expect(made.filter((h) => h.intakeRef !== siblings[0].id).map((h) => h.sex)).toEqual([
        'unspecified',
        'unspecified',
      ]);
      expect(new Set(made.map((h) => h.status))).toEqual(new Set(['held']));
      // Each child keeps its own log: one line on each sibling's record, none on the other child's.
      expect(lines.map((l) => l.intakeId).sort()).toEqual(siblings.map((s) => s.id).sort());

      const stored = (await db.holds.find().exec()).map((d) => d.toMutableJSON());
      expect(stored).toHaveLength(3);
      const free = freePlaces(facility, stored, NOW);
      expect(free).toMatchObject({ reported: 2, holdsSinceReport: 3, free: -1, overbooked: true });
      // The rule the server applies flags the hold that took the last place and the one beyond it.
      expect(overbookedHoldIds(facility, stored, NOW)).toHaveLength(2);
      const [card] = boardCards([facility], stored, NO_CRITERIA, NOW, viewer);
      expect(card.ownHolds).toHaveLength(3);
      expect(card.match.free.free).toBe(-1);

      // A single child's hold is one place.
      const single = await holdFromBoard(
        { holds, entries },
        facility,
        { intakeRef: other.id, ageGroup: '9_to_12', sex: 'male' },
        all,
      );
      expect(single.made).toHaveLength(1);
      expect(
        freePlaces(
          facility,
          (await db.holds.find().exec()).map((d) => d.toMutableJSON()),
          NOW,
        ).free,
      ).toBe(-2);
    } finally {
      await db.close();
    }
  });

  it('holds the mother-and-child room for a mother with her child: one hold, in the room, not a place', async () => {
    const { db, pending, intakes, entries } = await openTestRepositories('obhut_group_mk', user, () => NOW);
    try {
      const facility = demoFacilities(NOW).find((f) => f.id === 'jugendschutzhaus-norderstedt')!;
      const members = [];
      for (const [firstName, estimatedAge, role] of [
        ['Fiktiv', 16, 'mother'],
        ['Erfunden', 0, 'child'],
      ] as const) {
        members.push(
          await intakes.create({
            receivedAt: NOW,
            child: { firstName, lastName: 'Mutter-Kind', estimatedAge },
            initiatedBy: 'police',
            situation: '',
            status: 'draft',
            group: { id: 'group-mk', kind: 'mother_child', role },
          }),
        );
      }
      const holds = new HoldRepository(db.holds, pending, user, () => NOW);
      // The board searches the group's room (its criteria from the group) and holds it with one action.
      const criteria = { ...NO_CRITERIA, ageYears: 16, ...groupCriteria(members) };
      const { made, lines } = await holdFromBoard(
        { holds, entries },
        facility,
        { intakeRef: members[0].id, ageGroup: '16_to_18', sex: 'female' },
        members,
        roomSearched(criteria),
      );
      expect(made).toHaveLength(1);
      expect(made[0]).toMatchObject({ intakeRef: members[0].id, room: 'mother_child', status: 'held' });
      expect(lines.map((l) => l.intakeId).sort()).toEqual(members.map((m) => m.id).sort());

      const stored = (await db.holds.find().exec()).map((d) => d.toMutableJSON());
      const [card] = boardCards([facility], stored, criteria, NOW, viewer);
      expect(card.match.searched).toMatchObject({ room: 'mother_child', free: 0 });
      expect(card.match.motherChildRoom?.free).toBe(0);
      expect(card.match.free.free).toBe(freePlaces(facility, [], NOW).free);
      expect(card.match.mismatches).toEqual([{ code: 'not_enough_free_places', free: 0, needed: 1 }]);
    } finally {
      await db.close();
    }
  });
});
