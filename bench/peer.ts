import { createServer, type RequestListener, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { replicateCouchDB, type RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';

import { COLLECTIONS } from '../renderer/src/data/collections';
import { createStorage } from '../renderer/src/data/database';
import { wrappedValidatePrecompiledStorage } from '../renderer/src/data/validation';
import type { Intake } from '../shared/schema/intake';

/**
 * The peer users would otherwise pick: RxDB's CouchDB replication against a CouchDB-protocol server from npm
 * (express-pouchdb on PouchDB's in-memory adapter). The client side is the app's own stack - the same storage
 * (Dexie on fake-indexeddb, validation, encryption), schema and conflict handler - only the protocol and the
 * server differ.
 */
const require = createRequire(import.meta.url);

export type CouchServer = { url: string; stop: () => Promise<void> };

// PouchDB and express-pouchdb come without types; only these calls are used.
type Pouch = { plugin: (p: unknown) => Pouch; defaults: (o: object) => unknown };
let memPouch: unknown;
/** Once per process: PouchDB's plugins define properties on the shared constructor and cannot be added twice. */
function memoryPouch(): unknown {
  memPouch ??= (require('pouchdb-core') as Pouch)
    .plugin(require('pouchdb-adapter-memory'))
    .plugin(require('pouchdb-adapter-http'))
    .plugin(require('pouchdb-mapreduce'))
    .plugin(require('pouchdb-replication'))
    .defaults({ adapter: 'memory' });
  return memPouch;
}

export async function startCouch(): Promise<CouchServer> {
  const MemPouch = memoryPouch();
  const expressPouch = require('express-pouchdb') as (pouch: unknown, options: object) => RequestListener;
  const app = expressPouch(MemPouch, {
    mode: 'minimumForPouchDB',
    inMemoryConfig: true,
    logPath: `/tmp/express-pouchdb-${process.pid}.log`,
  });
  const server: Server = await new Promise((resolve) => {
    const s = createServer(app).listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A fetch that can go offline (throws, and tears down open requests such as the long-poll). */
export class PeerNetwork {
  offline = false;
  private readonly open = new Set<AbortController>();
  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    if (this.offline) throw new TypeError('fetch failed: offline');
    const c = new AbortController();
    this.open.add(c);
    try {
      const res = await fetch(input, {
        ...init,
        signal: init?.signal ? AbortSignal.any([init.signal, c.signal]) : c.signal,
      });
      const body = await res.arrayBuffer();
      return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
    } finally {
      this.open.delete(c);
    }
  };
  goOffline(): void {
    this.offline = true;
    for (const c of this.open) c.abort();
  }
  goOnline(): void {
    this.offline = false;
  }
}

export type PeerClient = {
  db: RxDatabase<{ intakes: RxCollection<Intake> }>;
  replication: RxCouchDBReplicationState<Intake>;
  network: PeerNetwork;
  close: () => Promise<void>;
};

/**
 * The app's storage without encryption: Dexie with strict durability and the same validation, the schema's
 * `encrypted` list dropped below the validation (Dexie refuses it). Shows what encryption costs in every run.
 */
function unencryptedStorage() {
  const dexie = getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange, chromeTransactionDurability: 'strict' });
  const withoutEncryptedList: typeof dexie = {
    ...dexie,
    createStorageInstance: (params) => {
      const schema = { ...params.schema };
      delete schema.encrypted;
      return dexie.createStorageInstance({ ...params, schema });
    },
  };
  return wrappedValidatePrecompiledStorage({ storage: withoutEncryptedList });
}

export async function openPeerClient(
  couchDbUrl: string,
  name: string,
  batchSize: number,
  encrypted = true,
): Promise<PeerClient> {
  const network = new PeerNetwork();
  const db = await createRxDatabase<{ intakes: RxCollection<Intake> }>({
    name,
    storage: encrypted ? createStorage({ indexedDB: new IDBFactory(), IDBKeyRange }) : unencryptedStorage(),
    password: 'p'.repeat(64),
    multiInstance: false,
  });
  await db.addCollections({
    intakes: { schema: COLLECTIONS.intakes.schema, conflictHandler: COLLECTIONS.intakes.conflictHandler },
  });
  const replication = replicateCouchDB<Intake>({
    replicationIdentifier: `peer-${name}`,
    collection: db.intakes,
    url: couchDbUrl.endsWith('/') ? couchDbUrl : `${couchDbUrl}/`,
    live: true,
    retryTime: 300,
    waitForLeadership: false,
    fetch: network.fetch,
    pull: { batchSize },
    push: { batchSize: 100 },
  });
  return {
    db,
    replication,
    network,
    close: async () => {
      network.goOffline();
      await replication.cancel();
      await db.close();
    },
  };
}

/** Puts documents into the CouchDB-protocol server as the replication would (primary key as `_id`). */
export async function seedCouch(couchDbUrl: string, docs: Intake[]): Promise<void> {
  await fetch(couchDbUrl, { method: 'PUT' });
  for (let i = 0; i < docs.length; i += 500) {
    const body = { docs: docs.slice(i, i + 500).map(({ id, ...rest }) => ({ _id: id, ...rest })) };
    const res = await fetch(`${couchDbUrl}/_bulk_docs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`seeding the peer failed: ${res.status} ${await res.text()}`);
  }
}
