/**
 * One fuzzed client in its own process (forked by fuzzer.ts): the app's openClient with its replication and
 * conflict handling, on fake-indexeddb, behind a FaultyNetwork. Commands arrive over the IPC channel.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { addRxPlugin } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { firstValueFrom } from 'rxjs';

import { type ObhutClient, openClient } from '../../renderer/src/data/client';
import { deliverOutboxes, type DeviceOutbox, deviceOutbox } from '../../renderer/src/data/outbox';
import { refusedDocuments$ } from '../../renderer/src/data/rejections';
import { type KeyValueStore, memoryStore } from '../../renderer/src/data/vault';
import { boardCards, NO_CRITERIA } from '../../renderer/src/features/placement-board/board-model';
import type { WireDocument } from '../../shared/sync/protocol';
import { applyContactAction, type ContactAction } from './contacts';
import { applyEntryAction } from './entries';
import { applyHoldAction, type HoldAction } from './holds';
import { applyIntakeAction, type IntakeAction } from './intakes';
import { FaultyNetwork } from './network';
import { applyPlacementAction } from './placements';
import type {
  Action,
  ActionResult,
  ClientConfig,
  ClientEvent,
  Command,
  FromClient,
  Opened,
  Request,
  Snapshot,
} from './protocol';

const DEMO_PASSWORD = 'obhut-demo';

let client: ObhutClient | null = null;
let network: FaultyNetwork | null = null;
/** The laptop: its browser storage and vault outlive every session on it, as the app's profile does. */
let laptop: { config: ClientConfig; indexedDB: IDBFactory; vault: KeyValueStore; outbox: DeviceOutbox } | null = null;
let courier: ReturnType<typeof setInterval> | null = null;

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
  if (action.kind === 'placement.record') return applyPlacementAction(client, action);
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
    outbox: laptop!.outbox.entries.map((e) => ({
      userId: e.userId,
      count: e.count,
      sealed: e.sealed !== null,
      ...(e.stranded ? { stranded: e.stranded } : {}),
    })),
    ...(await placementViews(client)),
  };
}

/**
 * The two views of the placements as the app computes them from this laptop's store: the board (free places and
 * the office's own placements per facility, board-model.ts) and each record's section 4 (HoldRepository.forIntake$).
 */
async function placementViews(c: ObhutClient): Promise<Pick<Snapshot, 'at' | 'board' | 'records'>> {
  const at = Date.now();
  const facilities = (await c.db.facilities.find().exec()).map((d) => d.toMutableJSON());
  const holds = (await c.db.holds.find().exec()).map((d) => d.toMutableJSON());
  const cards = boardCards(facilities, holds, NO_CRITERIA, at, {
    officeId: c.user.officeId,
    pendingIds: new Set(c.status.pendingIds),
    rejections: await firstValueFrom(refusedDocuments$(c.db.rejections, 'holds', c.db.holds)),
    overseesVerbund: false,
  });
  const board = cards.map((card) => ({
    facilityId: card.match.facility.id,
    free: card.match.free.free,
    own: card.ownHolds.map((h) => h.hold.id).sort(),
    others: card.othersActive,
  }));
  const records: Snapshot['records'] = {};
  for (const intake of await c.db.intakes.find().exec()) {
    const placements = await firstValueFrom(c.holds.forIntake$(intake.id));
    records[intake.id] = placements.map((p) => p.id).sort();
  }
  return { at, board, records };
}

async function openAs(username: string): Promise<Opened> {
  const { config: c, indexedDB, vault, outbox } = laptop!;
  client = await openClient({
    serverUrl: c.logicalUrl.replace(/\/+$/, ''),
    username,
    password: DEMO_PASSWORD,
    device: { id: c.deviceId, name: `Fuzz ${c.index}` },
    indexedDB,
    IDBKeyRange,
    fetch: network!.fetch,
    vault,
    outbox,
    retryTime: c.retryTime,
    streamBackoff: { baseMs: 50, capMs: 1000 },
    pbkdf2Iterations: 1000,
  });
  const opened = client;
  opened.replications.intakes.error$.subscribe((err) => {
    const inner = (err as { parameters?: { errors?: unknown[]; error?: unknown } }).parameters;
    const cause = inner?.errors?.[0] ?? inner?.error;
    const text = cause instanceof Error ? `${cause.name}: ${cause.message}` : JSON.stringify(cause ?? null);
    if (!text.includes('network is offline'))
      emit({ event: 'log', text: `replication error ${err.code}: ${text.slice(0, 160)}` });
  });
  if (process.env.OBHUT_FUZZ_DEBUG === '1') debugReplication(opened);
  let streamWas: boolean | null = null;
  opened.status$.subscribe((st) => {
    if (st.streamConnected === streamWas) return;
    streamWas = st.streamConnected;
    emit({ event: 'log', text: `stream ${st.streamConnected ? 'connected' : 'disconnected'}` });
  });
  return { userId: opened.user.id, officeId: opened.user.officeId, unlockedOffline: opened.unlockedOffline };
}

/**
 * The app shell's courier (renderer/src/app/use-outbox-courier.ts), faster: hands in the sealed outboxes of
 * logged-out authors whoever is logged in, and while no one is; the session's own user sends its own.
 */
function startCourier(): void {
  let running = false;
  courier = setInterval(() => {
    if (running || !laptop || !network) return;
    running = true;
    const before = laptop.outbox.entries.length;
    void deliverOutboxes({
      outbox: laptop.outbox,
      deviceId: laptop.config.deviceId,
      fetch: network.fetch,
      skipUserId: client?.user.id ?? null,
    })
      .then((n) => {
        if (n > 0) emit({ event: 'log', text: `outbox: ${n} delivered, ${before - n} left` });
      })
      .catch((err: unknown) => emit({ event: 'log', text: `outbox delivery failed: ${String(err)}` }))
      .finally(() => {
        running = false;
      });
  }, 500);
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
      const vault = memoryStore();
      laptop = { config: c, indexedDB: new IDBFactory(), vault, outbox: deviceOutbox(vault, logical) };
      startCourier();
      return openAs(c.username);
    }
    case 'switch': {
      // The author logs out (the app seals what is pending into the laptop's outbox), a colleague logs in.
      if (!client) throw new Error('client not open');
      const pendingCount = client.status.pendingCount;
      const author = client.user;
      await client.logout();
      client = null;
      const entry = laptop!.outbox.entries.find((e) => e.userId === author.id);
      if (command.online) network!.apply({ offline: false });
      // The colleague tries again while the server instance the laptop reaches is down (a first login needs it).
      let opened: Opened | null = null;
      for (let attempt = 0; !opened; attempt++) {
        try {
          opened = await openAs(command.username);
        } catch (err) {
          if (attempt >= 60) throw err;
          await new Promise((r) => setTimeout(r, 500));
        }
      }
      return { ...opened, left: { pendingCount, sealed: entry?.sealed != null, outboxCount: entry?.count ?? 0 } };
    }
    case 'act':
      return act(command.action);
    case 'net':
      network!.apply(command.net);
      return null;
    case 'snapshot':
      return snapshot(command.ids);
    case 'close':
      if (courier) clearInterval(courier);
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
