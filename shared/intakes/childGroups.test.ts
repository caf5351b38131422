import { describe, expect, it } from 'vitest';

import { groupCriteria, groupMembers, linkedGroups, placementRoomOf } from './childGroups';

const rec = (id: string, receivedAt: number, group?: { id: string; kind: 'siblings' | 'mother_child' }) => ({
  id,
  officeId: 'segeberg',
  receivedAt,
  ...(group ? { group } : {}),
});

describe('children taken into care together', () => {
  const g = { id: 'g1', kind: 'siblings' as const };
  const records = [rec('c', 30, g), rec('a', 10, g), rec('x', 20), rec('b', 20, { id: 'g2', kind: 'siblings' })];

  it('finds the members of a group in the order they came in, none for a record without a group', () => {
    expect(groupMembers(records[0], records).map((r) => r.id)).toEqual(['a', 'c']);
    expect(groupMembers(records[2], records)).toEqual([]);
  });

  it('asks a place for every sibling, or the mother-and-child room', () => {
    expect(groupCriteria([rec('a', 1, g), rec('b', 2, g), rec('c', 3, g)])).toEqual({ siblings: 2 });
    const mc = { id: 'g3', kind: 'mother_child' as const };
    expect(groupCriteria([rec('m', 1, mc), rec('k', 2, mc)])).toEqual({ motherAndChild: true });
    expect(groupCriteria([rec('a', 1, g)])).toEqual({});
  });

  it('places a record of a mother-and-child group in the room, any other record in an ordinary place', () => {
    expect(placementRoomOf(rec('m', 1, { id: 'g3', kind: 'mother_child' }))).toBe('mother_child');
    expect(placementRoomOf(rec('a', 1, g))).toBe('ordinary');
    expect(placementRoomOf(rec('x', 1))).toBe('ordinary');
  });

  it('links into the group either record has, else a new one; mother and child take opposite roles', () => {
    expect(linkedGroups({}, {}, 'siblings', undefined, 'new')).toEqual({
      own: { id: 'new', kind: 'siblings' },
      other: { id: 'new', kind: 'siblings' },
    });
    expect(linkedGroups({}, { group: g }, 'siblings', undefined, 'new').own.id).toBe('g1');
    expect(
      linkedGroups({ group: { id: 'g9', kind: 'siblings' } }, { group: g }, 'siblings', undefined, 'n').other.id,
    ).toBe('g9');
    expect(linkedGroups({}, {}, 'mother_child', 'mother', 'm')).toEqual({
      own: { id: 'm', kind: 'mother_child', role: 'mother' },
      other: { id: 'm', kind: 'mother_child', role: 'child' },
    });
  });
});
