import {
  type BulkWriteRow,
  createRevision,
  type EventBulk,
  fillWithDefaultSettings,
  getChangedDocumentsSince,
  getPrimaryFieldOfPrimaryKey,
  getQueryMatcher,
  getSortComparator,
  INTERNAL_STORAGE_NAME,
  type MangoQuerySelector,
  now,
  type PreparedQuery,
  type RxDocumentData,
  type RxJsonSchema,
  type RxStorage,
  type RxStorageBulkWriteResponse,
  type RxStorageChangeEvent,
  type RxStorageInstance,
  type RxStorageInstanceCreationParams,
  type RxStorageWriteError,
} from 'rxdb';
import { BehaviorSubject, concatMap, filter, firstValueFrom, Subject, tap } from 'rxjs';

import { openLegacyFields } from './migrations/crypto-js-fields';

/**
 * Our encryption of the local store, a storage wrapper on RxDB's free wrapper pattern (RxDB's own WebCrypto plugin
 * is premium; the crypto-js plugin it replaces derived a key and decrypted every field of every document on every
 * read, and had no integrity check).
 *
 * - AES-256-GCM (WebCrypto): a changed byte is an error, never a garbled value.
 * - One non-extractable key per database password (the unwrapped database key), derived once per storage with
 *   HKDF, never per document.
 * - One ciphertext per document: every field that no index needs goes into `sealed`; only the primary key, the
 *   fields of the schema's indexes and RxDB's own `_` fields stay clear. This is a rule, not a list, so a new
 *   collection or a new field is sealed without code here; the schema's `encrypted` list is not consulted
 *   (except to read stores written by the crypto-js plugin).
 * - The ciphertext is bound to its collection and id (additional data), so a sealed value copied onto another
 *   record does not open.
 * - A session cache of what was decrypted, keyed by the ciphertext itself: a document is decrypted once per
 *   session, and any write (local or by sync) makes a new ciphertext and so a new entry.
 */
export const SEALED_FIELD = 'sealed';

/** RxDB's name of a local documents' store is this and its collection's name (empty for the database's own). */
const LOCAL_DOCUMENTS_PREFIX = 'plugin-local-documents-';

/** A stored document whose ciphertext does not open: changed on disk, or copied from another record. */
export class DamagedRecordError extends Error {
  readonly code = 'record_damaged';
  constructor(
    readonly collection: string,
    readonly documentId: string,
  ) {
    super(`The stored record ${collection}/${documentId} is damaged: its encryption does not verify`);
    this.name = 'DamagedRecordError';
  }
}

export type StoreUpgradeProgress = { collection: string; done: number; total: number };

export type SealedStorageOptions = {
  /**
   * Called after each batch of documents rewritten from the crypto-js format (first open after the update); the
   * upgrade waits for a returned promise, so the batch just written is on disk while it runs.
   */
  onUpgradeProgress?: (progress: StoreUpgradeProgress) => void | Promise<void>;
  /** Documents per transaction of that rewrite. */
  upgradeBatchSize?: number;
  /** Called for each damaged record a query skipped (the query returns the rest). */
  onDamagedRecord?: (error: DamagedRecordError) => void;
};

type Doc = Record<string, unknown>;
type Instance<Internals, Options> = RxStorageInstance<Doc, Internals, Options>;

const HKDF_INFO = new TextEncoder().encode('obhut local store AES-256-GCM v1');
const IV_BYTES = 12;
const DEFAULT_UPGRADE_BATCH = 500;

async function importStoreKey(password: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'HKDF', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: HKDF_INFO },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  // Chunks keep String.fromCharCode's argument list short and the loop out of per-byte string concatenation.
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The top-level fields a selector or sort refers to. */
function referencedFields(selector: MangoQuerySelector<Doc>, out = new Set<string>()): Set<string> {
  for (const [key, value] of Object.entries(selector)) {
    if (!key.startsWith('$')) out.add(key.split('.')[0]);
    else if (Array.isArray(value)) for (const part of value) referencedFields(part as MangoQuerySelector<Doc>, out);
    else if (value && typeof value === 'object') referencedFields(value, out);
  }
  return out;
}

/** The fields stored in clear besides RxDB's `_` fields: the primary key and every field of an index. */
export function clearFields(schema: Pick<RxJsonSchema<RxDocumentData<Doc>>, 'primaryKey' | 'indexes'>): Set<string> {
  const primaryPath: string = getPrimaryFieldOfPrimaryKey<RxDocumentData<Doc>>(schema.primaryKey);
  return new Set([primaryPath, ...(schema.indexes ?? []).flat().map((f) => f.split('.')[0])]);
}

export function wrappedSealedStorage<Internals, Options>(args: {
  storage: RxStorage<Internals, Options>;
  options?: SealedStorageOptions;
}): RxStorage<Internals, Options> {
  const keys = new Map<string, Promise<CryptoKey>>();
  /** The password each database was opened with, for the stores RxDB creates without one. */
  const passwords = new Map<string, string>();
  const options = args.options ?? {};
  return {
    ...args.storage,
    async createStorageInstance<RxDocType>(params: RxStorageInstanceCreationParams<RxDocType, Options>) {
      const given = params.password as string | undefined;
      if (given !== undefined) passwords.set(params.databaseName, given);
      // RxDB opens the local documents' store (pending marks, sync log, removed copies) without the password; they
      // are sealed with the database's like the collections. RxDB creates it only after the internal store, which
      // always gets the password.
      const password =
        given ??
        (params.collectionName.startsWith(LOCAL_DOCUMENTS_PREFIX) ? passwords.get(params.databaseName) : undefined);
      // RxDB's own bookkeeping (schemas, the password's hash) must be readable before the password is checked.
      if (password === undefined || params.collectionName === INTERNAL_STORAGE_NAME) {
        return args.storage.createStorageInstance(params);
      }
      let key = keys.get(password);
      if (!key) keys.set(password, (key = importStoreKey(password)));
      const instance = await sealInstance(
        args.storage,
        { ...params, password } as unknown as RxStorageInstanceCreationParams<Doc, Options>,
        await key,
        options,
      );
      return instance as unknown as RxStorageInstance<RxDocType, Internals, Options>;
    },
  };
}

async function sealInstance<Internals, Options>(
  storage: RxStorage<Internals, Options>,
  params: RxStorageInstanceCreationParams<Doc, Options>,
  key: CryptoKey,
  options: SealedStorageOptions,
): Promise<Instance<Internals, Options>> {
  const schema = params.schema;
  const primaryPath: string = getPrimaryFieldOfPrimaryKey<RxDocumentData<Doc>>(schema.primaryKey);
  const clear = clearFields(schema);
  const isClear = (field: string) => clear.has(field) || field.startsWith('_');
  if (Object.hasOwn(schema.properties, SEALED_FIELD)) {
    throw new Error(`${params.collectionName}: the field name "${SEALED_FIELD}" is reserved for the ciphertext`);
  }

  const properties: Record<string, unknown> = { [SEALED_FIELD]: { type: 'string' } };
  for (const [field, definition] of Object.entries(schema.properties))
    if (isClear(field)) properties[field] = definition;
  const storedSchema = {
    ...schema,
    properties,
    required: [...(schema.required ?? []).filter((f) => isClear(f)), SEALED_FIELD],
  } as RxJsonSchema<RxDocumentData<Doc>>;
  delete storedSchema.encrypted;
  const inner = (await storage.createStorageInstance({ ...params, schema: storedSchema })) as Instance<
    Internals,
    Options
  >;

  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const additionalData = (id: string) => encoder.encode(`${params.collectionName}\u0000${id}`);
  /** Decrypted fields by id, valid while the stored ciphertext is the one they came from. */
  const cache = new Map<string, { sealed: string; fields: Doc }>();
  /** What we handed down to the storage -> what RxDB gave us, so our own change events need no decryption. */
  const written = new WeakMap<object, RxDocumentData<Doc>>();

  async function seal(doc: RxDocumentData<Doc>): Promise<RxDocumentData<Doc>> {
    const stored: Doc = {};
    const fields: Doc = {};
    for (const [field, value] of Object.entries(doc)) (isClear(field) ? stored : fields)[field] = value;
    const id = doc[primaryPath] as string;
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const cipher = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: additionalData(id) },
      key,
      encoder.encode(JSON.stringify(fields)),
    );
    const bytes = new Uint8Array(IV_BYTES + cipher.byteLength);
    bytes.set(iv);
    bytes.set(new Uint8Array(cipher), IV_BYTES);
    const sealed = toBase64(bytes);
    stored[SEALED_FIELD] = sealed;
    cache.set(id, { sealed, fields });
    written.set(stored, doc);
    return stored as RxDocumentData<Doc>;
  }

  async function open(stored: RxDocumentData<Doc>): Promise<RxDocumentData<Doc>> {
    const original = written.get(stored);
    if (original) return original;
    const id = stored[primaryPath] as string;
    const sealed = stored[SEALED_FIELD];
    if (typeof sealed !== 'string') throw new DamagedRecordError(params.collectionName, id);
    let fields = cache.get(id)?.sealed === sealed ? cache.get(id)!.fields : undefined;
    if (!fields) {
      try {
        const bytes = fromBase64(sealed);
        const plain = await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: bytes.subarray(0, IV_BYTES), additionalData: additionalData(id) },
          key,
          bytes.subarray(IV_BYTES),
        );
        fields = JSON.parse(decoder.decode(plain)) as Doc;
      } catch {
        throw new DamagedRecordError(params.collectionName, id);
      }
      cache.set(id, { sealed, fields });
    }
    const doc: Doc = { ...fields };
    for (const [field, value] of Object.entries(stored)) if (field !== SEALED_FIELD) doc[field] = value;
    return doc as RxDocumentData<Doc>;
  }

  /** For lists: a damaged record is reported and left out, the others are returned. */
  async function openAll(stored: RxDocumentData<Doc>[]): Promise<RxDocumentData<Doc>[]> {
    const opened = await Promise.allSettled(stored.map(open));
    const out: RxDocumentData<Doc>[] = [];
    for (const result of opened) {
      if (result.status === 'fulfilled') out.push(result.value);
      else if (result.reason instanceof DamagedRecordError) options.onDamagedRecord?.(result.reason);
      else throw result.reason;
    }
    return out;
  }

  /** Queries on sealed fields: the clear part narrows the rows in IndexedDB, the rest is matched after opening. */
  async function queryOpened(prepared: PreparedQuery<Doc>): Promise<RxDocumentData<Doc>[]> {
    const query = prepared.query;
    const fields = referencedFields(query.selector);
    for (const part of query.sort) for (const field of Object.keys(part)) fields.add(field.split('.')[0]);
    if ([...fields].every(isClear)) return openAll((await inner.query(prepared)).documents);

    const narrowed: Doc = {};
    for (const [field, condition] of Object.entries(query.selector)) {
      if (!field.startsWith('$') && isClear(field.split('.')[0])) narrowed[field] = condition;
      else if (field === '$and') {
        const clearParts = (condition as MangoQuerySelector<Doc>[]).filter((p) =>
          [...referencedFields(p)].every(isClear),
        );
        if (clearParts.length) narrowed.$and = clearParts;
      }
    }
    const { documents } = await inner.query({
      query: { selector: narrowed, sort: [{ [primaryPath]: 'asc' }], skip: 0 },
      queryPlan: { ...prepared.queryPlan, selectorSatisfiedByIndex: false, sortSatisfiedByIndex: false },
    });
    const matches = getQueryMatcher(schema, query);
    const all = (await openAll(documents)).filter((doc) => matches(doc));
    all.sort(getSortComparator(schema, query));
    const skip = query.skip ?? 0;
    return all.slice(skip, query.limit === undefined ? undefined : skip + query.limit);
  }

  async function errorOpened(error: RxStorageWriteError<Doc>): Promise<RxStorageWriteError<Doc>> {
    const writeRow = {
      document: written.get(error.writeRow.document) ?? (await open(error.writeRow.document)),
      previous: error.writeRow.previous && (written.get(error.writeRow.previous) ?? error.writeRow.previous),
    };
    if ('documentInDb' in error && error.documentInDb) {
      return { ...error, writeRow, documentInDb: await open(error.documentInDb) };
    }
    return { ...error, writeRow };
  }

  await upgradeOnce(storage, params, () => upgradeCryptoJsDocuments(inner, params, seal, options));

  const processing$ = new BehaviorSubject(0);
  const changes$ = new Subject<EventBulk<RxStorageChangeEvent<RxDocumentData<Doc>>, unknown>>();
  const subscription = inner
    .changeStream()
    .pipe(
      tap(() => processing$.next(processing$.value + 1)),
      concatMap(async (bulk) => ({
        ...bulk,
        events: await Promise.all(
          bulk.events.map(async (event) => ({
            ...event,
            documentData: await open(event.documentData),
            previousDocumentData: event.previousDocumentData && (await open(event.previousDocumentData)),
          })),
        ),
      })),
      tap(() => processing$.next(processing$.value - 1)),
    )
    .subscribe(changes$);

  return {
    databaseName: inner.databaseName,
    internals: inner.internals,
    options: inner.options,
    schema,
    collectionName: inner.collectionName,
    cleanup: (minimumDeletedTime) => inner.cleanup(minimumDeletedTime),
    async close() {
      subscription.unsubscribe();
      cache.clear();
      await inner.close();
    },
    async remove() {
      subscription.unsubscribe();
      cache.clear();
      await inner.remove();
    },
    async bulkWrite(rows: BulkWriteRow<Doc>[], context: string): Promise<RxStorageBulkWriteResponse<Doc>> {
      // The storage compares only `_rev` and `_deleted` of `previous`: it gets the clear part, not a new ciphertext.
      const sealedRows = await Promise.all(
        rows.map(async (row) => {
          const document = await seal(row.document);
          if (!row.previous) return { document };
          const previous: Doc = {};
          for (const [field, value] of Object.entries(row.previous)) if (isClear(field)) previous[field] = value;
          written.set(previous, row.previous);
          return { document, previous: previous as RxDocumentData<Doc> };
        }),
      );
      const result = await inner.bulkWrite(sealedRows, context);
      const error = await Promise.all(result.error.map(errorOpened));
      // As RxDB requires: every change event of this write is out before the write resolves.
      await firstValueFrom(processing$.pipe(filter((n) => n === 0)));
      return { error };
    },
    async query(prepared) {
      return { documents: await queryOpened(prepared) };
    },
    async count(prepared) {
      const fields = referencedFields(prepared.query.selector);
      if ([...fields].every(isClear)) return inner.count(prepared);
      return { count: (await queryOpened(prepared)).length, mode: 'slow' };
    },
    async findDocumentsById(ids, withDeleted) {
      // Asked for by id: a damaged one is an error naming it.
      return Promise.all((await inner.findDocumentsById(ids, withDeleted)).map(open));
    },
    getAttachmentData: (documentId, attachmentId, digest) => inner.getAttachmentData(documentId, attachmentId, digest),
    changeStream: () => changes$.asObservable(),
  };
}

/**
 * Where a store notes, per collection and schema version, that the upgrade below found nothing to rewrite:
 * finding that out means reading every stored document, which made each unlock read the whole store (at 10,000
 * intakes most of the time from unlock to the first list, issue 14). Only collection names and versions are in
 * it; it is an IndexedDB database of the store like the others (`rxdb-dexie-<db>--0--obhut-sealed-format`), so
 * wiping the device removes it with them.
 */
const FORMAT_COLLECTION = 'obhut-sealed-format';
const FORMAT_SCHEMA = fillWithDefaultSettings<{ id: string }>({
  version: 0,
  type: 'object',
  primaryKey: 'id',
  properties: { id: { type: 'string', maxLength: 200 } },
  required: ['id'],
});

async function upgradeOnce<Internals, Options>(
  storage: RxStorage<Internals, Options>,
  params: RxStorageInstanceCreationParams<Doc, Options>,
  upgrade: () => Promise<number>,
): Promise<void> {
  const record = await storage.createStorageInstance<{ id: string }>({
    databaseInstanceToken: params.databaseInstanceToken,
    databaseName: params.databaseName,
    collectionName: FORMAT_COLLECTION,
    schema: FORMAT_SCHEMA,
    options: params.options,
    multiInstance: params.multiInstance,
    devMode: params.devMode,
  });
  try {
    const id = `${params.collectionName}--${params.schema.version}`;
    if ((await record.findDocumentsById([id], false)).length > 0) return;
    // Noted only when a whole pass found nothing to rewrite: after a pass that rewrote documents the next open looks
    // once more, so no order in which the stores' databases reach the disk can hide an old row behind the note.
    if ((await upgrade()) > 0) return;
    const document = {
      id,
      _deleted: false,
      _rev: createRevision(params.databaseInstanceToken),
      _meta: { lwt: now() },
      _attachments: {},
    };
    await record.bulkWrite([{ document }], FORMAT_COLLECTION);
  } finally {
    await record.close();
  }
}

/**
 * First open after the update: documents the crypto-js plugin wrote (no `sealed` field; the schema's `encrypted`
 * fields as crypto-js text) are rewritten in our format, one transaction per batch, in the order of the storage's
 * change index. Each batch is complete on disk before the next starts, so an interrupted upgrade goes on where it
 * stopped at the next open; the revision and the replication's change time are kept, so nothing is pushed again.
 */
async function upgradeCryptoJsDocuments<Internals, Options>(
  inner: Instance<Internals, Options>,
  params: RxStorageInstanceCreationParams<Doc, Options>,
  seal: (doc: RxDocumentData<Doc>) => Promise<RxDocumentData<Doc>>,
  options: SealedStorageOptions,
): Promise<number> {
  const batchSize = options.upgradeBatchSize ?? DEFAULT_UPGRADE_BATCH;
  let checkpoint: unknown;
  let total: number | undefined;
  let done = 0;
  for (;;) {
    const page = await getChangedDocumentsSince(inner, batchSize, checkpoint);
    const legacy = page.documents.filter((doc) => typeof doc[SEALED_FIELD] !== 'string');
    if (legacy.length > 0) {
      total ??= await countAll(inner);
      const rows = await Promise.all(
        legacy.map(async (doc) => ({
          previous: doc,
          document: await seal(openLegacyFields(doc, params.schema.encrypted ?? [], params.password as string)),
        })),
      );
      const result = await inner.bulkWrite(rows, 'obhut-store-upgrade');
      if (result.error.length > 0) {
        throw new Error(`${params.collectionName}: upgrade of the local store failed (${result.error[0].status})`);
      }
      done += legacy.length;
      await options.onUpgradeProgress?.({ collection: params.collectionName, done, total });
    }
    if (page.documents.length < batchSize) return done;
    checkpoint = page.checkpoint;
  }
}

async function countAll<Internals, Options>(inner: Instance<Internals, Options>): Promise<number> {
  let count = 0;
  let checkpoint: unknown;
  for (;;) {
    const page = await getChangedDocumentsSince(inner, 1000, checkpoint);
    count += page.documents.filter((doc) => typeof doc[SEALED_FIELD] !== 'string').length;
    if (page.documents.length < 1000) return count;
    checkpoint = page.checkpoint;
  }
}
