import { once } from 'node:events';
import type { ServerResponse } from 'node:http';

import type { FastifyBaseLogger } from 'fastify';

import {
  PULL_LIMIT_MAX,
  type PullResponse,
  type SessionUser,
  type StreamEvent,
  type WireDocument,
} from '../../shared/sync/protocol';
import type { Db } from '../db/db';
import { type CollectionDef, presentTo, type ReadScope } from './collections';
import { feedHead, readFeed } from './pull';
import { type ChangeNotice, CHANGES_CHANNEL } from './push';

/**
 * Streams of one collection and read scope (an office's on-call staff and supervisors) that stand at the same
 * cursor when the feed moves ask PostgreSQL the same question: one query answers them all, and its event is
 * serialised once. Without this a change reached 5,000 streams with 5,000 identical queries.
 */
export class SharedFeedReads {
  private readonly inFlight = new Map<string, Promise<SharedPage>>();

  constructor(private readonly db: Db) {}

  read(collection: string, scope: ReadScope, from: number, upTo: number, view?: SharedView): Promise<SharedPage> {
    const key = JSON.stringify([collection, scope, from, upTo, view?.key]);
    let page = this.inFlight.get(key);
    if (!page) {
      page = readFeed(this.db, collection, scope, { seq: from }, PULL_LIMIT_MAX, upTo)
        .then(async (p) => (view ? { ...p, documents: await view.present(p.documents) } : p))
        .then((p) => sharedPage(p, upTo))
        .finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, page);
    }
    return page;
  }

  /** Reads under way (for tests). */
  get pending(): number {
    return this.inFlight.size;
  }
}

/** How the readers of one view key are shown documents (the collection's view, CollectionDef.view). */
type SharedView = { key: string; present: (docs: WireDocument[]) => Promise<WireDocument[]> };

/** A page of the feed, where a stream that read it stands afterwards, and its event as sent. */
type SharedPage = { reached: number; event: string | null };

function sharedPage(page: PullResponse, upTo: number): SharedPage {
  // A full page may stop short of upTo; otherwise everything readable up to upTo has been seen.
  const reached = page.documents.length === PULL_LIMIT_MAX ? page.checkpoint!.seq : upTo;
  const event: StreamEvent = { documents: page.documents, checkpoint: { seq: reached } };
  return { reached, event: page.documents.length ? `data: ${JSON.stringify(event)}\n\n` : null };
}

/**
 * One open event stream. It keeps its own cursor (the feed position it has delivered up to) and, when told the
 * feed moved, sends what the user may read in (cursor, target]. Positions up to a notified seq are all committed
 * (see push.ts), so nothing between cursor and target can still appear later.
 */
export class StreamConnection {
  private cursor = 0;
  private target = 0;
  private ready = false;
  private draining = false;
  closed = false;

  constructor(
    private readonly db: Db,
    private readonly reads: SharedFeedReads,
    readonly def: CollectionDef,
    readonly user: SessionUser,
    readonly tokenHash: string,
    private readonly res: ServerResponse,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Starts at the current head and tells the client to pull (it may have missed anything before). */
  async open(): Promise<void> {
    const head = await feedHead(this.db, this.def.name);
    this.cursor = head;
    this.target = Math.max(this.target, head);
    this.ready = true;
    this.send('RESYNC');
    void this.drain();
  }

  advanceTo(seq: number): void {
    if (seq <= this.target) return;
    this.target = seq;
    void this.drain();
  }

  /** Notifications may have been lost: skip to the head and let the client pull. */
  async resync(): Promise<void> {
    const head = await feedHead(this.db, this.def.name);
    this.cursor = Math.max(this.cursor, head);
    this.target = Math.max(this.target, head);
    this.send('RESYNC');
  }

  heartbeat(): void {
    if (!this.closed) this.res.write(': ping\n\n');
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.res.end();
  }

  private send(event: StreamEvent): void {
    if (!this.closed) this.res.write(`data: ${JSON.stringify(event)}\n\n`);
  }

  private async drain(): Promise<void> {
    if (!this.ready || this.draining) return;
    this.draining = true;
    try {
      const scope = this.def.readScope(this.user);
      const view = this.def.view;
      const shown: SharedView | undefined = view && {
        key: view.key(this.user),
        present: (docs) => presentTo(this.def, this.db, this.user, docs),
      };
      while (!this.closed && this.cursor < this.target) {
        const page = await this.reads.read(this.def.name, scope, this.cursor, this.target, shown);
        if (page.event && !this.closed) this.res.write(page.event);
        this.cursor = page.reached;
        // A slow client must not make the server buffer the whole feed in memory.
        if (this.res.writableNeedDrain) await Promise.race([once(this.res, 'drain'), once(this.res, 'close')]);
      }
    } catch (err) {
      this.log.warn({ err }, 'Stream konnte Änderungen nicht lesen');
      this.send('RESYNC');
      this.cursor = this.target;
    } finally {
      this.draining = false;
    }
  }
}

/**
 * All open streams of this instance, fed by PostgreSQL notifications, so that a write through any instance on the
 * same database reaches every stream.
 */
export class StreamHub {
  private readonly streams = new Set<StreamConnection>();
  /** One query per scope and cursor for all the streams of this instance (SharedFeedReads). */
  readonly reads: SharedFeedReads;
  private unlisten: (() => Promise<void>) | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    private readonly heartbeatMs: number,
    /** Re-checks a stream's session on each heartbeat; false ends the stream (logout, revoked device, expiry). */
    private readonly sessionValid: (tokenHash: string) => Promise<boolean>,
  ) {
    this.reads = new SharedFeedReads(db);
  }

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(CHANGES_CHANNEL, {
      onNotify: (payload) => this.onNotify(payload),
      onReconnect: () => {
        for (const s of this.streams) void s.resync().catch((err) => this.log.warn({ err }, 'RESYNC fehlgeschlagen'));
      },
    });
    this.timer = setInterval(() => void this.beat(), this.heartbeatMs);
    this.timer.unref();
  }

  async add(stream: StreamConnection): Promise<void> {
    this.streams.add(stream);
    await stream.open();
  }

  remove(stream: StreamConnection): void {
    this.streams.delete(stream);
    stream.close();
  }

  closeSession(tokenHash: string): void {
    for (const s of this.streams) if (s.tokenHash === tokenHash) this.remove(s);
  }

  get size(): number {
    return this.streams.size;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    for (const s of this.streams) this.remove(s);
    await this.unlisten?.();
    this.unlisten = undefined;
  }

  /**
   * A committed change reaches this instance's streams: from PostgreSQL's NOTIFY (writes through any instance) and,
   * for a push this instance accepted, at once after its commit (the NOTIFY round trip then finds nothing new).
   */
  advance(notice: ChangeNotice): void {
    for (const s of this.streams) if (s.def.name === notice.c) s.advanceTo(notice.seq);
  }

  private onNotify(payload: string): void {
    let notice: ChangeNotice;
    try {
      notice = JSON.parse(payload) as ChangeNotice;
    } catch {
      return;
    }
    this.advance(notice);
  }

  private async beat(): Promise<void> {
    const byToken = new Map<string, StreamConnection[]>();
    for (const s of this.streams) byToken.set(s.tokenHash, [...(byToken.get(s.tokenHash) ?? []), s]);
    for (const [tokenHash, streams] of byToken) {
      const valid = await this.sessionValid(tokenHash).catch(() => true);
      for (const s of streams) {
        if (valid) s.heartbeat();
        else this.remove(s);
      }
    }
  }
}
