import type { SyncStatus } from '../../renderer/src/data/sync-status';
import type { WireDocument } from '../../shared/sync/protocol';
import type { ContactAction } from './contacts';
import type { EntryAction } from './entries';
import type { HoldAction } from './holds';
import type { IntakeAction } from './intakes';
import type { PlacementAction } from './placements';

/**
 * Messages between the fuzzer (parent) and one client process. Each client runs in its own child process: RxDB's
 * free tier allows 13 open collections per JS realm, and a process of its own also keeps one client's event loop
 * from delaying another's, as on separate laptops.
 */
export type ClientConfig = {
  index: number;
  username: string;
  deviceId: string;
  /** The address the app is configured with; the client's network routes it to one instance. */
  logicalUrl: string;
  /** Base URLs of the server instances (fixed ports: a restarted instance comes back on the same one). */
  instances: string[];
  route: number;
  retryTime: number;
  devMode: boolean;
};

/** One user action; each collection of the fuzzer adds its own to this union. */
export type Action = IntakeAction | EntryAction | HoldAction | ContactAction | PlacementAction;

export type Created = { collection: string; id: string; officeId: string };

/** A value a client wrote to one field (or, for append-only documents, the document itself). */
export type Written = { collection: string; id: string; field: string; value: unknown };

export type ActionResult =
  | {
      ok: true;
      /** Values this write put in place. */
      writes: Written[];
      /** Values this write replaced: the writer had them in its local state, so they go knowingly. */
      replaced: Written[];
      /** Documents it created: one, or several for an action that writes several (a group's holds and log lines). */
      created?: Created | Created[];
      deleted?: { collection: string; id: string };
      /**
       * A write the app makes but the server must refuse with this code: it leaves the server's document as it was,
       * and the writing client keeps the refusal (its rejections) until the user dismisses it.
       */
      refused?: { collection: string; id: string; code: string };
      note: string;
    }
  | { ok: false; note: string };

export type NetworkCommand = {
  offline?: boolean;
  route?: number;
  /** Random delay before each request and before each response is handed over (null: none). */
  delay?: { minMs: number; maxMs: number } | null;
  /** Cut the next stream event halfway through (the body errors after half of its bytes). */
  cutStream?: boolean;
  /** Report the next push to the parent just before it is sent (to kill the instance under it). */
  trapPush?: boolean;
};

export type Snapshot = {
  docs: Record<string, WireDocument[]>;
  status: Pick<
    SyncStatus,
    'pendingCount' | 'pendingIds' | 'conflictCount' | 'connection' | 'streamConnected' | 'lastError'
  >;
  rejections: { id: string; code: string; message: string }[];
  replication: { stopped: boolean; paused: boolean; checkpoint: unknown };
  /** The laptop's outbox of logged-out authors (docs/outbox.md): who, how many, deliverable by others or not. */
  outbox: { userId: string; count: number; sealed: boolean; stranded?: string }[];
  /** When the views below were computed (a hold lapses by the clock). */
  at: number;
  /** The placement board as this laptop shows it: per facility the free places and the office's own placements. */
  board: { facilityId: string; free: number; own: string[]; others: number }[];
  /** Each record's section 4: the ids of its placements, by record id. */
  records: Record<string, string[]>;
};

export type Opened = { userId: string; officeId: string; unlockedOffline: boolean };

/** A logout with pending changes and a colleague's login on the same laptop. */
export type Switched = Opened & { left: { pendingCount: number; sealed: boolean; outboxCount: number } };

export type Command =
  | { op: 'open'; config: ClientConfig }
  | { op: 'act'; action: Action }
  /** Log out and log in as `username`; `online`: the laptop gets a connection first (a first login needs one). */
  | { op: 'switch'; username: string; online: boolean }
  | { op: 'net'; net: NetworkCommand }
  | { op: 'snapshot'; ids: Record<string, string[]> }
  | { op: 'close' };

export type Request = { seq: number; command: Command };
export type Reply = { seq: number; ok: true; result: unknown } | { seq: number; ok: false; error: string };
export type ClientEvent =
  | { event: 'push-sent'; instance: number; ids: string[] }
  | { event: 'stream-cut'; instance: number }
  | { event: 'log'; text: string };
export type FromClient = Reply | ClientEvent;
