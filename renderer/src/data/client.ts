import { getAssumedMasterState, type RxCollection, type RxDocumentData, type WithDeleted } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import {
  BehaviorSubject,
  combineLatest,
  debounceTime,
  exhaustMap,
  filter,
  firstValueFrom,
  map,
  type Observable,
  of,
  type Subscription,
  tap,
} from 'rxjs';

import type { LaptopCopy } from '../../../shared/privacy/laptop-purge';
import { mayAtAll } from '../../../shared/rules/authz';
import type { Contact } from '../../../shared/schema/contact';
import type { Entry } from '../../../shared/schema/entry';
import type { Facility } from '../../../shared/schema/facility';
import type { Hold } from '../../../shared/schema/hold';
import type { Intake } from '../../../shared/schema/intake';
import type { OutboxCredential, OutboxPayload } from '../../../shared/sync/outbox';
import type { Checkpoint, CollectionName, PushRow, SessionUser, WireDocument } from '../../../shared/sync/protocol';
import { AccessLog, localEventsSender, memoryQueueStore } from './access-log';
import { AdminApi } from './admin';
import type { BackoffOptions } from './backoff';
import { ContactRepository } from './contacts';
import { type IndexedDbEnvironment, type ObhutDatabase, openDatabase } from './database';
import { DirectoryApi, OfficeDirectory } from './directory';
import { EntryRepository } from './entries';
import { eventStream } from './event-stream';
import { FacilityRepository } from './facilities';
import { HoldRepository, waitsForRecord } from './holds';
import { ApiError, type Fetch, type LoginLimits, NetworkError, SyncApi } from './http';
import { IntakeRepository } from './intakes';
import { LaptopCopies } from './laptop-copies';
import {
  CredentialKeeper,
  deliverable,
  type DeviceOutbox,
  deviceOutbox,
  type OutboxEntry,
  sealPayload,
} from './outbox';
import { OverviewApi } from './overview';
import { PendingWrites } from './pending';
import { clearRejections, type RejectionView, viewOf } from './rejections';
import { type LocalDocument, replicateCollection, type ReplicationOptions } from './replication';
import { syncErrorText } from './sync-error';
import { combineStatus, ConnectionState, machineOnline, type SyncStatus } from './sync-status';
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
  /** Names of the own office's staff by user id: in memory only, fetched whenever the server comes back. */
  directory: OfficeDirectory;
  /** Records opened and exports made on this laptop, queued for the server's audit trail (access-log.ts). */
  accessLog: AccessLog;
  /** Finished records removed from this laptop after the purge period, and fetched again (laptop-copies.ts). */
  laptopCopies: LaptopCopies;
  /**
   * True once the server said 403 device_revoked: the session has stopped syncing; the app tells the user and
   * wipes the device (wipe.ts).
   */
  revoked$: Observable<boolean>;
  /** The intakes' replication (kept under this name for the tests that watch it). */
  replication: RxReplicationState<Intake, Checkpoint>;
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

/** The collections replicated with the server, each with its own stream. */
const REPLICATED = [
  'intakes',
  'entries',
  'facilities',
  'holds',
  'contacts',
] as const satisfies readonly CollectionName[];
export type Replications = {
  intakes: RxReplicationState<Intake, Checkpoint>;
  entries: RxReplicationState<Entry, Checkpoint>;
  facilities: RxReplicationState<Facility, Checkpoint>;
  holds: RxReplicationState<Hold, Checkpoint>;
  contacts: RxReplicationState<Contact, Checkpoint>;
};

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
 * Logs in (or unlocks offline with the password), opens the user's encrypted database and starts replicating.
 * Works in the browser and in plain Node (pass `indexedDB`/`IDBKeyRange` of fake-indexeddb and a `fetch`).
 */
export async function openClient(options: OpenClientOptions): Promise<ObhutClient> {
  const serverUrl = options.serverUrl.replace(/\/+$/, '');
  const vault = options.vault ?? defaultVault();
  const now = options.now ?? Date.now;
  const connection = new ConnectionState(null);
  const revoked$ = new BehaviorSubject(false);
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
  // Kept only until the server has seen it once after an offline unlock; never stored.
  let heldPassword: string | null = unlockedOffline ? options.password : null;

  const db = await openDatabase({
    name: await databaseName(serverUrl, user.id, options.device.id),
    key,
    env: options,
  });
  const subs: Subscription[] = [];
  const closed$ = new BehaviorSubject(false);
  const tokenChanged$ = new BehaviorSubject(0);
  try {
    const pending = await PendingWrites.open(db);
    subs.push(pending.marks$.subscribe((marks) => (api.pendingChanges = Object.keys(marks).length)));
    const syncMeta = await db.getLocal<{ lastSyncedAt: number }>('sync-meta');
    connection.set({ lastSyncedAt: (syncMeta?.get('lastSyncedAt') as number | undefined) ?? null });

    let renewing: Promise<boolean> | null = null;
    const renew = (): Promise<boolean> => {
      renewing ??= (async () => {
        try {
          if (!heldPassword) {
            connection.set({ auth: { state: 'failed', code: 'token_expired', message: 'token_expired' } });
            return false;
          }
          const res = await api.login({ username: options.username, password: heldPassword, device: options.device });
          api.token = res.token;
          heldPassword = null;
          connection.set({ auth: { state: 'ok' } });
          tokenChanged$.next(tokenChanged$.value + 1);
          return true;
        } catch (err) {
          if (err instanceof ApiError) {
            // Do not try this password again: it would only count towards the lock-out.
            heldPassword = null;
            connection.set({ auth: { state: 'failed', code: err.code, message: err.message } });
            return false;
          }
          throw err;
        } finally {
          renewing = null;
        }
      })();
      return renewing;
    };

    async function withAuth<T>(request: () => Promise<T>): Promise<T> {
      try {
        return await request();
      } catch (err) {
        if (err instanceof ApiError && err.status === 401 && (await renew())) return request();
        throw err;
      }
    }

    let persisting = false;
    let dirty = false;
    const persistLastSync = async () => {
      if (persisting) {
        dirty = true;
        return;
      }
      persisting = true;
      try {
        do {
          dirty = false;
          const at = connection.facts$.value.lastSyncedAt;
          if (at !== null && !closed$.value) await db.upsertLocal('sync-meta', { lastSyncedAt: at });
        } while (dirty);
      } catch {
        // a closed database at shutdown: the next session shows the previous time, nothing is lost
      } finally {
        persisting = false;
      }
    };
    const onSynced = (at: number) => {
      connection.set({ lastSyncedAt: at, auth: { state: 'ok' }, lastError: null });
      void persistLastSync();
    };

    // One stream per collection; "connected" means all of them are.
    const streamsUp = new Set<CollectionName>();
    const streamOf = <D extends WireDocument>(collection: CollectionName) =>
      eventStream<D>({
        api,
        collection,
        backoff: options.streamBackoff,
        onConnectedChange: (connected) => {
          if (connected) streamsUp.add(collection);
          else streamsUp.delete(collection);
          connection.set({ streamConnected: streamsUp.size === REPLICATED.length });
        },
        onUnauthorized: async () => {
          const seen = tokenChanged$.value;
          if (await renew()) return;
          // Wait for a new token (reauthenticate) or for close(), which also bumps the counter.
          await firstValueFrom(tokenChanged$.pipe(filter((n) => n > seen)));
        },
        onError: (err) => connection.set({ lastError: syncErrorText(err) }),
      }).pipe(tap(() => onSynced(now())));

    const replicate = <T extends LocalDocument>(
      name: CollectionName,
      collection: RxCollection<T>,
      notYet?: ReplicationOptions<T>['notYet'],
    ) =>
      replicateCollection<T>({
        notYet,
        api,
        name,
        collection,
        rejections: db.rejections,
        pending,
        stream$: streamOf<WithDeleted<T> & WireDocument>(name),
        withAuth,
        onSynced,
        retryTime: options.retryTime ?? DEFAULT_RETRY_MS,
        now,
      });
    const replications: Replications = {
      intakes: replicate('intakes', db.intakes),
      entries: replicate('entries', db.entries),
      facilities: replicate('facilities', db.facilities),
      holds: replicate('holds', db.holds, waitsForRecord(pending)),
      contacts: replicate('contacts', db.contacts),
    };
    const laptopCopies = await LaptopCopies.open({
      db,
      intakes: replications.intakes,
      entries: replications.entries,
      pending,
      fetchCopy: (id) =>
        withAuth(
          async () =>
            (await (
              await api.request('GET', `/privacy/laptop-copy/${encodeURIComponent(id)}`, {})
            ).json()) as LaptopCopy,
        ),
      now,
    });
    const allReplications = Object.values(replications) as RxReplicationState<unknown, Checkpoint>[];
    for (const r of allReplications)
      subs.push(r.error$.subscribe((err) => connection.set({ lastError: syncErrorText(err) })));
    const awaitAllInSync = () => Promise.all(allReplications.map((r) => r.awaitInSync()));

    // Settle pending marks the push handlers could not (see pending.ts) whenever every replication comes to rest.
    let reconciling = false;
    subs.push(
      combineLatest(allReplications.map((r) => r.active$))
        .pipe(
          filter((active) => !active.some(Boolean)),
          debounceTime(200),
        )
        .subscribe(() => {
          if (reconciling || closed$.value) return;
          reconciling = true;
          const snapshot = pending.snapshot();
          awaitAllInSync()
            .then(() => (closed$.value ? undefined : pending.settleSnapshot(snapshot)))
            .catch(() => {})
            .finally(() => {
              reconciling = false;
            });
        }),
    );

    const win = typeof window !== 'undefined' && typeof window.addEventListener === 'function' ? window : null;
    const onOnline = () => {
      connection.set({ machineOnline: true });
      for (const r of allReplications) r.reSync();
    };
    const onOffline = () => connection.set({ machineOnline: machineOnline() });
    win?.addEventListener('online', onOnline);
    win?.addEventListener('offline', onOffline);

    const rejections$: Observable<RejectionView[]> = db.rejections
      .find({ sort: [{ at: 'desc' }] })
      .$.pipe(map((docs) => docs.map((d) => viewOf(d.toJSON()))));
    // Conflicts this user is asked to look at: on the office's intakes and holds, and on facilities for those who
    // keep them.
    const withConflicts = (docs: { id: string; conflicts: unknown[] }[]) => docs.filter((d) => d.conflicts.length > 0);
    const keepsFacilities = mayAtAll(user, 'facilities', 'write');
    const conflicts$ = combineLatest([
      db.intakes.find().$,
      db.holds.find({ selector: { officeId: user.officeId as Hold['officeId'] } }).$,
      keepsFacilities ? db.facilities.find().$ : of([]),
    ]).pipe(
      map((lists) => {
        const docs = lists.flatMap((docs) => withConflicts(docs));
        return { ids: docs.map((d) => d.id), count: docs.reduce((n, d) => n + d.conflicts.length, 0) };
      }),
    );
    const pendingIds$ = pending.marks$.pipe(map((marks) => Object.keys(marks).sort()));
    const statusSubject = new BehaviorSubject<SyncStatus | null>(null);
    subs.push(combineStatus(connection.facts$, pendingIds$, rejections$, conflicts$).subscribe(statusSubject));
    const status$ = statusSubject.pipe(filter((s): s is SyncStatus => s !== null));
    const directory = new OfficeDirectory(new DirectoryApi(api, withAuth), user);
    subs.push(directory.follow(status$));
    const accessLog = new AccessLog(
      globalThis.localStorage ?? memoryQueueStore(),
      user.id,
      localEventsSender(api, withAuth),
      now,
    );
    subs.push(
      accessLog.follow(connection.facts$.pipe(map((f) => f.serverReachable === true && f.auth.state === 'ok'))),
    );

    // The outbox (docs/outbox.md): this session sends its own changes, so an entry sealed by an earlier session of
    // the user is dropped; what is pending is sealed again on every change and when the session ends.
    const outbox = options.outbox ?? deviceOutbox(vault, serverUrl);
    outbox.remove(user.id);
    const keeper = new CredentialKeeper(vault, serverUrl, user.id, key);
    let credential: OutboxCredential | null = await keeper.load(now());
    let credentialState: 'wanted' | 'asking' | 'fresh' = 'wanted';
    const obtainCredential = async () => {
      if (credentialState !== 'wanted' || closed$.value) return;
      credentialState = 'asking';
      try {
        const res = await withAuth(() => api.request('POST', '/outbox/credential', {}));
        const fresh = (await res.json()) as OutboxCredential;
        await keeper.save(fresh);
        credential = fresh;
        credentialState = 'fresh';
      } catch {
        credentialState = 'wanted';
      }
    };
    subs.push(
      connection.facts$
        .pipe(filter((f) => f.serverReachable === true && f.auth.state === 'ok'))
        .subscribe(() => void obtainCredential()),
    );
    const liveCredential = () => (credential && credential.expiresAt > now() ? credential : null);
    let lastSealedAt = 0;
    const sealNow = async (): Promise<OutboxEntry | null> => {
      const ids = pending.ids;
      if (ids.length === 0) {
        outbox.remove(user.id);
        return null;
      }
      const collections: OutboxPayload['collections'] = [];
      for (const name of REPLICATED) {
        const rows = await pendingRows(
          db[name] as unknown as RxCollection<LocalDocument>,
          replications[name] as unknown as RxReplicationState<LocalDocument, Checkpoint>,
          ids,
        );
        if (rows.length) collections.push({ collection: name, rows });
      }
      const sealedAt = (lastSealedAt = Math.max(now(), lastSealedAt + 1));
      const live = liveCredential();
      const entry: OutboxEntry = {
        userId: user.id,
        displayName: user.displayName,
        count: ids.length,
        sealedAt,
        expiresAt: live?.expiresAt ?? null,
        sealed: live ? await sealPayload(live, { userId: user.id, sealedAt, collections }) : null,
      };
      const kept = deliverable(entry);
      outbox.put(kept);
      return kept;
    };
    let sealing: Promise<OutboxEntry | null> = Promise.resolve(null);
    const sealOutbox = () => (sealing = sealing.catch(() => null).then(sealNow));
    subs.push(
      pending.marks$
        .pipe(
          debounceTime(500),
          exhaustMap(() => sealOutbox().catch(() => null)),
        )
        .subscribe(),
    );

    let closing: Promise<void> | null = null;
    const close = () => {
      closing ??= (async () => {
        // Last seal while the key is still here, after the writes of the closing screens (see below) have landed;
        // not for a revoked device, whose data is about to be wiped.
        if (!revoked$.value) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          await db.requestIdlePromise();
          await sealOutbox().catch(() => null);
        }
        closed$.next(true);
        tokenChanged$.next(tokenChanged$.value + 1);
        win?.removeEventListener('online', onOnline);
        win?.removeEventListener('offline', onOffline);
        await Promise.all(allReplications.map((r) => r.cancel()));
        for (const sub of subs) sub.unsubscribe();
        // Writes the closing screens started (a record's flush on unmount) reach RxDB a few ticks later: let them
        // begin, then finish, before the store closes under them.
        await new Promise((resolve) => setTimeout(resolve, 0));
        await db.requestIdlePromise();
        await db.close();
      })();
      return closing;
    };
    // A revoked device stops talking to the server at once; the app wipes what is left.
    subs.push(revoked$.pipe(filter(Boolean)).subscribe(() => void close()));

    return {
      user,
      unlockedOffline,
      db,
      intakes: new IntakeRepository(db.intakes, pending, user, now),
      entries: new EntryRepository(db.entries, db.rejections, pending, user, now),
      facilities: new FacilityRepository(db.facilities, pending, user, now),
      holds: new HoldRepository(db.holds, pending, user, now),
      contacts: new ContactRepository(db.contacts, pending, user, now),
      admin: new AdminApi(api, withAuth),
      overview: new OverviewApi(api, withAuth),
      directory,
      accessLog,
      laptopCopies,
      revoked$: revoked$.asObservable(),
      replication: replications.intakes,
      replications,
      status$,
      get status() {
        const s = statusSubject.value;
        if (!s) throw new Error('status not ready');
        return s;
      },
      dismissRejection: (id: string) => clearRejections(db.rejections, [id]),
      awaitInSync: async () => {
        await awaitAllInSync();
      },
      async reauthenticate(password: string) {
        const res = await api.login({ username: options.username, password, device: options.device });
        api.token = res.token;
        heldPassword = null;
        await storeVault(vault, serverUrl, res.user, key, password, vaultOptions);
        connection.set({ auth: { state: 'ok' } });
        tokenChanged$.next(tokenChanged$.value + 1);
        for (const r of allReplications) r.reSync();
      },
      outbox,
      outboxDeliverableUntil: () => liveCredential()?.expiresAt ?? null,
      sealOutbox,
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
  } catch (err) {
    for (const sub of subs) sub.unsubscribe();
    await db.close();
    throw err;
  }
}

/** The pending documents of one collection as push rows, each with the server state the replication assumes. */
async function pendingRows(
  collection: RxCollection<LocalDocument>,
  replication: RxReplicationState<LocalDocument, Checkpoint>,
  ids: string[],
): Promise<PushRow[]> {
  const docs = await collection.storageInstance.findDocumentsById(ids, true);
  if (docs.length === 0) return [];
  const state = replication.internalReplicationState;
  const assumed = state
    ? await getAssumedMasterState(
        state,
        docs.map((d) => d.id),
      )
    : {};
  return docs.map((doc) => {
    const master = assumed[doc.id]?.docData;
    return {
      newDocumentState: wireOf(doc),
      ...(master ? { assumedMasterState: wireOf(master) } : {}),
    };
  });
}

function wireOf(doc: RxDocumentData<LocalDocument> | WithDeleted<LocalDocument>): WireDocument {
  const { _meta, _rev, _attachments, ...rest } = doc as RxDocumentData<LocalDocument>;
  void _meta;
  void _rev;
  void _attachments;
  return rest;
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
