import { BehaviorSubject, filter, map, type Observable, type Subscription } from 'rxjs';

import type { LaptopCopy } from '../../../shared/privacy/laptop-purge';
import type { OutboxCredential } from '../../../shared/sync/outbox';
import type { SessionUser } from '../../../shared/sync/protocol';
import { AccessLog, localEventsSender, memoryQueueStore } from './access-log';
import { AccessRequestApi } from './access-request';
import { AdminApi } from './admin';
import { AuthSession } from './auth-session';
import type { BackoffOptions } from './backoff';
import { ContactRepository } from './contacts';
import { DamagedRecords } from './damaged-records';
import { type IndexedDbEnvironment, type ObhutDatabase, openDatabase } from './database';
import { DirectoryApi, OfficeDirectory } from './directory';
import { EntryRepository } from './entries';
import { FacilityRepository } from './facilities';
import { HoldRepository } from './holds';
import { ApiError, type Fetch, type LoginLimits, NetworkError, SyncApi } from './http';
import { IntakeRepository } from './intakes';
import { LaptopCopies } from './laptop-copies';
import { CredentialKeeper, type DeviceOutbox, deviceOutbox, type OutboxEntry } from './outbox';
import { OverviewApi } from './overview';
import { PendingWrites } from './pending';
import { clearRejections } from './rejections';
import type { StoreUpgradeProgress } from './sealed-storage';
import { SessionOutbox } from './session-outbox';
import { StatusModel } from './status-model';
import { type Replications, SyncEngine } from './sync-engine';
import { SyncLog } from './sync-log';
import { ConnectionState, type SyncStatus } from './sync-status';
import {
  KeystoreError,
  type KeyValueStore,
  memoryStore,
  openOrCreateVault,
  osKeystore,
  readVaultRecord,
  type SecretKeeper,
  storeVault,
  unlockStoredVault,
  VaultLockedError,
  type VaultOptions,
} from './vault';

export type { Replications } from './sync-engine';

/**
 * Login failures the login form shows. `offline`: no server and no local record to unlock;
 * `local_key_mismatch`: the server accepted a password that does not open this device's local key;
 * `keystore_refused`: the OS keystore would keep the key in plain text (the message is the German reason).
 */
export type LoginErrorCode =
  | 'invalid_credentials'
  | 'too_many_attempts'
  | 'device_revoked'
  | 'offline'
  | 'local_key_mismatch'
  | 'keystore_refused'
  | (string & {});

export class LoginError extends Error {
  constructor(
    readonly code: LoginErrorCode,
    message: string,
    /** From the server's refusal: attempts left before the lock, and until when it is locked. */
    readonly limits: LoginLimits = {},
  ) {
    super(message);
    this.name = 'LoginError';
  }
}

export type OpenClientOptions = IndexedDbEnvironment & {
  serverUrl: string;
  username: string;
  password: string;
  device: { id: string; name: string };
  /** The network; tests inject one that fails while "offline". */
  fetch?: Fetch;
  /** Where the wrapped key and the user's profile stay between sessions; localStorage in a browser. */
  vault?: KeyValueStore;
  retryTime?: number;
  streamBackoff?: BackoffOptions;
  pbkdf2Iterations?: number;
  /** The OS keystore around the wrapped key; the desktop app's by default, none in the browser. */
  keystore?: SecretKeeper | null;
  /** The laptop's outbox of logged-out authors; by default the one beside the vault records. */
  outbox?: DeviceOutbox;
  /** Progress of the one-time upgrade of a store written before the sealed format, while the database opens. */
  onStoreUpgrade?: (progress: StoreUpgradeProgress) => void;
  now?: () => number;
};

export type ObhutClient = {
  user: SessionUser;
  /** How this session was opened: against the server, or unlocked locally while the server did not answer. */
  unlockedOffline: boolean;
  db: ObhutDatabase;
  intakes: IntakeRepository;
  entries: EntryRepository;
  facilities: FacilityRepository;
  holds: HoldRepository;
  /** The night directory: read by all, kept by the office's supervisors and admins and by the coordination. */
  contacts: ContactRepository;
  /** Calls of the admin API (role admin), with this session's token. */
  admin: AdminApi;
  /** The Verbund overview (roles coordinator and supervisor), with this session's token. */
  overview: OverviewApi;
  /** A person's request for information, answered by the server for the supervisor's office (access-request.ts). */
  accessRequest: AccessRequestApi;
  /** Names of the own office's staff by user id: in memory only, fetched whenever the server comes back. */
  directory: OfficeDirectory;
  /** Records opened and exports made on this laptop, queued for the server's audit trail (access-log.ts). */
  accessLog: AccessLog;
  /** Finished records removed from this laptop after the purge period, and fetched again (laptop-copies.ts). */
  laptopCopies: LaptopCopies;
  /** What this laptop sent, received and had refused in the last 30 days, without content (sync-log.ts). */
  syncLog: SyncLog;
  /**
   * True once the server said 403 device_revoked: the session has stopped syncing; the app tells the user and
   * wipes the device (wipe.ts).
   */
  revoked$: Observable<boolean>;
  /** Stored records that do not open (changed on disk): left out of every list, named here once each. */
  damagedRecords: DamagedRecords;
  replications: Replications;
  status$: Observable<SyncStatus>;
  readonly status: SyncStatus;
  /** Resolves when every local write is on the server and nothing is being pulled. */
  awaitInSync: () => Promise<void>;
  /** The user has seen a refused write: drop its record (the local document stays as it is). */
  dismissRejection: (id: string) => Promise<void>;
  /** A new password after the server refused the token (expired, or the password changed there). */
  reauthenticate: (password: string) => Promise<void>;
  /** The laptop's outbox of logged-out authors (docs/outbox.md); this session's own entry is never in it. */
  outbox: DeviceOutbox;
  /**
   * Until when this user's unsent changes would still be delivered after a logout without the user (the outbox
   * credential's expiry), or null: after a logout now they would wait for the user's next login here.
   */
  outboxDeliverableUntil: () => number | null;
  /** Seals what is pending into the laptop's outbox (done on every change and when the session ends). */
  sealOutbox: () => Promise<OutboxEntry | null>;
  logout: () => Promise<void>;
  close: () => Promise<void>;
};

const DEFAULT_RETRY_MS = 5000;

function defaultVault(): KeyValueStore {
  return typeof localStorage !== 'undefined' ? localStorage : memoryStore();
}

/** The RxDB name for one user on one device against one server (RxDB names: lowercase, digits, `_`). */
async function databaseName(serverUrl: string, userId: string, deviceId: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${serverUrl}|${userId}|${deviceId}`));
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  return `obhut_${hex.slice(0, 24)}`;
}

/**
 * Logs in (or unlocks offline with the password), opens the user's encrypted database and starts replicating: an
 * auth session (the token), a status model (what the status bar shows) and a sync engine (the replications).
 * Works in the browser and in plain Node (pass `indexedDB`/`IDBKeyRange` of fake-indexeddb and a `fetch`).
 */
export async function openClient(options: OpenClientOptions): Promise<ObhutClient> {
  const serverUrl = options.serverUrl.replace(/\/+$/, '');
  const vault = options.vault ?? defaultVault();
  const revoked$ = new BehaviorSubject(false);
  const connection = new ConnectionState();
  const api = new SyncApi(
    serverUrl,
    options.fetch ?? globalThis.fetch.bind(globalThis),
    {
      onReachable: (reachable) => connection.set({ serverReachable: reachable }),
      onDeviceRevoked: () => {
        if (!revoked$.value) revoked$.next(true);
      },
    },
    options.device.id,
  );
  const vaultOptions: VaultOptions = {
    iterations: options.pbkdf2Iterations,
    keystore: options.keystore === undefined ? osKeystore() : options.keystore,
  };
  const { user, key, unlockedOffline } = await unlock(api, vault, serverUrl, options, vaultOptions);
  const damaged = new DamagedRecords();
  const db = await openDatabase({
    name: await databaseName(serverUrl, user.id, options.device.id),
    key,
    env: options,
    sealing: { onUpgradeProgress: options.onStoreUpgrade, onDamagedRecord: damaged.report },
  });
  try {
    return await startSession({
      ...{ options, serverUrl, vault, vaultOptions, api, connection, revoked$ },
      ...{ user, key, db, unlockedOffline, damaged },
    });
  } catch (err) {
    await db.close();
    throw err;
  }
}

type SessionStart = {
  options: OpenClientOptions;
  serverUrl: string;
  vault: KeyValueStore;
  vaultOptions: VaultOptions;
  api: SyncApi;
  connection: ConnectionState;
  revoked$: BehaviorSubject<boolean>;
  user: SessionUser;
  key: string;
  db: ObhutDatabase;
  unlockedOffline: boolean;
  damaged: DamagedRecords;
};

/** The session on the open database: its parts, wired to each other, and the way to end it. */
async function startSession(start: SessionStart): Promise<ObhutClient> {
  const { options, serverUrl, vault, vaultOptions, api, connection, revoked$, user, key, db } = start;
  const now = options.now ?? Date.now;
  const pending = await PendingWrites.open(db);
  const model = await StatusModel.open(db, pending, user, connection);
  const auth = new AuthSession({
    api,
    username: options.username,
    device: options.device,
    heldPassword: start.unlockedOffline ? options.password : null,
    onAuthState: (state) => model.set({ auth: state }),
    keepPassword: (who, password) => storeVault(vault, serverUrl, who, key, password, vaultOptions),
  });
  const syncLog = await SyncLog.open(db, now);
  const engine = new SyncEngine({
    api,
    db,
    pending,
    auth,
    status: model,
    retryTime: options.retryTime ?? DEFAULT_RETRY_MS,
    streamBackoff: options.streamBackoff,
    now,
    syncLog,
  });
  const laptopCopies = await LaptopCopies.open({
    db,
    intakes: engine.replications.intakes,
    entries: engine.replications.entries,
    pending,
    fetchCopy: (id) => callJson<LaptopCopy>(api, auth, `/privacy/laptop-copy/${encodeURIComponent(id)}`),
    now,
  });
  const subs: Subscription[] = [pending.marks$.subscribe((marks) => (api.pendingChanges = Object.keys(marks).length))];
  const serverUsable$ = model.facts$.pipe(map((f) => f.serverReachable === true && f.auth.state === 'ok'));
  const directory = new OfficeDirectory(new DirectoryApi(api, auth.withAuth), user);
  subs.push(directory.follow(model.status$));
  const accessLog = new AccessLog(
    globalThis.localStorage ?? memoryQueueStore(),
    user.id,
    localEventsSender(api, auth.withAuth),
    now,
  );
  subs.push(accessLog.follow(serverUsable$));
  const outbox = options.outbox ?? deviceOutbox(vault, serverUrl);
  const sessionOutbox = await SessionOutbox.open({
    user,
    db,
    pending,
    replications: engine.replications,
    outbox,
    keeper: new CredentialKeeper(vault, serverUrl, user.id, key),
    requestCredential: () => callJson<OutboxCredential>(api, auth, '/outbox/credential', 'POST'),
    facts$: model.facts$,
    now,
  });

  const intakes = new IntakeRepository(db.intakes, pending, user, now);
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      // Last seal while the key is still here, after the writes of the closing screens (see below) have landed;
      // not for a revoked device, whose data is about to be wiped.
      if (!revoked$.value) {
        await writesLanded(db);
        await sessionOutbox.seal().catch(() => null);
      }
      sessionOutbox.close();
      auth.end();
      await engine.close();
      for (const sub of subs) sub.unsubscribe();
      intakes.close();
      model.close();
      // Writes the closing screens started (a record's flush on unmount) reach RxDB a few ticks later: let them
      // begin, then finish, before the store closes under them.
      await writesLanded(db);
      await model.flushed();
      await db.close();
    })());
  // A revoked device stops talking to the server at once; the app wipes what is left.
  subs.push(revoked$.pipe(filter(Boolean)).subscribe(() => void close()));

  return {
    user,
    unlockedOffline: start.unlockedOffline,
    db,
    intakes,
    entries: new EntryRepository(db.entries, db.rejections, pending, user, now),
    facilities: new FacilityRepository(db.facilities, pending, user, now),
    holds: new HoldRepository(db.holds, pending, user, now),
    contacts: new ContactRepository(db.contacts, pending, user, now),
    admin: new AdminApi(api, auth.withAuth),
    overview: new OverviewApi(api, auth.withAuth),
    accessRequest: new AccessRequestApi(api, auth.withAuth),
    directory,
    accessLog,
    laptopCopies,
    syncLog,
    revoked$: revoked$.asObservable(),
    damagedRecords: start.damaged,
    replications: engine.replications,
    status$: model.status$,
    get status() {
      return model.status;
    },
    dismissRejection: (id: string) => clearRejections(db.rejections, [id]),
    awaitInSync: () => engine.awaitInSync(),
    async reauthenticate(password: string) {
      await auth.reauthenticate(password);
      engine.reSync();
    },
    outbox,
    outboxDeliverableUntil: () => sessionOutbox.deliverableUntil(),
    sealOutbox: () => sessionOutbox.seal(),
    async logout() {
      try {
        if (api.token) await api.logout();
      } catch {
        // offline: the token expires on its own; local data stays encrypted
      }
      await close();
    },
    close,
  };
}

/** One call of the session (renewing the token once where it can), its answer as JSON. */
function callJson<T>(api: SyncApi, auth: AuthSession, path: string, method: 'GET' | 'POST' = 'GET'): Promise<T> {
  return auth.withAuth(async () => (await api.request(method, path, {})).json() as Promise<T>);
}

/** A write started a tick ago has reached RxDB's queue, and everything in it is on disk. */
async function writesLanded(db: ObhutDatabase): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await db.requestIdlePromise();
}

async function unlock(
  api: SyncApi,
  vault: KeyValueStore,
  serverUrl: string,
  options: OpenClientOptions,
  vaultOptions: VaultOptions,
): Promise<{ user: SessionUser; key: string; unlockedOffline: boolean }> {
  let lockedOnServer: ApiError | null = null;
  try {
    const res = await api.login({ username: options.username, password: options.password, device: options.device });
    api.token = res.token;
    try {
      const key = await openOrCreateVault(vault, serverUrl, res.user, options.password, vaultOptions);
      return { user: res.user, key, unlockedOffline: false };
    } catch (err) {
      if (err instanceof VaultLockedError) throw new LoginError('local_key_mismatch', err.message);
      throw err;
    }
  } catch (err) {
    // A locked name (guesses from elsewhere, issue 12.3) must not keep the worker from the records already on
    // this laptop: the local key check below decides, as offline. Without a local record the lock stands.
    const locked = err instanceof ApiError && err.code === 'too_many_attempts';
    if (locked && readVaultRecord(vault, serverUrl, options.username)) {
      lockedOnServer = err;
    } else {
      if (err instanceof ApiError) throw new LoginError(err.code, err.message, err.limits);
      if (err instanceof KeystoreError) throw new LoginError('keystore_refused', err.message);
      if (!(err instanceof NetworkError)) throw err;
    }
  }
  const record = readVaultRecord(vault, serverUrl, options.username);
  if (!record) throw new LoginError('offline', 'server unreachable and no local session for this user');
  try {
    const key = await unlockStoredVault(vault, serverUrl, record, options.password, vaultOptions);
    return { user: record.user, key, unlockedOffline: true };
  } catch (err) {
    if (err instanceof VaultLockedError) {
      // While the server's lock lasts, say so: the form names its end and whom to call.
      if (lockedOnServer) throw new LoginError('too_many_attempts', lockedOnServer.message, lockedOnServer.limits);
      throw new LoginError('invalid_credentials', 'wrong password (offline)');
    }
    if (err instanceof KeystoreError) throw new LoginError('keystore_refused', err.message);
    throw err;
  }
}
