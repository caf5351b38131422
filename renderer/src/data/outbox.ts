import { BehaviorSubject, type Observable } from 'rxjs';

import {
  OUTBOX_DELIVERY_MAX_BYTES,
  type OutboxCredential,
  type OutboxDeliverRequest,
  type OutboxDeliverResponse,
  type OutboxPayload,
} from '../../../shared/sync/outbox';
import { API_PREFIX, DEVICE_HEADER } from '../../../shared/sync/protocol';
import type { Fetch } from './http';
import type { KeyValueStore } from './vault';

/**
 * The laptop's outbox of logged-out authors (docs/outbox.md). One entry per user whose changes the server has not
 * confirmed: who (name only), how many, and the changes sealed with that user's outbox credential, which only the
 * server can open. Kept beside the vault records, outside every user's database, so whoever works on the laptop
 * next can see that something waits and can hand it in.
 */
export type OutboxEntry = {
  userId: string;
  displayName: string;
  count: number;
  sealedAt: number;
  /** Until when the seal can be delivered; null: no credential, it waits for its author's next login. */
  expiresAt: number | null;
  sealed: OutboxDeliverRequest | null;
  /** Why no one else can deliver it: too large for a delivery without the author's session. */
  stranded?: 'too_large';
};

/**
 * The entry as it can be kept: a seal larger than the server reads from a delivery (OUTBOX_DELIVERY_MAX_BYTES) would
 * be refused on every try, so it is not kept; the changes wait, counted and named, for their author's next login.
 */
export function deliverable(entry: OutboxEntry): OutboxEntry {
  if (!entry.sealed) return entry;
  const bytes = new TextEncoder().encode(JSON.stringify(entry.sealed)).length;
  return bytes < OUTBOX_DELIVERY_MAX_BYTES ? entry : { ...entry, sealed: null, expiresAt: null, stranded: 'too_large' };
}

const PREFIX = 'obhut.outbox|';
const CREDENTIAL_PREFIX = 'obhut.outbox-credential|';

const registry = new WeakMap<KeyValueStore, Map<string, DeviceOutbox>>();

/** The one outbox of this store and server, shared by the app shell and every session it opens. */
export function deviceOutbox(store: KeyValueStore, serverUrl: string): DeviceOutbox {
  let byServer = registry.get(store);
  if (!byServer) registry.set(store, (byServer = new Map<string, DeviceOutbox>()));
  let outbox = byServer.get(serverUrl);
  if (!outbox) byServer.set(serverUrl, (outbox = new DeviceOutbox(store, serverUrl)));
  return outbox;
}

export class DeviceOutbox {
  private readonly subject: BehaviorSubject<OutboxEntry[]>;

  constructor(
    private readonly store: KeyValueStore,
    readonly serverUrl: string,
  ) {
    this.subject = new BehaviorSubject(this.read());
  }

  get entries$(): Observable<OutboxEntry[]> {
    return this.subject.asObservable();
  }

  get entries(): OutboxEntry[] {
    return this.subject.value;
  }

  put(entry: OutboxEntry): void {
    this.write([...this.read().filter((e) => e.userId !== entry.userId), entry]);
  }

  remove(userId: string): void {
    const all = this.read();
    if (all.some((e) => e.userId === userId)) this.write(all.filter((e) => e.userId !== userId));
  }

  /** Keeps the count visible but stops trying to deliver: only the author's next login can send these now. */
  strand(userId: string, reason?: OutboxEntry['stranded']): void {
    this.write(
      this.read().map((e) =>
        e.userId === userId ? { ...e, sealed: null, expiresAt: null, ...(reason ? { stranded: reason } : {}) } : e,
      ),
    );
  }

  private read(): OutboxEntry[] {
    try {
      const parsed: unknown = JSON.parse(this.store.getItem(PREFIX + this.serverUrl) ?? '[]');
      return Array.isArray(parsed) ? (parsed as OutboxEntry[]) : [];
    } catch {
      return [];
    }
  }

  private write(entries: OutboxEntry[]): void {
    if (entries.length === 0) this.store.removeItem(PREFIX + this.serverUrl);
    else this.store.setItem(PREFIX + this.serverUrl, JSON.stringify(entries));
    this.subject.next(entries);
  }
}

const b64 = (bytes: ArrayBuffer | Uint8Array) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
const unb64 = (text: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function aesKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

async function encrypt(key: CryptoKey, text: string): Promise<{ iv: string; ciphertext: string }> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(text));
  return { iv: b64(iv), ciphertext: b64(data) };
}

/** Seals an outbox with the credential's key: AES-256-GCM, which the server opens (server/outbox/seal.ts). */
export async function sealPayload(credential: OutboxCredential, payload: OutboxPayload): Promise<OutboxDeliverRequest> {
  const sealed = await encrypt(await aesKey(unb64(credential.key)), JSON.stringify(payload));
  return { token: credential.token, ...sealed };
}

/**
 * The credential itself stays on the laptop only inside the user's vault: encrypted with a key derived from the
 * user's database key, which exists only while that user is logged in.
 */
export class CredentialKeeper {
  constructor(
    private readonly store: KeyValueStore,
    serverUrl: string,
    userId: string,
    private readonly databaseKey: string,
  ) {
    this.name = `${CREDENTIAL_PREFIX}${serverUrl}|${userId}`;
  }

  private readonly name: string;

  private async wrappingKey(): Promise<CryptoKey> {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`obhut-outbox|${this.databaseKey}`));
    return aesKey(new Uint8Array(digest));
  }

  async load(now: number): Promise<OutboxCredential | null> {
    const stored = this.store.getItem(this.name);
    if (!stored) return null;
    try {
      const { iv, ciphertext } = JSON.parse(stored) as { iv: string; ciphertext: string };
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: unb64(iv) },
        await this.wrappingKey(),
        unb64(ciphertext),
      );
      const credential = JSON.parse(new TextDecoder().decode(plain)) as OutboxCredential;
      return credential.expiresAt > now ? credential : null;
    } catch {
      return null;
    }
  }

  async save(credential: OutboxCredential): Promise<void> {
    this.store.setItem(this.name, JSON.stringify(await encrypt(await this.wrappingKey(), JSON.stringify(credential))));
  }
}

export type DeliveryOptions = {
  outbox: DeviceOutbox;
  deviceId: string;
  fetch?: Fetch;
  /** The user logged in now: that session's own replication sends its changes. */
  skipUserId?: string | null;
  now?: () => number;
};

/**
 * Hands in every sealed outbox of other users. Delivered or superseded: the entry goes. Refused for good (the
 * credential expired or was replaced, the seal does not open): the entry stays, as waiting for its author's
 * login. Unreachable: it stays as it is, for the next try.
 */
export async function deliverOutboxes(options: DeliveryOptions): Promise<number> {
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const now = (options.now ?? Date.now)();
  let delivered = 0;
  for (const entry of options.outbox.entries) {
    if (!entry.sealed || entry.userId === options.skipUserId) continue;
    if (entry.expiresAt !== null && entry.expiresAt <= now) {
      options.outbox.strand(entry.userId);
      continue;
    }
    let res: Response;
    try {
      res = await fetchFn(`${options.outbox.serverUrl}${API_PREFIX}/outbox/deliver`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', [DEVICE_HEADER]: options.deviceId },
        body: JSON.stringify(entry.sealed),
        cache: 'no-store',
      });
    } catch {
      return delivered;
    }
    // The entry may have been replaced meanwhile (its author sealed again): only this seal is settled.
    const current = options.outbox.entries.find((e) => e.userId === entry.userId);
    if (current?.sealedAt !== entry.sealedAt) continue;
    if (res.ok) {
      (await res.json()) as OutboxDeliverResponse;
      options.outbox.remove(entry.userId);
      delivered++;
    } else if (res.status === 409) {
      options.outbox.remove(entry.userId);
    } else if (res.status === 400 || res.status === 401 || res.status === 403) {
      options.outbox.strand(entry.userId);
    } else if (res.status === 413) {
      // Sealed by an app that did not know the limit: the same seal would be refused on every try.
      options.outbox.strand(entry.userId, 'too_large');
    }
  }
  return delivered;
}

/** For the wipe of a revoked device: every outbox and credential of every user (their server refuses them now). */
export function removeAllOutboxRecords(store: KeyValueStore): number {
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(PREFIX) || key?.startsWith(CREDENTIAL_PREFIX)) keys.push(key);
  }
  for (const key of keys) store.removeItem(key);
  return keys.length;
}
