import { getAssumedMasterState, type RxCollection, type RxDocumentData, type WithDeleted } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { debounceTime, exhaustMap, filter, type Observable, type Subscription } from 'rxjs';

import type { OutboxCredential, OutboxPayload } from '../../../shared/sync/outbox';
import type { Checkpoint, PushRow, SessionUser, WireDocument } from '../../../shared/sync/protocol';
import type { ObhutDatabase } from './database';
import { type CredentialKeeper, deliverable, type DeviceOutbox, type OutboxEntry, sealPayload } from './outbox';
import type { PendingWrites } from './pending';
import type { LocalDocument } from './replication';
import { REPLICATED, type Replications } from './sync-engine';
import type { ConnectionFacts } from './sync-status';

export type SessionOutboxOptions = {
  user: SessionUser;
  db: ObhutDatabase;
  pending: PendingWrites;
  replications: Replications;
  outbox: DeviceOutbox;
  keeper: CredentialKeeper;
  /** Asks the server for a fresh credential (with the session's token). */
  requestCredential: () => Promise<OutboxCredential>;
  facts$: Observable<ConnectionFacts>;
  now: () => number;
};

/**
 * This session's part of the laptop's outbox (docs/outbox.md): what is pending is sealed again on every change and
 * when the session ends, so that another user of the laptop can deliver it after a logout. The session sends its
 * own changes, so an entry sealed by an earlier session of the user is dropped at the start.
 */
export class SessionOutbox {
  private credential: OutboxCredential | null = null;
  private credentialState: 'wanted' | 'asking' | 'fresh' = 'wanted';
  private lastSealedAt = 0;
  private sealing: Promise<OutboxEntry | null> = Promise.resolve(null);
  private readonly subscriptions: Subscription[] = [];
  private closed = false;

  static async open(options: SessionOutboxOptions): Promise<SessionOutbox> {
    options.outbox.remove(options.user.id);
    const outbox = new SessionOutbox(options);
    outbox.credential = await options.keeper.load(options.now());
    outbox.follow();
    return outbox;
  }

  private constructor(private readonly options: SessionOutboxOptions) {}

  /** Until when a logout now would leave the changes deliverable by others; null: they would wait for the user. */
  deliverableUntil(): number | null {
    return this.liveCredential()?.expiresAt ?? null;
  }

  /** Seals what is pending now, after any seal under way. */
  seal(): Promise<OutboxEntry | null> {
    this.sealing = this.sealing.catch(() => null).then(() => this.sealNow());
    return this.sealing;
  }

  close(): void {
    this.closed = true;
    for (const sub of this.subscriptions) sub.unsubscribe();
  }

  private follow(): void {
    const { facts$, pending } = this.options;
    this.subscriptions.push(
      facts$
        .pipe(filter((f) => f.serverReachable === true && f.auth.state === 'ok'))
        .subscribe(() => void this.obtainCredential()),
      pending.marks$
        .pipe(
          debounceTime(500),
          exhaustMap(() => this.seal().catch(() => null)),
        )
        .subscribe(),
    );
  }

  /** One fresh credential per session, asked for whenever the server is there until it was had. */
  private async obtainCredential(): Promise<void> {
    if (this.credentialState !== 'wanted' || this.closed) return;
    this.credentialState = 'asking';
    try {
      const fresh = await this.options.requestCredential();
      await this.options.keeper.save(fresh);
      this.credential = fresh;
      this.credentialState = 'fresh';
    } catch {
      this.credentialState = 'wanted';
    }
  }

  private liveCredential(): OutboxCredential | null {
    return this.credential && this.credential.expiresAt > this.options.now() ? this.credential : null;
  }

  private async sealNow(): Promise<OutboxEntry | null> {
    const { user, db, pending, replications, outbox, now } = this.options;
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
    const sealedAt = (this.lastSealedAt = Math.max(now(), this.lastSealedAt + 1));
    const live = this.liveCredential();
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
