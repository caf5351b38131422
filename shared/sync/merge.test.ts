import { describe, expect, it } from 'vitest';

import { conflictRecord, type MergeableDocument, mergeDocuments, mergeListById, resolveConflict } from './merge';

type Doc = MergeableDocument & {
  name?: string;
  age?: number;
  child?: { firstName: string; lastName: string };
  custodians?: { id: string; name: string; informed?: boolean }[];
  codes?: string[];
};

const base: Doc = {
  id: 'i1',
  updatedAt: 1000,
  updatedBy: 'u-base',
  conflicts: [],
  _deleted: false,
  name: 'Lena',
  age: 12,
  codes: ['a', 'b'],
  child: { firstName: 'Lena', lastName: 'Muster' },
  custodians: [
    { id: 'c1', name: 'Mutter' },
    { id: 'c2', name: 'Vater' },
  ],
};
const edit = (patch: Partial<Doc>, by: string, at: number): Doc => ({
  ...base,
  ...patch,
  updatedBy: by,
  updatedAt: at,
});

describe('mergeDocuments', () => {
  const cases: { name: string; local: Partial<Doc>; remote: Partial<Doc>; expect: Partial<Doc>; lost: string[] }[] = [
    {
      name: 'different fields merge silently',
      local: { name: 'Lea' },
      remote: { age: 13 },
      expect: { name: 'Lea', age: 13 },
      lost: [],
    },
    {
      name: 'same change on both sides is no conflict',
      local: { age: 14 },
      remote: { age: 14 },
      expect: { age: 14 },
      lost: [],
    },
    {
      name: 'same field, different values: remote stays, local recorded',
      local: { age: 14 },
      remote: { age: 15 },
      expect: { age: 15 },
      lost: ['age'],
    },
    {
      name: 'different fields of a section merge silently',
      local: { child: { firstName: 'Lea', lastName: 'Muster' } },
      remote: { child: { firstName: 'Lena', lastName: 'Meier' } },
      expect: { child: { firstName: 'Lea', lastName: 'Meier' } },
      lost: [],
    },
    {
      name: 'the same field of a section: remote stays, local recorded by path',
      local: { child: { firstName: 'Lea', lastName: 'Muster' } },
      remote: { child: { firstName: 'Mia', lastName: 'Muster' } },
      expect: { child: { firstName: 'Mia', lastName: 'Muster' } },
      lost: ['child.firstName'],
    },
    {
      name: 'codes added on both sides are all kept',
      local: { codes: ['a', 'b', 'c'] },
      remote: { codes: ['a', 'b', 'd'] },
      expect: { codes: ['a', 'b', 'd', 'c'] },
      lost: [],
    },
    {
      name: 'a code removed on one side goes, one added on the other stays',
      local: { codes: ['b'] },
      remote: { codes: ['a', 'b', 'e'] },
      expect: { codes: ['b', 'e'] },
      lost: [],
    },
    {
      name: 'a scalar changed on both sides: remote stays, local recorded',
      local: { name: 'X' },
      remote: { name: 'Y' },
      expect: { name: 'Y' },
      lost: ['name'],
    },
    {
      name: 'field removed locally, untouched remotely',
      local: { name: undefined },
      remote: {},
      expect: { name: undefined },
      lost: [],
    },
    {
      name: 'delete remotely, edit locally: tombstone keeps the local edit',
      local: { age: 16 },
      remote: { _deleted: true },
      expect: { _deleted: true, age: 16 },
      lost: [],
    },
    {
      name: 'delete locally, edit remotely',
      local: { _deleted: true },
      remote: { name: 'Lisa' },
      expect: { _deleted: true, name: 'Lisa' },
      lost: [],
    },
    {
      name: 'list items edited on different items merge',
      local: {
        custodians: [
          { id: 'c1', name: 'Mutter', informed: true },
          { id: 'c2', name: 'Vater' },
        ],
      },
      remote: {
        custodians: [
          { id: 'c1', name: 'Mutter' },
          { id: 'c2', name: 'Vater', informed: true },
        ],
      },
      expect: {
        custodians: [
          { id: 'c1', name: 'Mutter', informed: true },
          { id: 'c2', name: 'Vater', informed: true },
        ],
      },
      lost: [],
    },
    {
      name: 'list items added on both sides are all kept',
      local: { custodians: [...base.custodians!, { id: 'c3', name: 'Oma' }] },
      remote: { custodians: [...base.custodians!, { id: 'c4', name: 'Opa' }] },
      expect: { custodians: [...base.custodians!, { id: 'c4', name: 'Opa' }, { id: 'c3', name: 'Oma' }] },
      lost: [],
    },
    {
      name: 'list item removed remotely, untouched locally: removed',
      local: {},
      remote: { custodians: [{ id: 'c1', name: 'Mutter' }] },
      expect: { custodians: [{ id: 'c1', name: 'Mutter' }] },
      lost: [],
    },
    {
      name: 'list item removed remotely, edited locally: the edit survives',
      local: {
        custodians: [
          { id: 'c1', name: 'Mutter' },
          { id: 'c2', name: 'Vater (Stiefvater)' },
        ],
      },
      remote: { custodians: [{ id: 'c1', name: 'Mutter' }] },
      expect: {
        custodians: [
          { id: 'c1', name: 'Mutter' },
          { id: 'c2', name: 'Vater (Stiefvater)' },
        ],
      },
      lost: [],
    },
    {
      name: 'same list item field edited on both sides: remote stays, local recorded',
      local: {
        custodians: [
          { id: 'c1', name: 'Mama' },
          { id: 'c2', name: 'Vater' },
        ],
      },
      remote: {
        custodians: [
          { id: 'c1', name: 'Mutti' },
          { id: 'c2', name: 'Vater' },
        ],
      },
      expect: {
        custodians: [
          { id: 'c1', name: 'Mutti' },
          { id: 'c2', name: 'Vater' },
        ],
      },
      lost: ['custodians[c1].name'],
    },
    {
      name: 'different fields of one list item merge',
      local: {
        custodians: [
          { id: 'c1', name: 'Mutter', informed: true },
          { id: 'c2', name: 'Vater' },
        ],
      },
      remote: {
        custodians: [
          { id: 'c1', name: 'Mutter (leiblich)' },
          { id: 'c2', name: 'Vater' },
        ],
      },
      expect: {
        custodians: [
          { id: 'c1', name: 'Mutter (leiblich)', informed: true },
          { id: 'c2', name: 'Vater' },
        ],
      },
      lost: [],
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const local = edit(c.local, 'u-local', 2000);
      const remote = edit(c.remote, 'u-remote', 3000);
      const merged = mergeDocuments(base, local, remote);
      for (const [key, value] of Object.entries(c.expect)) expect(merged[key as keyof Doc], key).toEqual(value);
      expect(merged.conflicts.map((x) => x.field)).toEqual(c.lost);
      for (const lost of merged.conflicts) {
        expect(lost.by).toBe('u-local');
        expect(lost.at).toBe(2000);
        // Who wrote the state that stayed; its device only the server knows (shared/rules/conflicts.ts).
        expect(lost.winner).toEqual({ by: 'u-remote', at: 3000 });
      }
    });
  }

  it('keeps the losing value as JSON text', () => {
    const merged = mergeDocuments(
      base,
      edit({ custodians: [{ id: 'c1', name: 'A', informed: true }] }, 'u1', 5),
      edit({ custodians: [{ id: 'c1', name: 'B', informed: false }] }, 'u2', 6),
    );
    expect(merged.conflicts.map((c) => [c.field, JSON.parse(c.value)])).toEqual([
      ['custodians[c1].name', 'A'],
      ['custodians[c1].informed', true],
    ]);
  });

  it('returns the remote document itself when nothing local survives, so nothing is pushed again', () => {
    const remote = edit({ age: 15 }, 'u-remote', 3000);
    expect(mergeDocuments(base, base, remote)).toBe(remote);
  });

  it("marks a merge that differs from the remote as the local writer's, with the later time", () => {
    const merged = mergeDocuments(base, edit({ name: 'Lea' }, 'u-local', 5000), edit({ age: 13 }, 'u-remote', 3000));
    expect(merged.updatedBy).toBe('u-local');
    expect(merged.updatedAt).toBe(5000);
  });

  it('without a common ancestor every differing field is a conflict and the remote wins', () => {
    const local = edit({ name: 'A', age: 1 }, 'u-local', 10);
    const remote = edit({ name: 'B', age: 1 }, 'u-remote', 20);
    const merged = mergeDocuments(undefined, local, remote);
    expect(merged.name).toBe('B');
    expect(merged.conflicts.map((c) => c.field)).toEqual(['name']);
  });

  it('is deterministic: two replicas merging the same states agree, including conflict ids', () => {
    const local = edit({ age: 14 }, 'u-local', 2000);
    const remote = edit({ age: 15 }, 'u-remote', 3000);
    expect(mergeDocuments(base, local, remote)).toEqual(mergeDocuments(base, { ...local }, { ...remote }));
  });

  it('keeps recorded conflicts from both sides and drops one resolved on one side', () => {
    const known = conflictRecord('age', 9, 'u-x', 100);
    const other = conflictRecord('name', 'Z', 'u-y', 200);
    const withKnown = { ...base, conflicts: [known] };
    const local = { ...withKnown, conflicts: [known, other], updatedAt: 300, updatedBy: 'u-y' };
    const remote = resolveConflict({ ...withKnown, updatedAt: 400, updatedBy: 'u-x' }, known.id);
    expect(mergeDocuments(withKnown, local, remote).conflicts).toEqual([other]);
  });

  it('records a value lost again (by another writer, another laptop) once, and folds copies two replicas recorded', () => {
    const first = conflictRecord('age', 9, 'u-x', 100);
    const remote = { ...edit({ age: 11 }, 'u-r', 500), conflicts: [first] };
    const merged = mergeDocuments(base, edit({ age: 9 }, 'u-y', 400), remote);
    expect(merged.conflicts).toEqual([first]);
    expect(merged.age).toBe(11);

    const again = conflictRecord('age', 9, 'u-y', 300);
    const other = conflictRecord('age', 8, 'u-y', 300);
    const folded = mergeDocuments(base, { ...base, conflicts: [again, other], updatedAt: 300 }, remote);
    expect(folded.conflicts).toEqual([first, other]);
  });
});

describe('mergeListById', () => {
  it('records nothing when only one side changed', () => {
    const lost: string[] = [];
    const out = mergeListById([{ id: 'a' }], [{ id: 'a' }, { id: 'b' }], [{ id: 'a' }], 'l', (f) => lost.push(f));
    expect(out).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(lost).toEqual([]);
  });
});
