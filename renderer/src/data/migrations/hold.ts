import type { MigrationStrategies } from 'rxdb';

/**
 * RxDB migration of stored holds, one function per schema version (shared/schema/hold.ts).
 * 1: a hold became one placement with more states (requested, confirmed, refused) and optional reasons and
 *    admission time: a stored hold (held, occupied, released, expired) is a valid placement as it is.
 * 2: the age group may be `unknown`; every stored age group is still one.
 * 3: a placement may name the room it takes; one without (every stored one) takes an ordinary place, as before.
 * 4: a conflict may name the devices and who wrote the value that stayed; a stored conflict names neither.
 */
export const holdMigrations: MigrationStrategies = {
  1: (doc: Record<string, unknown>) => doc,
  2: (doc: Record<string, unknown>) => doc,
  3: (doc: Record<string, unknown>) => doc,
  4: (doc: Record<string, unknown>) => doc,
};
