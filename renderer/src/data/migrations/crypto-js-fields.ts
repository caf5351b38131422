import type { RxDocumentData } from 'rxdb';
import { decryptString } from 'rxdb/plugins/encryption-crypto-js';

/**
 * Reads a document as RxDB's crypto-js plugin stored it until the switch to our sealed storage: each field of the
 * schema's `encrypted` list is crypto-js AES text of its JSON. Only the upgrade of old stores uses this (and so
 * crypto-js stays a dependency). A value that does not decrypt to JSON stops the upgrade instead of storing garbage.
 */
export function openLegacyFields<T extends Record<string, unknown>>(
  stored: RxDocumentData<T>,
  encrypted: readonly string[],
  password: string,
): RxDocumentData<T> {
  const doc: Record<string, unknown> = { ...stored };
  for (const field of encrypted) {
    const value = doc[field];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new Error(`The stored field ${field} is not crypto-js text`);
    doc[field] = JSON.parse(decryptString(value, password));
  }
  return doc as RxDocumentData<T>;
}
