import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';

import { demoNightRecord } from '../../../shared/demo/nightRecord';
import type { Entry } from '../../../shared/schema/entry';
import type { Intake } from '../../../shared/schema/intake';
import { COLLECTIONS } from './collections';
import { openDatabase } from './database';
import type { RejectionDoc } from './rejections';

/**
 * Encryption at rest, for every collection the local database has: which fields may stay clear (a static check
 * of the schemas), and what actually lands in IndexedDB (the raw rows, read past RxDB).
 */

/** Fields that may stay clear for indexes and bookkeeping: ids, office, status, kind and times. */
const CLEAR_FIELDS = [/^id$/, /Id$/, /^status$/, /^kind$/, /At$/, /^at$/, /^(createdBy|updatedBy)$/];
/**
 * Clear fields beyond those, each with the reason it holds no personal data.
 * - intakes.initiatedBy: a code of the statistics catalogue ("police", "school" ...), no person; see the report of
 *   issue 5 - a candidate for encryption with the next schema version.
 * - rejections: the server's catalogued German sentence naming field labels, and the collection name and code.
 */
const CLEAR_EXCEPTIONS: Record<string, string[]> = {
  intakes: ['initiatedBy'],
  rejections: ['collectionName', 'code', 'message'],
};
/** Hold no personal data by design (shared/schema/facility.ts, hold.ts): shared across the Verbund, unencrypted. */
const NO_PERSONAL_DATA = new Set(['facilities', 'holds']);

type Schema = { properties: Record<string, unknown>; encrypted?: readonly string[] };
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

/** Every value stored in every object store of every IndexedDB database of the factory, as JSON. */
async function rawRows(factory: IDBFactory): Promise<string> {
  const out: string[] = [];
  for (const info of await factory.databases()) {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(info.name!);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    for (const store of Array.from(db.objectStoreNames)) {
      const values = await new Promise<unknown[]>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      out.push(JSON.stringify(values));
    }
    db.close();
  }
  return out.join('\n');
}

describe('encryption at rest', () => {
  it.each(collections.filter(([name]) => !NO_PERSONAL_DATA.has(name)))(
    '%s: only ids, office, status, kind and times (and the listed exceptions) are clear',
    (name, { schema }) => {
      const encrypted = new Set(schema.encrypted ?? []);
      const clear = Object.keys(schema.properties).filter((field) => !encrypted.has(field));
      const unexpected = clear.filter(
        (field) => !CLEAR_FIELDS.some((re) => re.test(field)) && !(CLEAR_EXCEPTIONS[name] ?? []).includes(field),
      );
      expect(unexpected).toEqual([]);
    },
  );

  it('the collections without encryption are the ones without personal data', () => {
    const unencrypted = collections.filter(([, { schema }]) => !schema.encrypted?.length).map(([name]) => name);
    expect(unencrypted.sort()).toEqual([...NO_PERSONAL_DATA].sort());
  });

  it('no personal text of any collection is readable in the raw IndexedDB rows; the clear fields are', async () => {
    const factory = new IDBFactory();
    const key = 'b'.repeat(64);
    const db = await openDatabase({ name: 'obhut_at_rest_test', key, env: { indexedDB: factory, IDBKeyRange } });
    const secrets: string[] = [];
    const ids: string[] = [];
    try {
      for (const [name, { schema }] of collections) {
        if (NO_PERSONAL_DATA.has(name)) continue;
        const make = SAMPLES[name];
        expect(make, `a sample document for the collection ${name}`).toBeDefined();
        const doc = make();
        await db.collections[name as keyof typeof db.collections].insert(doc as never);
        ids.push(doc.id as string);
        for (const field of schema.encrypted ?? []) secrets.push(...texts(doc[field]));
      }
    } finally {
      await db.close();
    }
    expect(secrets).toEqual(expect.arrayContaining(['Rohdatenprobe', 'Erika Musterfrau (fiktiv)', '2013-04-05']));

    const raw = await rawRows(factory);
    for (const id of ids) expect(raw).toContain(id);
    expect(raw).toContain('segeberg');
    const found = secrets.filter((s) => raw.includes(s) || raw.includes(JSON.stringify(s).slice(1, -1)));
    expect(found).toEqual([]);
  });
});
