import type { MigrationStrategies } from 'rxdb';

/**
 * RxDB migration of stored contacts, one function per schema version (shared/schema/contact.ts).
 * 1: a conflict may name the devices and who wrote the value that stayed; a stored conflict names neither.
 */
export const contactMigrations: MigrationStrategies = {
  1: (doc: Record<string, unknown>) => doc,
};
