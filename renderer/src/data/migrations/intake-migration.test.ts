import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createRxDatabase } from 'rxdb';

import { demoNightRecord } from '../../../../shared/demo/nightRecord';
import { type Intake, intakeRxSchema } from '../../../../shared/schema/intake';
import { createStorage, openDatabase } from '../database';
import { rejectionSchema } from '../rejections';
import { intakeSchemaV0 } from './intake-v0';

const KEY = 'k'.repeat(64);

/** Two records as the walking skeleton stored them (schema version 0, before the night record). */
const v0Records = [
  {
    id: 'skeleton-draft',
    officeId: 'segeberg',
    createdBy: 'bereitschaft.segeberg',
    createdAt: 1_747_500_000_000,
    updatedAt: 1_747_500_100_000,
    updatedBy: 'bereitschaft.segeberg',
    receivedAt: 1_747_499_000_000,
    child: { firstName: 'Jorinde', lastName: 'Altbestand', estimatedAge: 6 },
    initiatedBy: 'police',
    situation: 'Fiktiv: mit dem Gerüst erfasst.',
    status: 'draft',
    conflicts: [
      { id: 'c-1', field: 'situation', value: '"Andere Fassung"', by: 'leitung.segeberg', at: 1_747_500_050_000 },
    ],
  },
  {
    id: 'skeleton-submitted',
    officeId: 'segeberg',
    createdBy: 'bereitschaft.segeberg',
    createdAt: 1_747_400_000_000,
    updatedAt: 1_747_400_000_000,
    updatedBy: 'bereitschaft.segeberg',
    receivedAt: 1_747_399_000_000,
    child: { firstName: 'Jorinde', lastName: 'Zweitbestand', birthDate: '2014-02-03' },
    initiatedBy: 'child',
    situation: 'Fiktiv: abgeschlossen mit den Regeln des Gerüsts.',
    status: 'submitted',
    conflicts: [],
  },
];

describe('migration of the intake store', () => {
  it("opens a store created with the skeleton's schema (version 0) with the current version and keeps every record", async () => {
    expect(intakeRxSchema.version).toBe(6);
    const env = { indexedDB: new IDBFactory(), IDBKeyRange };
    const name = 'obhut_migration_v0';

    // A laptop that ran the walking skeleton: its store, written through the same encrypted, validated storage.
    const old = await createRxDatabase({ name, storage: createStorage(env), password: KEY, multiInstance: false });
    await old.addCollections({
      intakes: { schema: intakeSchemaV0 },
      rejections: { schema: rejectionSchema },
    });
    await old.intakes.bulkInsert(v0Records as Intake[]);
    await old.close();

    const db = await openDatabase({ name, key: KEY, env });
    try {
      const docs = await db.intakes.find({ sort: [{ receivedAt: 'asc' }] }).exec();
      expect(docs.map((d) => d.toMutableJSON())).toEqual([v0Records[1], v0Records[0]]);
      expect(db.intakes.schema.version).toBe(6);

      // The migrated record takes the night record's sections, encrypted and validated as any other.
      const draft = docs.find((d) => d.id === 'skeleton-draft')!;
      const night = demoNightRecord(draft.receivedAt);
      await draft.incrementalPatch({
        decision: night.decision,
        custodians: night.custodians,
        group: { id: 'gruppe-1', kind: 'siblings' },
        earlierIntakes: { dismissed: ['skeleton-submitted'] },
      });
      const again = await db.intakes.findOne('skeleton-draft').exec();
      expect(again?.decision?.ground).toBe('42_1_2a');
      expect(again?.group).toEqual({ id: 'gruppe-1', kind: 'siblings' });
      expect(again?.earlierIntakes?.dismissed).toEqual(['skeleton-submitted']);
      expect(again?.child.lastName).toBe('Altbestand');
      await expect(draft.incrementalPatch({ decision: { ground: 'nonsense' as never } })).rejects.toMatchObject({
        code: 'COL20',
        parameters: { writeError: { status: 422 } },
      });
    } finally {
      await db.close();
    }
  });

  it('keeps the frozen version 0 schema apart from the current one', () => {
    expect(intakeSchemaV0.version).toBe(0);
    expect(Object.keys(intakeSchemaV0.properties)).not.toContain('decision');
    expect(Object.keys(intakeRxSchema.properties)).toEqual(
      expect.arrayContaining(Object.keys(intakeSchemaV0.properties)),
    );
  });
});
