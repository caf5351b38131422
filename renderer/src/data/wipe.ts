import { LOCAL_EVENTS_PREFIX } from './access-log';
import { removeAllOutboxRecords } from './outbox';
import { type KeyValueStore, removeAllVaultRecords } from './vault';

/** RxDB's Dexie storage names every IndexedDB database `rxdb-dexie-<database>--<version>--<collection>`. */
const OUR_DATABASES = /^rxdb-dexie-obhut_/;

/** localStorage entries that say something about people; the device id stays (see wipeDevice). */
const PERSONAL_KEYS = ['obhut.lastUsername'];

export type WipeReport = { databases: string[]; vaultRecords: number };

/**
 * Deletes everything Obhut keeps on this device about cases and users: every local database of every user
 * (documents, pending marks, sync state, replication state - all in IndexedDB), every wrapped key and the last
 * user name. Call it with every database closed (a closed ObhutClient).
 *
 * The device id stays: the server knows this installation as revoked by it, and a new login from here must keep
 * being refused rather than register as a fresh device.
 */
export async function wipeDevice(options: { indexedDB?: IDBFactory; store: KeyValueStore }): Promise<WipeReport> {
  const factory = options.indexedDB ?? globalThis.indexedDB;
  // The keys first: should deleting a database fail halfway, what remains cannot be opened any more.
  const vaultRecords = removeAllVaultRecords(options.store);
  for (const key of PERSONAL_KEYS) options.store.removeItem(key);
  removeAllOutboxRecords(options.store);
  // The queue of records opened and exported here: it names record ids, and a revoked device cannot send it.
  removeKeysWithPrefix(options.store, LOCAL_EVENTS_PREFIX);
  const names = (await factory.databases())
    .map((info) => info.name)
    .filter((name): name is string => !!name && OUR_DATABASES.test(name));
  for (const name of names) await deleteDatabase(factory, name);
  return { databases: names, vaultRecords };
}

function removeKeysWithPrefix(store: KeyValueStore, prefix: string): void {
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  for (const key of keys) store.removeItem(key);
}

function deleteDatabase(factory: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
    // "blocked": a connection is still open; Dexie closes on versionchange, after which success follows.
  });
}
