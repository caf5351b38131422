import { createRxDatabase, type RxJsonSchema, type WithDeleted } from 'rxdb';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { Subject } from 'rxjs';

/**
 * Found by the sync fuzzer (seed 2 of the long run): RxDB 17.6 loses a RESYNC that waits in the downstream queue
 * behind change events. In replication-protocol/downstream.ts (addNewTask) the queue loop takes the RESYNC out
 * of `openTasks` with shift() and then, because change events were already collected, leaves the loop with
 * `break` without putting it back. The client then never pulls what changed while its stream was down, and the
 * next stream event moves its checkpoint past the gap: those documents are missing on that client for good.
 *
 * It happens whenever stream events pile up while a push is running (RxDB holds them until the upstream is idle):
 * after going online with local changes, or while a push is retried against a server that went away. The stream
 * then reconnects, its RESYNC lands behind the piled-up events, and is dropped.
 *
 * Fix (one line, RxDB): in the `else` branch put the task back, `openTasks.unshift(innerTaskWithTime); break;`.
 * build/patches/rxdb-resync.mjs applies it at postinstall until RxDB ships it; this test keeps it applied.
 */
type Doc = { id: string; value: string };
const schema: RxJsonSchema<Doc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 40 }, value: { type: 'string' } },
  required: ['id', 'value'],
};

type Checkpoint = { seq: number };

describe('RxDB replication: a RESYNC queued behind stream events', () => {
  it('still makes the client pull what it missed (RxDB 17.6 dropped it)', async () => {
    const db = await createRxDatabase<{ docs: import('rxdb').RxCollection<Doc> }>({
      name: `resync_${Date.now()}`,
      storage: getRxStorageMemory(),
      multiInstance: false,
    });
    try {
      await db.addCollections({ docs: { schema } });
      // The server: a change feed of documents with positions.
      const feed: { seq: number; doc: WithDeleted<Doc> }[] = [];
      const write = (id: string, value: string) => {
        const entry = { seq: feed.length + 1, doc: { id, value, _deleted: false } };
        feed.push(entry);
        return entry;
      };
      const stream$ = new Subject<{ documents: WithDeleted<Doc>[]; checkpoint: Checkpoint } | 'RESYNC'>();
      let releasePush!: () => void;
      const pushGate = new Promise<void>((resolve) => (releasePush = resolve));
      let pushStarted!: () => void;
      const pushing = new Promise<void>((resolve) => (pushStarted = resolve));

      const replication = replicateRxCollection<Doc, Checkpoint>({
        collection: db.docs,
        replicationIdentifier: 'resync-test',
        live: true,
        retryTime: 50,
        waitForLeadership: false,
        pull: {
          stream$: stream$.asObservable(),
          handler: async (checkpoint) => {
            const after = checkpoint?.seq ?? 0;
            const docs = feed.filter((e) => e.seq > after);
            return { documents: docs.map((e) => e.doc), checkpoint: { seq: docs.at(-1)?.seq ?? after } };
          },
        },
        push: {
          handler: async (rows) => {
            pushStarted();
            await pushGate;
            for (const row of rows) write(row.newDocumentState.id, row.newDocumentState.value);
            return [];
          },
        },
      });
      await replication.awaitInitialReplication();

      // A local write: its push is in flight (held) - RxDB holds every stream event until it is done.
      await db.docs.insert({ id: 'local', value: 'from this client' });
      await pushing;
      // An event the old connection delivered, then the connection broke; meanwhile a colleague wrote `missed`;
      // the new connection starts with RESYNC, then delivers the next change.
      // (Events a few milliseconds apart, as from a network: emitted at once, RxDB would reorder them.)
      const tick = () => new Promise((r) => setTimeout(r, 10));
      const first = write('first', 'seen through the stream');
      stream$.next({ documents: [first.doc], checkpoint: { seq: first.seq } });
      await tick();
      write('missed', 'written while the stream was down');
      stream$.next('RESYNC');
      await tick();
      const next = write('next', 'seen through the new stream');
      stream$.next({ documents: [next.doc], checkpoint: { seq: next.seq } });
      await tick();
      releasePush();

      for (let i = 0; i < 100 && !(await db.docs.findOne('next').exec()); i++)
        await new Promise((r) => setTimeout(r, 20));
      await replication.awaitInSync();
      expect(await db.docs.findOne('next').exec()).not.toBeNull();
      expect(await db.docs.findOne('missed').exec()).not.toBeNull();
      await replication.cancel();
    } finally {
      await db.close();
    }
  });
});
