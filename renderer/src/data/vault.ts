import type { KeystoreResult } from '../../../shared/ipc';
import type { SessionUser } from '../../../shared/sync/protocol';

/**
 * What a device keeps about a user between sessions, so that the worker can unlock the local database with the
 * password while offline. The database key is random per user and device; at rest it exists only wrapped
 * (AES-GCM) with a key derived from the password (PBKDF2-SHA256), and in the desktop app that wrapped key is
 * wrapped once more by the OS keystore (safeStorage), so the record alone, copied off the disk, is not enough
 * to start guessing passwords. The server token is never stored: after an offline unlock the client logs in
 * again with the password once the server answers.
 *
 * Web Crypto instead of crypto-js here: PBKDF2 at a sensible iteration count takes seconds in crypto-js and a
 * fraction of one natively (Chromium, Electron and Node 20 all have `crypto.subtle`).
 */
export type KeyValueStore = {
  getItem: (key: string) => string | null;
  setItem: (key: string, value: string) => void;
  removeItem: (key: string) => void;
  /** Enumeration, as localStorage has it: the wipe after a revocation removes every record. */
  readonly length: number;
  key: (index: number) => string | null;
};

export type VaultRecord = {
  version: 1;
  user: SessionUser;
  kdf: { name: 'PBKDF2-SHA256'; iterations: number; salt: string };
  iv: string;
  /** Base64 of the AES-GCM ciphertext; with `osProtected`, that text wrapped by the OS keystore. */
  wrappedKey: string;
  osProtected?: true;
};

/** OWASP's figure for PBKDF2-HMAC-SHA256 (2023); records below it are re-wrapped at the next unlock. */
export const PBKDF2_ITERATIONS = 600_000;

/** The OS keystore of the desktop app (electron/keystore.ts over IPC); null in the browser. */
export type SecretKeeper = {
  protect: (plain: string) => Promise<KeystoreResult>;
  unprotect: (wrapped: string) => Promise<KeystoreResult>;
};

export function osKeystore(
  bridge: Window['obhut'] = typeof window !== 'undefined' ? window.obhut : undefined,
): SecretKeeper | null {
  const protect = bridge?.protectSecret;
  const unprotect = bridge?.unprotectSecret;
  if (!protect || !unprotect) return null;
  return { protect: (plain) => protect(plain), unprotect: (wrapped) => unprotect(wrapped) };
}

export type VaultOptions = {
  iterations?: number;
  /** Where present, every record is stored OS-wrapped, and a refusal of the keystore refuses the unlock. */
  keystore?: SecretKeeper | null;
};

export const VAULT_PREFIX = 'obhut.vault.v1:';

export function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
    get length() {
      return map.size;
    },
    key: (index) => [...map.keys()][index] ?? null,
  };
}

function recordKey(serverUrl: string, username: string): string {
  return `${VAULT_PREFIX}${serverUrl}:${username.trim().toLowerCase()}`;
}

export function readVaultRecord(store: KeyValueStore, serverUrl: string, username: string): VaultRecord | null {
  const text = store.getItem(recordKey(serverUrl, username));
  if (!text) return null;
  try {
    const record = JSON.parse(text) as VaultRecord;
    return record.version === 1 ? record : null;
  } catch {
    return null;
  }
}

/** Thrown when the password does not open the stored key (wrong password or a password changed on the server). */
export class VaultLockedError extends Error {
  constructor() {
    super('The password does not unlock the local key');
    this.name = 'VaultLockedError';
  }
}

/** The OS keystore refused (it would keep the key in plain text) or could not read the stored key. German text. */
export class KeystoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeystoreError';
  }
}

async function kept(result: Promise<KeystoreResult>): Promise<string> {
  const r = await result;
  if (!r.ok) throw new KeystoreError(r.message);
  return r.value;
}

export async function unlockVault(
  record: VaultRecord,
  password: string,
  keystore: SecretKeeper | null = null,
): Promise<string> {
  let wrapped = record.wrappedKey;
  if (record.osProtected) {
    if (!keystore) throw new VaultLockedError();
    wrapped = await kept(keystore.unprotect(wrapped));
  }
  const kek = await deriveKek(password, fromBase64(record.kdf.salt), record.kdf.iterations);
  try {
    const raw = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(record.iv) }, kek, fromBase64(wrapped));
    return new TextDecoder().decode(raw);
  } catch {
    throw new VaultLockedError();
  }
}

/** A record written under an older rule: fewer iterations, or not OS-wrapped where a keystore is there now. */
function isOutdated(record: VaultRecord, options: VaultOptions): boolean {
  return (
    record.kdf.iterations < (options.iterations ?? PBKDF2_ITERATIONS) || (!!options.keystore && !record.osProtected)
  );
}

/**
 * Opens the stored record with the password (offline unlock, or online once the server accepted the password)
 * and brings it up to the current rule, re-wrapping the same key. Returns the database key.
 */
export async function unlockStoredVault(
  store: KeyValueStore,
  serverUrl: string,
  record: VaultRecord,
  password: string,
  options: VaultOptions = {},
  user: SessionUser = record.user,
): Promise<string> {
  const key = await unlockVault(record, password, options.keystore ?? null);
  if (isOutdated(record, options)) await storeVault(store, serverUrl, user, key, password, options);
  else if (user !== record.user)
    store.setItem(recordKey(serverUrl, user.username), JSON.stringify({ ...record, user }));
  return key;
}

/**
 * Returns the database key for this user on this device: unwrapped from the stored record, or created and stored
 * on the first online login. The profile in the record is refreshed on every online login.
 */
export async function openOrCreateVault(
  store: KeyValueStore,
  serverUrl: string,
  user: SessionUser,
  password: string,
  options: VaultOptions = {},
): Promise<string> {
  const existing = readVaultRecord(store, serverUrl, user.username);
  if (existing && existing.user.id === user.id) {
    return unlockStoredVault(store, serverUrl, existing, password, options, user);
  }
  const key = toHex(crypto.getRandomValues(new Uint8Array(32)));
  await storeVault(store, serverUrl, user, key, password, options);
  return key;
}

/** Wraps `key` with `password` and stores it (also used to re-wrap after the password changed on the server). */
export async function storeVault(
  store: KeyValueStore,
  serverUrl: string,
  user: SessionUser,
  key: string,
  password: string,
  options: VaultOptions = {},
): Promise<void> {
  const iterations = options.iterations ?? PBKDF2_ITERATIONS;
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const kek = await deriveKek(password, salt, iterations);
  const encrypted = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, kek, new TextEncoder().encode(key));
  let wrappedKey = toBase64(new Uint8Array(encrypted));
  // Refused before anything is written: a record the OS would keep in plain text is not written at all.
  if (options.keystore) wrappedKey = await kept(options.keystore.protect(wrappedKey));
  const record: VaultRecord = {
    version: 1,
    user,
    kdf: { name: 'PBKDF2-SHA256', iterations, salt: toBase64(salt) },
    iv: toBase64(iv),
    wrappedKey,
    ...(options.keystore ? { osProtected: true as const } : {}),
  };
  store.setItem(recordKey(serverUrl, user.username), JSON.stringify(record));
}

/** Removes every vault record of this device (all users, all servers): the device was revoked. */
export function removeAllVaultRecords(store: KeyValueStore): number {
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(VAULT_PREFIX)) keys.push(key);
  }
  for (const key of keys) store.removeItem(key);
  return keys.length;
}

async function deriveKek(password: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
