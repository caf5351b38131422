import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createRxDatabase, type RxJsonSchema } from 'rxdb';

import { demoContacts } from '../../../../shared/demo/contacts';
import { demoFacilities } from '../../../../shared/demo/facilities';
import { newHold } from '../../../../shared/placement/newHold';
import { contactRxSchema } from '../../../../shared/schema/contact';
import { facilityRxSchema } from '../../../../shared/schema/facility';
import { holdRxSchema } from '../../../../shared/schema/hold';
import { conflictRecord } from '../../../../shared/sync/merge';
import { createStorage, openDatabase } from '../database';

const KEY = 'm'.repeat(64);
const NOW = Date.UTC(2025, 10, 24, 1, 51);
const NEW_FIELDS = ['deviceId', 'deviceName', 'winner'];

/**
 * The schema a collection had one version before conflicts named devices and the winner (facility 1, hold 3,
 * contact 0): the same, with the conflict entry as it was.
 */
function before(schema: { version: number; properties: object }): RxJsonSchema<unknown> {
  const copy = structuredClone(schema) as unknown as {
    version: number;
    properties: { conflicts: { items: { properties: Record<string, unknown> } } };
  };
  for (const field of NEW_FIELDS) delete copy.properties.conflicts.items.properties[field];
  copy.version -= 1;
  return copy as unknown as RxJsonSchema<unknown>;
}

const facility = { ...demoFacilities(NOW)[0], conflicts: [conflictRecord('name', 'Alt', 'koordination', NOW)] };
const hold = {
  ...newHold({
    id: '00000000-0000-4000-8000-000000000001',
    facility,
    officeId: 'segeberg',
    intakeRef: '00000000-0000-4000-8000-000000000002',
    ageGroup: '14_to_16',
    sex: 'female',
    userId: 'bereitschaft.segeberg',
    now: NOW,
  }),
  conflicts: [{ ...conflictRecord('status', 'released', 'bereitschaft.segeberg', NOW), field: 'status' as const }],
};
const contact = { ...demoContacts(NOW)[0], conflicts: [conflictRecord('name', 'Alt', 'leitung.segeberg', NOW)] };

describe('migration of stores written before conflicts named devices', () => {
  it('keeps every stored facility, hold and contact with its conflicts, which then take the new fields', async () => {
    const env = { indexedDB: new IDBFactory(), IDBKeyRange };
    const name = 'obhut_migration_conflict_authorship';
    const old = await createRxDatabase({ name, storage: createStorage(env), password: KEY, multiInstance: false });
    await old.addCollections({
      facilities: { schema: before(facilityRxSchema), migrationStrategies: { 1: (d: unknown) => d } },
      holds: {
        schema: before(holdRxSchema),
        migrationStrategies: { 1: (d: unknown) => d, 2: (d: unknown) => d, 3: (d: unknown) => d },
      },
      contacts: { schema: before(contactRxSchema) },
    });
    await old.facilities.insert(facility);
    await old.holds.insert(hold);
    await old.contacts.insert(contact);
    await old.close();

    const db = await openDatabase({ name, key: KEY, env });
    try {
      expect((await db.facilities.findOne(facility.id).exec())?.toMutableJSON()).toEqual(facility);
      expect((await db.holds.findOne(hold.id).exec())?.toMutableJSON()).toEqual(hold);
      expect((await db.contacts.findOne(contact.id).exec())?.toMutableJSON()).toEqual(contact);

      const winner = { by: 'leitung.segeberg', at: NOW + 1, deviceId: 'pc-leitung-1', deviceName: 'PC Leitung' };
      const stamped = { ...hold.conflicts[0], deviceId: 'laptop-7', winner };
      await (await db.holds.findOne(hold.id).exec())!.incrementalPatch({ conflicts: [stamped] });
      expect((await db.holds.findOne(hold.id).exec())?.conflicts).toEqual([stamped]);
    } finally {
      await db.close();
    }
  });
});
