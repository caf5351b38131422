import { addRxPlugin, createRxDatabase, type RxJsonSchema, wrappedValidateStorageFactory } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';

import { COLLECTIONS } from '../collections';
import { wrappedSealedStorage } from '../sealed-storage';

// Collections with a schema version above 0 need it to open, even empty.
addRxPlugin(RxDBMigrationSchemaPlugin);

/**
 * The exact JSON schemas RxDB hands the validation wrapper for our collections (RxDB fills in `_meta`, `_rev`,
 * `_deleted`, ...): found by opening the collections on the memory storage and recording what arrives.
 */
export async function collectionStorageSchemas(): Promise<Record<string, RxJsonSchema<unknown>>> {
  const seen: Record<string, RxJsonSchema<unknown>> = {};
  const record = wrappedValidateStorageFactory((schema) => {
    if (schema.title && schema.title in COLLECTIONS) seen[schema.title] = schema;
    return () => [];
  }, `schema-capture-${Math.random()}`);
  const db = await createRxDatabase({
    name: `capture${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
    storage: record({ storage: wrappedSealedStorage({ storage: getRxStorageMemory() }) }),
    password: 'x'.repeat(32),
    multiInstance: false,
  });
  try {
    await db.addCollections(COLLECTIONS);
    // The wrapper compiles lazily: a write makes sure every collection's validator was asked for.
    for (const name of Object.keys(COLLECTIONS)) await db.collections[name].find().exec();
    await Promise.all(Object.values(db.collections).map((c) => c.storageInstance.bulkWrite([], 'capture')));
  } finally {
    await db.close();
  }
  return seen;
}
