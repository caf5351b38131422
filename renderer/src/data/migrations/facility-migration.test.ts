import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createRxDatabase } from 'rxdb';

import { demoFacilities } from '../../../../shared/demo/facilities';
import { freePlaces } from '../../../../shared/placement/freePlaces';
import { facilityRxSchema } from '../../../../shared/schema/facility';
import { createStorage, openDatabase } from '../database';
import { facilityV1 } from './facility';

const KEY = 'k'.repeat(64);
const NOW = Date.UTC(2026, 11, 7, 1, 0);

/**
 * The facility schema as version 0 had it: the flag `motherAndChild` where version 1 has the room's places and
 * reports. Everything else is unchanged (shared/schema/facility.ts).
 */
const { motherChildPlaces: _places, motherChildFreeReports: _reports, ...unchanged } = facilityRxSchema.properties;
void [_places, _reports];
const facilitySchemaV0 = {
  ...facilityRxSchema,
  version: 0,
  properties: { ...unchanged, motherAndChild: { type: 'boolean' } },
  required: [
    ...facilityRxSchema.required.filter((f) => f !== 'motherChildPlaces' && f !== 'motherChildFreeReports'),
    'motherAndChild',
  ],
};

/** Two facilities as a laptop stored them before the room: one with the flag (and a lost edit of it), one without. */
const v0Facilities = demoFacilities(NOW)
  .slice(0, 2)
  .map((f, i) => {
    const { motherChildPlaces: _p, motherChildFreeReports: _r, ...rest } = f;
    void [_p, _r];
    return {
      ...rest,
      motherAndChild: i === 0,
      conflicts:
        i === 0 ? [{ id: 'c-1', field: 'motherAndChild', value: 'false', by: 'koordination', at: NOW - 1000 }] : [],
    };
  });

describe('migration of the facility store', () => {
  it('opens a store of schema 0 with the room: the flag becomes one place in the room, its lost edit too', async () => {
    expect(facilityRxSchema.version).toBe(2);
    const env = { indexedDB: new IDBFactory(), IDBKeyRange };
    const name = 'obhut_facility_migration_v0';
    const old = await createRxDatabase({ name, storage: createStorage(env), password: KEY, multiInstance: false });
    await old.addCollections({ facilities: { schema: facilitySchemaV0 as never } });
    await old.facilities.bulkInsert(v0Facilities);
    await old.close();

    const db = await openDatabase({ name, key: KEY, env });
    try {
      const docs = (await db.facilities.find({ sort: [{ id: 'asc' }] }).exec()).map((d) => d.toMutableJSON());
      const expected = v0Facilities.map((f) => facilityV1(f)).sort((a, b) => String(a.id).localeCompare(String(b.id)));
      expect(docs).toEqual(expected);
      const jsh = docs.find((f) => f.id === 'jugendschutzhaus-norderstedt')!;
      expect(jsh).toMatchObject({ motherChildPlaces: 1, motherChildFreeReports: [] });
      expect(jsh.conflicts).toEqual([
        { id: 'c-1', field: 'motherChildPlaces', value: '0', by: 'koordination', at: NOW - 1000 },
      ]);
      expect(jsh).not.toHaveProperty('motherAndChild');
      expect(docs.find((f) => f.id !== jsh.id)).toMatchObject({ motherChildPlaces: 0 });
      // Unreported, the room is as free as its place; the ordinary places keep their report.
      expect(freePlaces(jsh, [], NOW, 'mother_child').free).toBe(1);
      expect(freePlaces(jsh, [], NOW).free).toBe(3);

      // The migrated facility is validated and written as any other: a report on the room is kept.
      await db.facilities
        .findOne(jsh.id)
        .exec()
        .then((d) =>
          d!.incrementalPatch({
            motherChildFreeReports: [{ id: 'mk-1', free: 0, reportedAt: NOW, reportedBy: 'koordination' }],
          }),
        );
      expect(
        freePlaces((await db.facilities.findOne(jsh.id).exec())!.toMutableJSON(), [], NOW, 'mother_child').free,
      ).toBe(0);
      await expect(
        db.facilities
          .findOne(jsh.id)
          .exec()
          .then((d) => d!.incrementalPatch({ motherChildPlaces: 99 })),
      ).rejects.toMatchObject({ code: 'COL20' });
    } finally {
      await db.close();
    }
  });
});
