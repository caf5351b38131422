/**
 * One fuzzed client in its own process (forked by fuzzer.ts): the app's openClient with its replication and
 * conflict handling, on fake-indexeddb, behind a FaultyNetwork. Commands arrive over the IPC channel.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { addRxPlugin } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';

import { type ObhutClient, openClient } from '../../renderer/src/data/client';
import { memoryStore } from '../../renderer/src/data/vault';
import type { WireDocument } from '../../shared/sync/protocol';
import { applyContactAction, type ContactAction } from './contacts';
import { applyEntryAction } from './entries';
import { applyHoldAction, type HoldAction } from './holds';
import { applyIntakeAction, type IntakeAction } from './intakes';
import { FaultyNetwork } from './network';
import type { Action, ActionResult, ClientEvent, Command, FromClient, Request, Snapshot } from './protocol';

const DEMO_PASSWORD = 'obhut-demo';

let client: ObhutClient | null = null;
let network: FaultyNetwork | null = null;

const send = (msg: FromClient) => {
  if (process.connected) process.send!(msg);
};
const emit = (event: ClientEvent) => send(event);

async function act(action: Action): Promise<ActionResult> {
  if (!client) throw new Error('client not open');
  if (action.kind === 'entry.append') return applyEntryAction(client, action);
  if (action.kind.startsWith('intake.')) return applyIntakeAction(client, action as IntakeAction);
  if (action.kind.startsWith('hold.')) return applyHoldAction(client, action as HoldAction);
  if (action.kind.startsWith('contact.')) return applyContactAction(client, action as ContactAction);
  throw new Error(`unknown action ${action.kind}`);
}

function strip(doc: Record<string, unknown>): WireDocument {
  const { _meta, _rev, _attachments, ...rest } = doc;
  void _meta;
  void _rev;
  void _attachments;
  return rest as WireDocument;
}

async function snapshot(ids: Record<string, string[]>): Promise<Snapshot> {
  if (!client) throw new Error('client not open');
  const docs: Record<string, WireDocument[]> = {};
  for (const [name, list] of Object.entries(ids)) {
    const collection = client.db.collections[name as keyof typeof client.db.collections];
    const found = await collection.storageInstance.findDocumentsById(list, true);
    docs[name] = found.map((d) => strip(d as unknown as Record<string, unknown>));
  }
  const s = client.status;
  const rejections = (await client.db.rejections.find().exec()).map((r) => ({
    id: r.id,
    code: r.code,
    message: r.message,
  }));
  return {
    docs,
    status: {
      pendingCount: s.pendingCount,
      pendingIds: s.pendingIds,
      conflictCount: s.conflictCount,
      connection: s.connection,
      streamConnected: s.streamConnected,
      lastError: s.lastError,
    },
    replication: {
      stopped: client.replications.intakes.isStopped(),
      paused: client.replications.intakes.isPaused(),
      checkpoint:
        (
          client.replications.intakes as unknown as {
            internalReplicationState?: { lastCheckpointDoc?: { down?: { checkpointData?: unknown } } };
          }
        ).internalReplicationState?.lastCheckpointDoc?.down?.checkpointData ?? null,
    },
    rejections,
  };
}

async function handle(command: Command): Promise<unknown> {
  switch (command.op) {
    case 'open': {
      const c = command.config;
      if (c.devMode) {
        disableWarnings();
        addRxPlugin(RxDBDevModePlugin);
      }
      const logical = c.logicalUrl.replace(/\/+$/, '');
      network = new FaultyNetwork(logical, c.instances, c.route, emit);
      client = await openClient({
        serverUrl: logical,
        username: c.username,
        password: DEMO_PASSWORD,
        device: { id: c.deviceId, name: `Fuzz ${c.index}` },
        indexedDB: new IDBFactory(),
        IDBKeyRange,
        fetch: network.fetch,
        vault: memoryStore(),
        retryTime: c.retryTime,
        streamBackoff: { baseMs: 50, capMs: 1000 },
        pbkdf2Iterations: 1000,
      });
      client.replications.intakes.error$.subscribe((err) => {
        const inner = (err as { parameters?: { errors?: unknown[]; error?: unknown } }).parameters;
        const cause = inner?.errors?.[0] ?? inner?.error;
        const text = cause instanceof Error ? `${cause.name}: ${cause.message}` : JSON.stringify(cause ?? null);
        if (!text.includes('network is offline'))
          emit({ event: 'log', text: `replication error ${err.code}: ${text.slice(0, 160)}` });
      });
      if (process.env.OBHUT_FUZZ_DEBUG === '1') debugReplication(client);
      let streamWas: boolean | null = null;
      client.status$.subscribe((st) => {
        if (st.streamConnected === streamWas) return;
        streamWas = st.streamConnected;
        emit({ event: 'log', text: `stream ${st.streamConnected ? 'connected' : 'disconnected'}` });
      });
      return { userId: client.user.id, officeId: client.user.officeId };
    }
    case 'act':
      return act(command.action);
    case 'net':
      network!.apply(command.net);
      return null;
    case 'snapshot':
      return snapshot(command.ids);
    case 'close':
      await client?.close();
      client = null;
      setTimeout(() => process.exit(0), 10);
      return null;
  }
}

/** Diagnostics for a divergence: RxDB's own replication events and counters, into the trace. */
function debugReplication(c: ObhutClient): void {
  type Internal = {
    internalReplicationState?: {
      events: {
        active: {
          up: { subscribe: (f: (v: boolean) => void) => void };
          down: { subscribe: (f: (v: boolean) => void) => void };
        };
      };
      stats: { down: Record<string, number> };
    };
    remoteEvents$: { subscribe: (f: (ev: unknown) => void) => void };
  };
  const r = c.replications.intakes as unknown as Internal;
  const stats = () => {
    const d = r.internalReplicationState?.stats.down;
    return d
      ? `resync=${d.downstreamResyncOnce} changes=${d.downstreamProcessChanges} tasks=${d.addNewTask} emits=${d.masterChangeStreamEmit}`
      : '';
  };
  r.remoteEvents$.subscribe((ev) =>
    emit({
      event: 'log',
      text: `rx remote event ${ev === 'RESYNC' ? 'RESYNC' : `docs -> ${JSON.stringify((ev as { checkpoint: unknown }).checkpoint)}`} (${stats()})`,
    }),
  );
  const hook = setInterval(() => {
    const s = r.internalReplicationState;
    if (!s) return;
    clearInterval(hook);
    s.events.active.up.subscribe((v) => emit({ event: 'log', text: `rx active.up ${v} (${stats()})` }));
    s.events.active.down.subscribe((v) => emit({ event: 'log', text: `rx active.down ${v} (${stats()})` }));
  }, 10);
}

process.on('message', (msg: Request) => {
  handle(msg.command).then(
    (result) => send({ seq: msg.seq, ok: true, result }),
    (err: unknown) =>
      send({ seq: msg.seq, ok: false, error: err instanceof Error ? `${err.message}\n${err.stack}` : String(err) }),
  );
});
process.on('disconnect', () => process.exit(0));
process.on('unhandledRejection', (err) => emit({ event: 'log', text: `unhandled rejection: ${String(err)}` }));
