/** Changes the stored rows of one collection in place, past RxDB and the wrapper (as someone with the disk could). */
export async function editRows(
  factory: IDBFactory,
  collection: string,
  edit: (rows: Map<string, Record<string, string>>) => void,
) {
  const info = (await factory.databases()).find((d) => d.name!.endsWith(`--${collection}`))!;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = factory.open(info.name!);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
  const store = db.transaction('docs', 'readwrite').objectStore('docs');
  const rows = await new Promise<Record<string, string>[]>((resolve) => {
    const req = store.getAll();
    req.onsuccess = () => resolve(req.result as Record<string, string>[]);
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  edit(byId);
  for (const row of byId.values()) store.put(row);
  await new Promise((resolve) => (store.transaction.oncomplete = resolve));
  db.close();
}

/** Flips one bit of a stored record's ciphertext (sealed-storage.ts), as a failing disk or a meddler would. */
export function flipCiphertextBit(row: Record<string, string>, field: string): void {
  const bytes = Uint8Array.from(atob(row[field]), (c) => c.charCodeAt(0));
  bytes[40] ^= 0x01;
  row[field] = btoa(String.fromCharCode(...bytes));
}
