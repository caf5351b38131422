/**
 * A whole IndexedDB factory as JSON and back: lets a test open a store exactly as an older version of the app left
 * it on disk (object stores, indexes, versions and raw rows), without that version's code.
 */
export type IdbSnapshot = {
  name: string;
  version: number;
  stores: {
    name: string;
    keyPath: string | string[] | null;
    autoIncrement: boolean;
    indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
    rows: { key: IDBValidKey; value: unknown }[];
  }[];
}[];

function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

export async function snapshotIndexedDb(factory: IDBFactory): Promise<IdbSnapshot> {
  const out: IdbSnapshot = [];
  for (const info of await factory.databases()) {
    const db = await done(factory.open(info.name!));
    const stores: IdbSnapshot[number]['stores'] = [];
    for (const name of Array.from(db.objectStoreNames)) {
      const store = db.transaction(name).objectStore(name);
      const indexes = Array.from(store.indexNames, (n) => {
        const index = store.index(n);
        return { name: n, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
      });
      const [keys, values] = await Promise.all([done(store.getAllKeys()), done(store.getAll())]);
      stores.push({
        name,
        keyPath: store.keyPath,
        autoIncrement: store.autoIncrement,
        indexes,
        rows: keys.map((key, i) => ({ key, value: values[i] as unknown })),
      });
    }
    out.push({ name: db.name, version: db.version, stores });
    db.close();
  }
  return out;
}

export async function restoreIndexedDb(factory: IDBFactory, snapshot: IdbSnapshot): Promise<void> {
  for (const database of snapshot) {
    const req = factory.open(database.name, database.version);
    req.onupgradeneeded = () => {
      for (const s of database.stores) {
        const store = req.result.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
        for (const i of s.indexes) store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
      }
    };
    const db = await done(req);
    for (const s of database.stores) {
      if (s.rows.length === 0) continue;
      const tx = db.transaction(s.name, 'readwrite');
      const store = tx.objectStore(s.name);
      for (const row of s.rows) store.put(row.value, s.keyPath === null ? row.key : undefined);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      });
    }
    db.close();
  }
}
