import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';

import { submittedRecord } from '../test-fixtures/intake';
import { editRows, flipCiphertextBit } from '../test-fixtures/stored-rows';
import { openDatabase } from './database';
import { type DamagedRecordError, SEALED_FIELD } from './sealed-storage';

const KEY = 'e'.repeat(64);
const T = '2026-11-20T22:00:00Z';

function open(factory: IDBFactory, damaged: DamagedRecordError[] = []) {
  return openDatabase({
    name: 'obhut_sealed',
    key: KEY,
    env: { indexedDB: factory, IDBKeyRange },
    sealing: { onDamagedRecord: (e) => damaged.push(e) },
  });
}

async function threeRecords(): Promise<IDBFactory> {
  const factory = new IDBFactory();
  const db = await open(factory);
  const { error } = await db.intakes.bulkInsert([
    submittedRecord('r1', 'Anneliese', T, { initiatedBy: 'police' }),
    submittedRecord('r2', 'Bärbel', T, { initiatedBy: 'school_daycare' }),
    submittedRecord('r3', 'Cord', T, { initiatedBy: 'police' }),
  ]);
  expect(error).toEqual([]);
  await db.close();
  return factory;
}

describe('the sealed storage', () => {
  it('one changed byte of a stored ciphertext: a clear error for that record, the others readable', async () => {
    const factory = await threeRecords();
    await editRows(factory, 'intakes', (rows) => {
      flipCiphertextBit(rows.get('r2')!, SEALED_FIELD);
    });
    const damaged: DamagedRecordError[] = [];
    const db = await open(factory, damaged);
    try {
      const list = await db.intakes.find({ sort: [{ id: 'asc' }] }).exec();
      expect(list.map((d) => d.child.firstName)).toEqual(['Anneliese', 'Cord']);
      expect(damaged.map((e) => [e.collection, e.documentId, e.code])).toEqual([['intakes', 'r2', 'record_damaged']]);
      await expect(db.intakes.findOne('r2').exec()).rejects.toThrow('The stored record intakes/r2 is damaged');
      expect((await db.intakes.findOne('r3').exec())?.child.firstName).toBe('Cord');
    } finally {
      await db.close();
    }
  });

  it("a ciphertext copied onto another record does not open there (it is bound to its record's id)", async () => {
    const factory = await threeRecords();
    await editRows(factory, 'intakes', (rows) => {
      rows.get('r1')![SEALED_FIELD] = rows.get('r3')![SEALED_FIELD];
    });
    const db = await open(factory);
    try {
      await expect(db.intakes.findOne('r1').exec()).rejects.toThrow('intakes/r1 is damaged');
    } finally {
      await db.close();
    }
  });

  it('queries and sorts on sealed fields match the opened documents, with skip and limit', async () => {
    const factory = await threeRecords();
    const db = await open(factory);
    try {
      const byPolice = await db.intakes
        .find({ selector: { initiatedBy: 'police' }, sort: [{ createdBy: 'asc' }, { id: 'desc' }] })
        .exec();
      expect(byPolice.map((d) => d.id)).toEqual(['r3', 'r1']);
      const second = await db.intakes
        .find({ selector: { status: 'submitted' }, sort: [{ id: 'asc' }], skip: 1, limit: 1 })
        .exec();
      expect(second.map((d) => d.id)).toEqual(['r2']);
      const named = await db.intakes
        .find({ selector: { 'child.firstName': { $regex: '^B' } }, sort: [{ id: 'asc' }] })
        .exec();
      expect(named.map((d: { id: string }) => d.id)).toEqual(['r2']);
      const edited = (await db.intakes.findOne('r2').exec())!;
      await edited.incrementalPatch({ initiatedBy: 'police' });
      expect(await db.intakes.find({ selector: { initiatedBy: 'police' } }).exec()).toHaveLength(3);
    } finally {
      await db.close();
    }
  });
});
