import {
  type DexieSettings,
  type DexieStorageInternals,
  type FilledMangoQuery,
  getPrimaryFieldOfPrimaryKey,
  getQueryMatcher,
  getSchemaByObjectPath,
  getSortComparator,
  type RxDocumentData,
  type RxJsonSchema,
  type RxStorage,
  type RxStorageInstance,
  type RxStorageInstanceCreationParams,
  type RxStorageQueryResult,
} from 'rxdb';
import { DEXIE_DOCS_TABLE_NAME, dexieReplaceIfStartsWithPipe, fromDexieToStorage } from 'rxdb/plugins/storage-dexie';

/**
 * "The newest 50" without reading every row: RxDB's query planner never lets a descending sort use an index
 * (IndexedDB indexes are ascending), so the Dexie storage reads the whole range and sorts it in memory - at 10,000
 * intakes half a second for 50 rows (issue 14). IndexedDB can walk an index backwards, though. This wrapper answers
 * a query with a limit whose sort is descending on the fields that follow an index's leading fields, where each
 * leading field has few possible values (fixed by the selector, or a boolean or enum like `_deleted`, `officeId`,
 * `status`): one backward walk per combination of those values, each stopping after skip + limit matches (plus
 * rows that tie with the last), then the usual sort over what was collected. Every other query goes to Dexie.
 */
type Doc = Record<string, unknown>;
type Key = string | number;
type Instance = RxStorageInstance<Doc, DexieStorageInternals, DexieSettings>;
type Plan = { indexName: string; prefixes: Key[][]; sortFields: string[] };

/** More combinations than this are not worth separate walks. */
const MAX_WALKS = 32;

export function wrappedNewestFirstStorage(
  storage: RxStorage<DexieStorageInternals, DexieSettings>,
): RxStorage<DexieStorageInternals, DexieSettings> {
  return {
    ...storage,
    async createStorageInstance<RxDocType>(params: RxStorageInstanceCreationParams<RxDocType, DexieSettings>) {
      const inner = (await storage.createStorageInstance(params)) as unknown as Instance;
      const wrapped: Instance = {
        databaseName: inner.databaseName,
        internals: inner.internals,
        options: inner.options,
        schema: inner.schema,
        collectionName: inner.collectionName,
        bulkWrite: (rows, context) => inner.bulkWrite(rows, context),
        findDocumentsById: (ids, withDeleted) => inner.findDocumentsById(ids, withDeleted),
        query: (prepared) => {
          const plan = backwardPlan(inner.schema, prepared.query);
          return plan ? walkBackwards(inner, prepared.query, plan) : inner.query(prepared);
        },
        count: (prepared) => inner.count(prepared),
        getAttachmentData: (documentId, attachmentId, digest) =>
          inner.getAttachmentData(documentId, attachmentId, digest),
        changeStream: () => inner.changeStream(),
        cleanup: (minimumDeletedTime) => inner.cleanup(minimumDeletedTime),
        close: () => inner.close(),
        remove: () => inner.remove(),
      };
      return wrapped as unknown as RxStorageInstance<RxDocType, DexieStorageInternals, DexieSettings>;
    },
  };
}

/** The values a leading index field can have in the rows the selector matches; null when too many to walk. */
function valuesOf(schema: RxJsonSchema<RxDocumentData<Doc>>, query: FilledMangoQuery<Doc>, field: string) {
  const condition = (query.selector as Record<string, unknown>)[field];
  if (condition !== null && typeof condition === 'object') {
    const c = condition as Record<string, unknown>;
    if ('$eq' in c) return [c.$eq];
    if (Array.isArray(c.$in)) return c.$in as unknown[];
  }
  const part = getSchemaByObjectPath(schema, field) as { type?: unknown; enum?: unknown[] } | undefined;
  if (part?.type === 'boolean') return [false, true];
  if (Array.isArray(part?.enum)) return part.enum;
  return null;
}

/** The backward walks that answer the query, or null when no index fits it. */
export function backwardPlan(schema: RxJsonSchema<RxDocumentData<Doc>>, query: FilledMangoQuery<Doc>): Plan | null {
  if (query.limit === undefined || query.selector.$or || query.selector.$nor) return null;
  const primaryPath: string = getPrimaryFieldOfPrimaryKey(schema.primaryKey);
  const sort = query.sort.map((part) => Object.entries(part)[0] as [string, 'asc' | 'desc']);
  // The primary key last only breaks ties: rows that tie are collected whole and sorted.
  if (sort.length > 1 && sort[sort.length - 1][0] === primaryPath) sort.pop();
  if (sort.length === 0 || sort.some(([, direction]) => direction !== 'desc')) return null;
  const sortFields = sort.map(([field]) => field);

  let best: Plan | null = null;
  for (const raw of schema.indexes ?? []) {
    const index = typeof raw === 'string' ? [raw] : [...raw];
    const at = index.indexOf(sortFields[0]);
    if (at < 0 || sortFields.some((field, i) => index[at + i] !== field)) continue;
    let prefixes: unknown[][] = [[]];
    for (const field of index.slice(0, at)) {
      const values = valuesOf(schema, query, field);
      if (!values) {
        prefixes = [];
        break;
      }
      prefixes = prefixes.flatMap((prefix) => values.map((value) => [...prefix, value]));
      if (prefixes.length > MAX_WALKS) break;
    }
    if (prefixes.length === 0 || prefixes.length > MAX_WALKS) continue;
    if (best && best.prefixes.length <= prefixes.length) continue;
    const keys = prefixes.map((prefix) =>
      prefix.map((value) => (typeof value === 'boolean' ? (value ? '1' : '0') : value)),
    );
    if (keys.some((key) => key.some((value) => typeof value !== 'string' && typeof value !== 'number'))) continue;
    best = {
      indexName: `[${index.map(dexieReplaceIfStartsWithPipe).join('+')}]`,
      prefixes: keys as Key[][],
      sortFields,
    };
  }
  return best;
}

async function walkBackwards(
  instance: Instance,
  query: FilledMangoQuery<Doc>,
  plan: Plan,
): Promise<RxStorageQueryResult<Doc>> {
  const state = await instance.internals;
  const matches = getQueryMatcher(instance.schema, query);
  const skip = query.skip ?? 0;
  const wanted = skip + query.limit!;
  const sameGroup = (a: Doc, b: Doc) => plan.sortFields.every((field) => a[field] === b[field]);
  const rows: RxDocumentData<Doc>[] = [];
  if (wanted > 0) {
    await state.dexieDb.transaction('r', state.dexieTable, async (dexieTx: unknown) => {
      // Dexie's own API has no backward cursor over a compound index range with an early stop; the native one has.
      const tx = (dexieTx as { idbtrans: IDBTransaction }).idbtrans;
      const index = tx.objectStore(DEXIE_DOCS_TABLE_NAME).index(plan.indexName);
      const range =
        (state.dexieDb as unknown as { _options: { IDBKeyRange?: typeof IDBKeyRange } })._options.IDBKeyRange ??
        globalThis.IDBKeyRange;
      await Promise.all(
        plan.prefixes.map(
          (prefix) =>
            new Promise<void>((resolve, reject) => {
              // Arrays sort after every number and string: [...prefix, []] is above every key that starts with prefix.
              const request = index.openCursor(range.bound(prefix, [...prefix, []]), 'prev');
              let found = 0;
              let last: Doc | undefined;
              request.onerror = () => reject(request.error ?? new Error('IndexedDB cursor failed'));
              request.onsuccess = () => {
                const cursor = request.result;
                if (!cursor) return resolve();
                const doc = fromDexieToStorage<Doc>(state.booleanIndexes, cursor.value);
                if (matches(doc)) {
                  if (found >= wanted && !sameGroup(doc, last!)) return resolve();
                  rows.push(doc);
                  found++;
                  last = doc;
                }
                cursor.continue();
              };
            }),
        ),
      );
    });
  }
  rows.sort(getSortComparator(instance.schema, query));
  return { documents: rows.slice(skip, wanted) };
}
