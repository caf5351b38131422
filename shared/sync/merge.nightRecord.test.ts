import { describe, expect, it } from 'vitest';

import { demoNightRecord } from '../demo/nightRecord';
import type { Intake } from '../schema/intake';
import { mergeDocuments } from './merge';
import { getAtPath, setAtPath } from './paths';

/**
 * The merge on the night record's own shapes: sections merge field by field, the custodians and the persons
 * consulted merge by item id (with deletes), code lists as sets, and a field both sides changed keeps the
 * server's value and records the local one under its path.
 */
type Doc = Intake & { _deleted: boolean };

const START = Date.UTC(2025, 4, 17, 0, 30);
const base: Doc = {
  id: 'i1',
  officeId: 'segeberg',
  createdBy: 'u-base',
  createdAt: START,
  updatedAt: START,
  updatedBy: 'u-base',
  status: 'draft',
  conflicts: [],
  _deleted: false,
  ...demoNightRecord(START),
  custodians: [
    { id: 'mother', role: 'mother', name: 'Erika Musterfrau' },
    { id: 'father', role: 'father', name: 'Max Mustermann' },
  ],
};

type Edit = [path: string, value: unknown];
const edit = (edits: Edit[], by: string, at: number): Doc => ({
  ...edits.reduce<Doc>((doc, [path, value]) => setAtPath(doc, path, value), structuredClone(base)),
  updatedBy: by,
  updatedAt: at,
});

const cases: { name: string; local: Edit[]; remote: Edit[]; expect: Edit[]; lost: [string, unknown][] }[] = [
  {
    name: 'different fields of one section merge silently',
    local: [['decision.reasons', 'Begründung A']],
    remote: [['decision.ground', '42_1_2b']],
    expect: [
      ['decision.reasons', 'Begründung A'],
      ['decision.ground', '42_1_2b'],
    ],
    lost: [],
  },
  {
    name: 'the same field of a section: the server value stays, the local one is kept by path',
    local: [['decision.ground', '42_1_1']],
    remote: [['decision.ground', '42_1_2b']],
    expect: [['decision.ground', '42_1_2b']],
    lost: [['decision.ground', '42_1_1']],
  },
  {
    name: 'a section new on both sides merges field by field',
    local: [['court.fileNumber', '12 F 34/25']],
    remote: [['court.court', 'Amtsgericht Bad Segeberg']],
    expect: [['court', { fileNumber: '12 F 34/25', court: 'Amtsgericht Bad Segeberg' }]],
    lost: [],
  },
  {
    name: 'a section new on both sides with the same field differently: a conflict inside it',
    local: [['freedomDeprivation.startAt', START + 1]],
    remote: [['freedomDeprivation.startAt', START + 2]],
    expect: [['freedomDeprivation.startAt', START + 2]],
    lost: [['freedomDeprivation.startAt', START + 1]],
  },
  {
    name: 'risk indicators added on both sides are all kept',
    local: [['risk.indicators', ['child_alone', 'neglect', 'domestic_violence']]],
    remote: [['risk.indicators', ['child_alone', 'neglect', 'parent_addiction']]],
    expect: [['risk.indicators', ['child_alone', 'neglect', 'parent_addiction', 'domestic_violence']]],
    lost: [],
  },
  {
    name: 'an indicator removed on one side goes, one added on the other stays',
    local: [['risk.indicators', ['neglect']]],
    remote: [['risk.indicators', ['child_alone', 'neglect', 'other']]],
    expect: [['risk.indicators', ['neglect', 'other']]],
    lost: [],
  },
  {
    name: 'statistics reasons merge as a set too',
    local: [['statistics.reasons', ['neglect', 'addiction']]],
    remote: [['statistics.reasons', []]],
    expect: [['statistics.reasons', ['addiction']]],
    lost: [],
  },
  {
    name: 'custodians added on both sides are all kept, remote first',
    local: [['custodians[grandma]', { id: 'grandma', role: 'other', name: 'Oma' }]],
    remote: [['custodians[guardian]', { id: 'guardian', role: 'guardian', name: 'Vormund' }]],
    expect: [
      [
        'custodians',
        [
          ...base.custodians!,
          { id: 'guardian', role: 'guardian', name: 'Vormund' },
          { id: 'grandma', role: 'other', name: 'Oma' },
        ],
      ],
    ],
    lost: [],
  },
  {
    name: 'different custodians informed on each side',
    local: [
      ['custodians[mother].informedAt', START + 60_000],
      ['custodians[mother].channel', 'phone'],
    ],
    remote: [['custodians[father].attempts', 'Nicht erreicht']],
    expect: [
      [
        'custodians[mother]',
        { id: 'mother', role: 'mother', name: 'Erika Musterfrau', informedAt: START + 60_000, channel: 'phone' },
      ],
      ['custodians[father].attempts', 'Nicht erreicht'],
    ],
    lost: [],
  },
  {
    name: "the same custodian's reaction written on both sides: server wins, local kept under the item path",
    local: [['custodians[mother].reaction', 'Einverstanden']],
    remote: [['custodians[mother].reaction', 'Widerspricht']],
    expect: [['custodians[mother].reaction', 'Widerspricht']],
    lost: [['custodians[mother].reaction', 'Einverstanden']],
  },
  {
    name: 'a custodian deleted on the server and untouched locally is gone',
    local: [['decision.reasons', 'x']],
    remote: [['custodians[father]', undefined]],
    expect: [['custodians', [base.custodians![0]]]],
    lost: [],
  },
  {
    name: 'a custodian deleted locally but edited on the server is kept with the edit',
    local: [['custodians[father]', undefined]],
    remote: [['custodians[father].objection', true]],
    expect: [['custodians[father]', { id: 'father', role: 'father', name: 'Max Mustermann', objection: true }]],
    lost: [],
  },
  {
    name: 'a custodian deleted on the server but edited locally survives with the local edit',
    local: [['custodians[mother].informedAt', START]],
    remote: [['custodians[mother]', undefined]],
    expect: [['custodians[mother].informedAt', START]],
    lost: [],
  },
  {
    name: 'a custodian deleted on both sides stays deleted',
    local: [['custodians[father]', undefined]],
    remote: [
      ['custodians[father]', undefined],
      ['decision.reasons', 'y'],
    ],
    expect: [['custodians', [base.custodians![0]]]],
    lost: [],
  },
  {
    name: 'persons consulted merge by id like the custodians',
    local: [['risk.consulted[consult-1].function', 'Leitung ASD']],
    remote: [['risk.consulted[consult-2]', { id: 'consult-2', name: 'Kinderarzt (fiktiv)' }]],
    expect: [
      [
        'risk.consulted',
        [
          { ...base.risk!.consulted![0], function: 'Leitung ASD' },
          { id: 'consult-2', name: 'Kinderarzt (fiktiv)' },
        ],
      ],
    ],
    lost: [],
  },
  {
    name: 'a field cleared locally and changed remotely: the change stays, the clearing is recorded',
    local: [['placement.provider', undefined]],
    remote: [['placement.provider', 'Perspektive gGmbH']],
    expect: [['placement.provider', 'Perspektive gGmbH']],
    lost: [['placement.provider', null]],
  },
  {
    name: 'the record deleted on the server, a custodian informed locally: the tombstone keeps the edit',
    local: [['custodians[mother].informedAt', START]],
    remote: [['_deleted', true]],
    expect: [
      ['_deleted', true],
      ['custodians[mother].informedAt', START],
    ],
    lost: [],
  },
];

describe("merge of the night record's sections", () => {
  for (const c of cases) {
    it(c.name, () => {
      const merged = mergeDocuments(
        base,
        edit(c.local, 'u-local', START + 2000),
        edit(c.remote, 'u-remote', START + 3000),
      );
      for (const [path, value] of c.expect) expect(getAtPath(merged, path), path).toEqual(value);
      expect(merged.conflicts.map((x) => [x.field, JSON.parse(x.value)])).toEqual(c.lost);
      for (const x of merged.conflicts) expect([x.by, x.at]).toEqual(['u-local', START + 2000]);
    });
  }
});
