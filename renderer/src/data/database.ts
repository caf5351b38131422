import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';

import type { Contact } from '../../../shared/schema/contact';
import type { Entry } from '../../../shared/schema/entry';
import type { Facility } from '../../../shared/schema/facility';
import type { Hold } from '../../../shared/schema/hold';
import type { Intake } from '../../../shared/schema/intake';
import { COLLECTIONS } from './collections';
import { wrappedNewestFirstStorage } from './newest-first';
import type { RejectionDoc } from './rejections';
import { type SealedStorageOptions, wrappedSealedStorage } from './sealed-storage';
import { wrappedValidatePrecompiledStorage } from './validation';

addRxPlugin(RxDBLocalDocumentsPlugin);
// Stores created with an older schema are migrated when the database opens (migrations/).
addRxPlugin(RxDBMigrationSchemaPlugin);

export type ObhutCollections = {
  intakes: RxCollection<Intake>;
  entries: RxCollection<Entry>;
  facilities: RxCollection<Facility>;
  holds: RxCollection<Hold>;
  contacts: RxCollection<Contact>;
  rejections: RxCollection<RejectionDoc>;
};
export type ObhutDatabase = RxDatabase<ObhutCollections>;

export type IndexedDbEnvironment = {
  /** The IDBFactory to use; the browser's by default, fake-indexeddb in Node. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
};

/**
 * Dexie on IndexedDB with strict durability (a write is on disk before it counts), every write validated against
 * the schema before it is encrypted (so the personal fields are checked too), and everything no index needs sealed
 * with the user's database key (sealed-storage.ts); newest-first queries walk an index backwards (newest-first.ts).
 */
export function createStorage(env: IndexedDbEnvironment = {}, sealing: SealedStorageOptions = {}) {
  const indexedDB = env.indexedDB ?? globalThis.indexedDB;
  const keyRange = env.IDBKeyRange ?? globalThis.IDBKeyRange;
  return wrappedValidatePrecompiledStorage({
    storage: wrappedSealedStorage({
      storage: wrappedNewestFirstStorage(
        getRxStorageDexie({ indexedDB, IDBKeyRange: keyRange, chromeTransactionDurability: 'strict' }),
      ),
      options: sealing,
    }),
  });
}

export async function openDatabase(options: {
  name: string;
  key: string;
  env?: IndexedDbEnvironment;
  /** Progress of the one-time upgrade of a store written before the sealed format, damaged records found. */
  sealing?: SealedStorageOptions;
}): Promise<ObhutDatabase> {
  const db = await createRxDatabase<ObhutCollections>({
    name: options.name,
    storage: createStorage(options.env, options.sealing),
    password: options.key,
    // One window per user; several tabs of the dev mode each replicate on their own.
    multiInstance: false,
    localDocuments: true,
  });
  try {
    await db.addCollections(COLLECTIONS);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
