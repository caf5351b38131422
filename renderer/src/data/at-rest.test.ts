import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { RX_LOCAL_DOCUMENT_SCHEMA } from 'rxdb/plugins/local-documents';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';

import { demoFacilities } from '../../../shared/demo/facilities';
import { demoNightRecord } from '../../../shared/demo/nightRecord';
import type { Contact } from '../../../shared/schema/contact';
import type { Entry } from '../../../shared/schema/entry';
import type { Hold } from '../../../shared/schema/hold';
import type { Intake } from '../../../shared/schema/intake';
import { COLLECTIONS } from './collections';
import { openDatabase } from './database';
import type { RejectionDoc } from './rejections';
import { clearFields, SEALED_FIELD } from './sealed-storage';

/**
 * Encryption at rest, for every collection the local database has: which fields stay clear (the sealed storage's
 * rule applied to the schemas: primary key and index fields), and what actually lands in IndexedDB (the raw rows,
 * read past RxDB).
 */

/** Fields that may stay clear for indexes: ids, office, status and times. */
const CLEAR_FIELDS = [/^id$/, /Id$/, /^status$/, /At$/, /^at$/];
/**
 * Clear fields beyond those, each with the reason it holds no personal data.
 * - facilities.area, type: where a facility is and what kind it is, public facts of the Verbund's directory.
 */
const CLEAR_EXCEPTIONS: Record<string, string[]> = {
  facilities: ['area', 'type'],
};
/** Metadata the security review found clear on disk before issue 14; none of it may be in a stored row now. */
const SEALED_METADATA: Record<string, string[]> = {
  intakes: ['initiatedBy', 'createdBy', 'updatedBy', 'createdAt'],
  entries: ['kind', 'createdBy'],
  holds: ['sex', 'ageGroup', 'intakeRef', 'from', 'updatedBy', 'overbooked'],
};

type Schema = Parameters<typeof clearFields>[0] & { properties: Record<string, unknown>; version: number };
const collections = Object.entries(COLLECTIONS) as [string, { schema: Schema }][];

const T = 1_750_000_000_000;
const child = { firstName: 'Ottilie', lastName: 'Rohdatenprobe', birthDate: '2013-04-05' };

function sampleIntake(): Intake {
  return {
    ...demoNightRecord(T, child),
    id: 'intake-at-rest-1',
    officeId: 'segeberg',
    createdBy: 'u1',
    createdAt: T,
    updatedAt: T,
    updatedBy: 'u1',
    status: 'draft',
    conflicts: [{ id: 'c1', field: 'situation', value: JSON.stringify('Verlorene Fassung der Lage'), by: 'u2', at: T }],
  };
}

/** One document per collection with personal data, every encrypted field filled. */
const SAMPLES: Record<string, () => Record<string, unknown>> = {
  intakes: sampleIntake,
  entries: (): Entry => ({
    id: 'entry-at-rest-1',
    officeId: 'segeberg',
    intakeId: 'intake-at-rest-1',
    kind: 'placement',
    at: T,
    createdBy: 'u1',
    createdAt: T,
    updatedAt: T,
    text: 'Rückruf der Einrichtung: Ottilie kann ab 03:00 aufgenommen werden',
    placement: { facilityName: 'Kinderschutzhaus Elmshorn', answer: 'accepted' },
  }),
  holds: (): Hold => ({
    id: '0f3c9a52-7d1e-4b8a-9c2d-1e2f3a4b5c6d',
    facilityId: 'jugendschutzhaus-norderstedt',
    officeId: 'segeberg',
    updatedAt: T,
    updatedBy: 'u1',
    createdAt: T,
    intakeRef: '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    ageGroup: '9_to_12',
    sex: 'female',
    from: T,
    expiresAt: T + 86_400_000,
    status: 'held',
    overbooked: false,
    conflicts: [],
  }),
  facilities: () => demoFacilities(T)[0],
  contacts: (): Contact => ({
    id: 'contact-at-rest-1',
    officeId: 'segeberg',
    updatedAt: T,
    updatedBy: 'u1',
    name: 'Hintergrunddienst Segeberg: Ottilie Rufprobe',
    category: 'background_duty',
    languages: ['Tigrinya'],
    phones: [{ id: 'p1', label: 'privat mobil', number: '0171 99 99 12' }],
    availability: { kind: 'weekdays', from: '08:00', to: '16:00' },
    areas: ['segeberg'],
    areaNote: 'Wahlstedt und Umgebung',
    notes: 'Erreichbar über den Ehemann, Erika Musterfrau (fiktiv)',
    validFrom: T,
    validTo: T + 7 * 86_400_000,
    conflicts: [],
  }),
  rejections: (): RejectionDoc => ({
    id: 'intake-at-rest-1',
    collectionName: 'intakes',
    code: 'validation_failed',
    message: 'Der Datensatz ist unvollständig oder fehlerhaft.',
    at: T,
    assumedMasterState: JSON.stringify(sampleIntake()),
    rejectedState: JSON.stringify({ ...sampleIntake(), situation: 'Abgelehnte Fassung mit Namen Ottilie' }),
  }),
};

/** Every string leaf of a value (recursing into JSON text too), the texts a reader of the disk must not find. */
function texts(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (/^[[{]/.test(value)) {
      try {
        return texts(JSON.parse(value), out);
      } catch {
        // not JSON after all
      }
    }
    // Codes of the catalogues (lowercase words) may also be clear elsewhere; names, dates and prose may not.
    if (value.length >= 6 && !/^[a-z0-9_]+$/.test(value)) out.push(value);
  } else if (Array.isArray(value)) {
    for (const v of value) texts(v, out);
  } else if (value && typeof value === 'object') {
    // Ids and times inside (e.g. of the document a rejection keeps) are clear in their own row anyway.
    for (const [k, v] of Object.entries(value)) if (!CLEAR_FIELDS.some((re) => re.test(k))) texts(v, out);
  }
  return out;
}

/** Every row stored in every object store of every IndexedDB database of the factory, by database name. */
async function rawRows(factory: IDBFactory): Promise<Map<string, Record<string, unknown>[]>> {
  const out = new Map<string, Record<string, unknown>[]>();
  for (const info of await factory.databases()) {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(info.name!);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
    });
    for (const store of Array.from(db.objectStoreNames)) {
      const values = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as Record<string, unknown>[]);
        req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
      });
      out.set(`${info.name}/${store}`, [...(out.get(`${info.name}/${store}`) ?? []), ...values]);
    }
    db.close();
  }
  return out;
}

describe('encryption at rest', () => {
  it.each(collections)(
    '%s: only ids, office, status and times (and the listed exceptions) are clear',
    (name, { schema }) => {
      const unexpected = [...clearFields(schema)].filter(
        (field) => !CLEAR_FIELDS.some((re) => re.test(field)) && !(CLEAR_EXCEPTIONS[name] ?? []).includes(field),
      );
      expect(unexpected).toEqual([]);
    },
  );

  it('no personal text or metadata of any collection is in the raw IndexedDB rows; the clear fields are', async () => {
    const factory = new IDBFactory();
    const key = 'b'.repeat(64);
    const db = await openDatabase({ name: 'obhut_at_rest_test', key, env: { indexedDB: factory, IDBKeyRange } });
    const secrets: string[] = [];
    const ids: string[] = [];
    try {
      for (const [name, { schema }] of collections) {
        const make = SAMPLES[name];
        expect(make, `a sample document for the collection ${name}`).toBeDefined();
        const doc = make();
        await db.collections[name as keyof typeof db.collections].insert(doc as never);
        ids.push(doc.id as string);
        const clear = clearFields(schema);
        for (const [field, value] of Object.entries(doc)) if (!clear.has(field)) secrets.push(...texts(value));
      }
    } finally {
      await db.close();
    }
    expect(secrets).toEqual(expect.arrayContaining(['Rohdatenprobe', 'Erika Musterfrau (fiktiv)', '2013-04-05']));

    const rows = await rawRows(factory);
    const raw = JSON.stringify([...rows.values()]);
    for (const id of ids) expect(raw).toContain(id);
    expect(raw).toContain('segeberg');
    const found = secrets.filter((s) => raw.includes(s) || raw.includes(JSON.stringify(s).slice(1, -1)));
    expect(found).toEqual([]);

    for (const [name, { schema }] of collections) {
      const stored = rows.get(`rxdb-dexie-obhut_at_rest_test--${schema.version}--${name}/docs`);
      expect(stored, name).toHaveLength(1);
      const keys = Object.keys(stored![0]).filter((k) => !k.startsWith('_'));
      expect(keys.sort(), name).toEqual([...clearFields(schema), SEALED_FIELD].sort());
      for (const field of SEALED_METADATA[name] ?? []) expect(keys, name).not.toContain(field);
    }
  });
});

/**
 * RxDB's own stores beside the collections: the local documents (pending marks, sync log, removed copies) and the
 * replication's record of the server's last known state of each record (whole documents).
 */
describe('encryption at rest of the local documents and the replication meta', () => {
  const MARKER = 'Lokalprobe-7f3a';
  /** The raw IndexedDB stores with the marker in any row. */
  const storesWithMarker = async (factory: IDBFactory) =>
    [...(await rawRows(factory))].filter(([, values]) => JSON.stringify(values).includes(MARKER)).map(([s]) => s);

  it('keeps no text of a local document or of a pulled record in the raw IndexedDB rows', async () => {
    const factory = new IDBFactory();
    const name = 'obhut_at_rest_local';
    const db = await openDatabase({ name, key: 'c'.repeat(64), env: { indexedDB: factory, IDBKeyRange } });
    const pulled = { ...sampleIntake(), id: 'intake-pulled-1', situation: `Vom Server: ${MARKER}-meta` };
    try {
      await db.upsertLocal('pending-intakes', { marks: { [`${MARKER}-mark`]: 'm1' } });
      await db.upsertLocal('sync-log', { entries: [{ at: T, code: `${MARKER}-log` }] });
      let served = false;
      const replication = replicateRxCollection({
        collection: db.intakes,
        replicationIdentifier: 'at-rest-meta',
        live: false,
        pull: {
          handler: async () => {
            const documents = served ? [] : [{ ...pulled, _deleted: false }];
            served = true;
            return { documents, checkpoint: { at: 1 } };
          },
        },
        push: { handler: async () => [] },
      });
      await replication.awaitInitialReplication();
      await replication.cancel();
      expect((await db.intakes.findOne(pulled.id).exec())?.situation).toBe(pulled.situation);
    } finally {
      await db.close();
    }

    const rows = await rawRows(factory);
    const stores = [...rows.keys()];
    expect(stores.some((s) => s.includes('plugin-local-documents'))).toBe(true);
    expect(stores.some((s) => s.includes('rx-replication-meta'))).toBe(true);
    expect(await storesWithMarker(factory)).toEqual([]);
    const metaRows = [...rows].filter(([s]) => s.includes('rx-replication-meta')).flatMap(([, values]) => values);
    const pulledMeta = metaRows.filter((row) => String(row.id).includes('intake-pulled-1'));
    expect(pulledMeta.length, 'the replication noted the pulled record').toBeGreaterThan(0);
    for (const row of pulledMeta) expect(typeof row[SEALED_FIELD]).toBe('string');
    for (const [store, values] of rows) {
      if (!store.includes('plugin-local-documents')) continue;
      for (const row of values) {
        expect(
          Object.keys(row)
            .filter((k) => !k.startsWith('_'))
            .sort(),
          store,
        ).toEqual(['id', SEALED_FIELD]);
      }
    }
  });

  it('reads local documents a store wrote in plain before, and stores them sealed from the first open on', async () => {
    const factory = new IDBFactory();
    const name = 'obhut_at_rest_plain_local';
    const key = 'd'.repeat(64);
    // As the code before this fix left them: the local documents' store without a password, so not sealed.
    const plain = await getRxStorageDexie({ indexedDB: factory, IDBKeyRange }).createStorageInstance({
      databaseInstanceToken: 'plain-writer',
      databaseName: name,
      collectionName: 'plugin-local-documents-',
      schema: RX_LOCAL_DOCUMENT_SCHEMA,
      options: {},
      multiInstance: false,
      devMode: false,
    });
    const meta = { lwt: Date.now() };
    await plain.bulkWrite(
      [
        {
          document: {
            id: 'pending-intakes',
            data: { marks: { [`${MARKER}-old-mark`]: 'm1' } },
            _deleted: false,
            _rev: '1-plainwriter',
            _meta: meta,
            _attachments: {},
          },
        },
      ],
      'plain-writer',
    );
    await plain.close();
    expect(await storesWithMarker(factory)).toEqual([`rxdb-dexie-${name}--0--plugin-local-documents-/docs`]);

    const db = await openDatabase({ name, key, env: { indexedDB: factory, IDBKeyRange } });
    try {
      const doc = await db.getLocal<{ marks: Record<string, string> }>('pending-intakes');
      expect(doc?.get('marks')).toEqual({ [`${MARKER}-old-mark`]: 'm1' });
      expect(await storesWithMarker(factory)).toEqual([]);
      await db.upsertLocal('pending-intakes', { marks: { [`${MARKER}-old-mark`]: 'm1', next: 'm2' } });
    } finally {
      await db.close();
    }

    const again = await openDatabase({ name, key, env: { indexedDB: factory, IDBKeyRange } });
    try {
      const doc = await again.getLocal<{ marks: Record<string, string> }>('pending-intakes');
      expect(doc?.get('marks')).toEqual({ [`${MARKER}-old-mark`]: 'm1', next: 'm2' });
    } finally {
      await again.close();
    }
    expect(await storesWithMarker(factory)).toEqual([]);
  });
});
