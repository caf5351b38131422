import type { MigrationStrategies } from 'rxdb';

/**
 * Schema 1 of a facility (shared/schema/facility.ts): the flag `motherAndChild` becomes the mother-and-child room
 * with its own places. A house that had the flag has one place in the room (a mother with her baby takes one);
 * its free places in the room are not reported yet, so they are counted from the places and the placements taking
 * the room until a coordinator reports. A lost edit of the flag becomes one of the room's places. The server
 * rewrites its stored facilities the same way (server/migrations/005_facility_mother_child_room.sql), so a laptop's
 * migrated copy and the server's are the same document and meet without a conflict.
 */
export function facilityV1(doc: Record<string, unknown>): Record<string, unknown> {
  const { motherAndChild, ...rest } = doc;
  const conflicts = (doc.conflicts as Record<string, unknown>[] | undefined) ?? [];
  return {
    ...rest,
    motherChildPlaces: motherAndChild === true ? 1 : 0,
    motherChildFreeReports: [],
    conflicts: conflicts.map((c) =>
      c.field === 'motherAndChild' ? { ...c, field: 'motherChildPlaces', value: c.value === 'true' ? '1' : '0' } : c,
    ),
  };
}

/**
 * RxDB migration of stored facilities, one function per schema version (shared/schema/facility.ts).
 * 1: the mother-and-child room (facilityV1).
 * 2: a conflict may name the devices and who wrote the value that stayed; a stored conflict names neither.
 */
export const facilityMigrations: MigrationStrategies = {
  1: facilityV1,
  2: (doc: Record<string, unknown>) => doc,
};
