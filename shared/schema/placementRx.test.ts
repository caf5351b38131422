import { addRxPlugin, createRxDatabase, type RxDatabase } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { demoFacilities } from '../demo/facilities';
import { newHold } from '../placement/newHold';
import { FACILITY_SCHEMA_VERSION, facilityRxSchema } from './facility';
import { HOLD_SCHEMA_VERSION, holdRxSchema } from './hold';

/** The two schemas in a real RxDB (dev-mode checks, strict ajv validation), as the renderer will open them. */
const NOW = Date.UTC(2025, 10, 24, 1, 51);
const facilities = demoFacilities(NOW);
const hold = () =>
  newHold({
    id: crypto.randomUUID(),
    facility: facilities[0],
    officeId: 'segeberg',
    intakeRef: crypto.randomUUID(),
    ageGroup: '14_to_16',
    sex: 'female',
    userId: 'bereitschaft.segeberg',
    now: NOW,
  });

describe('facilities and holds in RxDB', () => {
  let db: RxDatabase;
  beforeAll(async () => {
    disableWarnings();
    addRxPlugin(RxDBDevModePlugin);
    addRxPlugin(RxDBMigrationSchemaPlugin);
    db = await createRxDatabase({
      name: 'placement-schema-test',
      storage: wrappedValidateAjvStorage({ storage: getRxStorageMemory() }),
    });
    // One identity step per version: this test is about the schemas' shape, the app's migrations have their own.
    const identitySteps = (version: number) =>
      Object.fromEntries(Array.from({ length: version }, (_, i) => [i + 1, (d: unknown) => d]));
    await db.addCollections({
      facilities: { schema: facilityRxSchema, migrationStrategies: identitySteps(FACILITY_SCHEMA_VERSION) },
      holds: { schema: holdRxSchema, migrationStrategies: identitySteps(HOLD_SCHEMA_VERSION) },
    });
  });
  afterAll(() => db.close());

  it('stores the demo facilities and a new hold, and finds holds by facility', async () => {
    await db.facilities.bulkInsert(facilities);
    await db.holds.insert(hold());
    expect(await db.facilities.count().exec()).toBe(facilities.length);
    expect(await db.holds.find({ selector: { facilityId: facilities[0].id } }).exec()).toHaveLength(1);
  });

  it('refuses a street for a foster family and a child name on a hold', async () => {
    const foster = facilities.find((f) => f.type === 'bereitschaftspflege')!;
    await expect(
      db.facilities.insert({
        ...foster,
        id: 'foster-with-street',
        address: { ...foster.address, street: 'Birkenweg 3' },
      }),
    ).rejects.toThrow();
    await expect(db.holds.insert({ ...hold(), childName: 'Mia Beispiel' })).rejects.toThrow();
  });
});
