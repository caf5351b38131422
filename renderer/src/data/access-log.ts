import type { Observable, Subscription } from 'rxjs';

import {
  LOCAL_EVENTS_MAX,
  type LocalEvent,
  type LocalEventKind,
  type LocalEventsRequest,
} from '../../../shared/local-events';
import { ApiError, type SyncApi } from './http';

/** Where the queue lives between app starts: the window's localStorage (ids, kinds and times only, no content). */
export type QueueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
export type SendEvents = (events: LocalEvent[]) => Promise<void>;

/**
 * What this laptop showed or let out, for the audit trail (issue 16; shared/local-events.ts): every record opened,
 * every PDF, print, CSV and document. Recorded at once in a queue of the user's own, sent to the server whenever it
 * is reachable, removed from the queue only once the server has it. Offline, the queue waits; a resend after a lost
 * answer is recorded once (the server knows the event ids).
 */
/** localStorage key prefix of each user's queue of local events (ids and kinds only). */
export const LOCAL_EVENTS_PREFIX = 'obhut.localEvents.';

export class AccessLog {
  private readonly key: string;
  private sending: Promise<void> | null = null;

  constructor(
    private readonly store: QueueStore,
    userId: string,
    private readonly send: SendEvents,
    private readonly now: () => number = Date.now,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {
    this.key = `${LOCAL_EVENTS_PREFIX}${userId}`;
  }

  /** The events not yet on the server, oldest first. */
  queued(): LocalEvent[] {
    try {
      const parsed: unknown = JSON.parse(this.store.getItem(this.key) ?? '[]');
      return Array.isArray(parsed) ? (parsed as LocalEvent[]) : [];
    } catch {
      return [];
    }
  }

  private save(events: LocalEvent[]): void {
    if (events.length === 0) this.store.removeItem(this.key);
    else this.store.setItem(this.key, JSON.stringify(events));
  }

  /** Records an event and tries to send the queue; never throws (an export is not held up by its audit). */
  record(kind: LocalEventKind, recordId?: string, extra: Pick<LocalEvent, 'year' | 'count'> = {}): LocalEvent {
    const event: LocalEvent = { id: this.newId(), kind, at: this.now(), ...(recordId ? { recordId } : {}), ...extra };
    this.save([...this.queued(), event]);
    void this.flush();
    return event;
  }

  /** Sends the queue in parts; stops at the first failure and keeps what was not sent. */
  flush(): Promise<void> {
    this.sending ??= this.sendAll().finally(() => {
      this.sending = null;
    });
    return this.sending;
  }

  private async sendAll(): Promise<void> {
    for (;;) {
      const part = this.queued().slice(0, LOCAL_EVENTS_MAX);
      if (part.length === 0) return;
      try {
        await this.send(part);
      } catch (err) {
        // A part the server calls malformed will never be accepted: dropped, so it does not block the rest.
        if (!(err instanceof ApiError && err.status === 400)) return;
      }
      const sent = new Set(part.map((e) => e.id));
      this.save(this.queued().filter((e) => !sent.has(e.id)));
    }
  }

  /** Sends the queue whenever `ready$` says the server is reachable with a valid session. */
  follow(ready$: Observable<boolean>): Subscription {
    return ready$.subscribe((ready) => {
      if (ready) void this.flush();
    });
  }
}

/** Sends events with the session's token (retried once with a renewed token after a 401). */
export function localEventsSender(api: SyncApi, withAuth: <T>(request: () => Promise<T>) => Promise<T>): SendEvents {
  return async (events) => {
    const body: LocalEventsRequest = { events };
    await withAuth(() => api.request('POST', '/local-events', { body }));
  };
}

/** A queue store for a window without localStorage (tests in Node): the queue lasts as long as the client. */
export function memoryQueueStore(): QueueStore {
  const items = new Map<string, string>();
  return {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}
