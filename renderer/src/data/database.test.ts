import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';

import type { Intake } from '../../../shared/schema/intake';
import { openDatabase } from './database';

function sampleIntake(id: string): Intake {
  return {
    id,
    officeId: 'segeberg',
    createdBy: 'u1',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    updatedBy: 'u1',
    receivedAt: 1_700_000_000_000,
    child: { firstName: 'Mirella', lastName: 'Quendtfeld', estimatedAge: 9 },
    initiatedBy: 'police',
    situation: 'Fiktive Situation zum Test',
    status: 'draft',
    conflicts: [],
  };
}

/** Every string stored in every object store of the IndexedDB databases of this factory. */
async function rawStrings(factory: IDBFactory): Promise<string> {
  const out: string[] = [];
  for (const info of await factory.databases()) {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(info.name!);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    for (const store of Array.from(db.objectStoreNames)) {
      const values = await new Promise<unknown[]>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      out.push(JSON.stringify(values));
    }
    db.close();
  }
  return out.join('\n');
}

describe('the local database', () => {
  it('stores personal fields only encrypted and reads them back with the key', async () => {
    const factory = new IDBFactory();
    const env = { indexedDB: factory, IDBKeyRange };
    const key = 'a'.repeat(64);
    const db = await openDatabase({ name: 'obhut_enc_test', key, env });
    await db.intakes.insert(sampleIntake('i1'));
    await db.close();

    const raw = await rawStrings(factory);
    expect(raw).toContain('segeberg');
    expect(raw).not.toContain('Quendtfeld');
    expect(raw).not.toContain('Fiktive Situation');

    const again = await openDatabase({ name: 'obhut_enc_test', key, env });
    const doc = await again.intakes.findOne('i1').exec();
    expect(doc?.child.lastName).toBe('Quendtfeld');
    await again.close();
  });

  it('refuses to open with a different key', async () => {
    const env = { indexedDB: new IDBFactory(), IDBKeyRange };
    const db = await openDatabase({ name: 'obhut_enc_test2', key: 'a'.repeat(64), env });
    await db.close();
    await expect(openDatabase({ name: 'obhut_enc_test2', key: 'b'.repeat(64), env })).rejects.toThrow();
  });

  it('refuses a document that breaks the schema, in clear and in encrypted fields', async () => {
    const db = await openDatabase({
      name: 'obhut_val_test',
      key: 'a'.repeat(64),
      env: { indexedDB: new IDBFactory(), IDBKeyRange },
    });
    try {
      await expect(
        db.intakes.insert({ ...sampleIntake('i2'), status: 'closed' as Intake['status'] }),
      ).rejects.toThrow();
      const badChild = { ...sampleIntake('i3'), child: { firstName: 'A', lastName: 'B', estimatedAge: 30 } };
      await expect(db.intakes.insert(badChild)).rejects.toMatchObject({ code: 'VD2' });
      await expect(db.intakes.insert(sampleIntake('i4'))).resolves.toBeTruthy();
    } finally {
      await db.close();
    }
  });
});
