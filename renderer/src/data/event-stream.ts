import { createParser } from 'eventsource-parser';
import { Observable } from 'rxjs';

import type { CollectionName, StreamEvent, WireDocument } from '../../../shared/sync/protocol';
import { STREAM_HEARTBEAT_MS } from '../../../shared/sync/protocol';
import { backoffDelay, type BackoffOptions } from './backoff';
import { ApiError, type SyncApi } from './http';

export type EventStreamOptions = {
  api: SyncApi;
  collection: CollectionName;
  backoff?: BackoffOptions;
  /** No byte (not even the heartbeat) for this long means the connection is dead though no one said so. */
  idleTimeoutMs?: number;
  onConnectedChange?: (connected: boolean) => void;
  /** Called on 401 with the token the refused request carried; resolves once a new token may be there (or never, while none can be had). */
  onUnauthorized?: (sentWith: string | null) => Promise<void>;
  onError?: (error: unknown) => void;
};

const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, capMs: 30_000 };

/**
 * The server's change stream (docs/api.md) read with fetch, so that the token goes in the Authorization header.
 * Reconnects with capped backoff for as long as someone subscribes; the server sends "RESYNC" on every connect,
 * which makes RxDB pull what was missed while disconnected.
 */
export function eventStream<D extends WireDocument>(options: EventStreamOptions): Observable<StreamEvent<D>> {
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const idleTimeoutMs = options.idleTimeoutMs ?? STREAM_HEARTBEAT_MS * 2 + 10_000;

  return new Observable<StreamEvent<D>>((subscriber) => {
    let stopped = false;
    let controller: AbortController | null = null;
    let wake: (() => void) | null = null;

    // The browser knows before any timeout does: drop the connection when it goes offline, retry when back.
    const onOffline = () => controller?.abort();
    const onOnline = () => wake?.();
    const win = typeof window !== 'undefined' && typeof window.addEventListener === 'function' ? window : null;
    win?.addEventListener('offline', onOffline);
    win?.addEventListener('online', onOnline);

    const sleep = (ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wake = null;
          resolve();
        }
        wake = done;
      });

    async function readEvents(res: Response, abort: AbortController): Promise<void> {
      if (!res.body) throw new Error('stream response has no body');
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let idle: ReturnType<typeof setTimeout> | undefined;
      const armIdle = () => {
        clearTimeout(idle);
        idle = setTimeout(() => abort.abort(), idleTimeoutMs);
      };
      const parser = createParser({
        onEvent(message) {
          if (!message.data) return;
          const event = JSON.parse(message.data) as StreamEvent<D>;
          if (!stopped) subscriber.next(event);
        },
      });
      armIdle();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          armIdle();
          parser.feed(decoder.decode(value, { stream: true }));
        }
      } finally {
        clearTimeout(idle);
        reader.cancel().catch(() => {});
      }
    }

    async function run() {
      let attempt = 0;
      while (!stopped) {
        const abort = new AbortController();
        controller = abort;
        let connected = false;
        const sentWith = options.api.token;
        try {
          const res = await options.api.openStream(options.collection, abort.signal);
          connected = true;
          attempt = 0;
          options.onConnectedChange?.(true);
          await readEvents(res, abort);
        } catch (err) {
          if (stopped) break;
          if (err instanceof ApiError && err.status === 401 && options.onUnauthorized) {
            // A renewal that fails (the network went away meanwhile) must not end the stream for good: it is said,
            // and the stream tries again after its backoff (the sync fuzzer found a collection whose stream died).
            await options.onUnauthorized(sentWith).catch((renewal: unknown) => options.onError?.(renewal));
          } else if (!abort.signal.aborted) {
            options.onError?.(err);
          }
        } finally {
          if (connected) options.onConnectedChange?.(false);
        }
        if (stopped) break;
        await sleep(backoffDelay(attempt++, backoff));
      }
    }

    void run();
    return () => {
      stopped = true;
      controller?.abort();
      wake?.();
      win?.removeEventListener('offline', onOffline);
      win?.removeEventListener('online', onOnline);
    };
  });
}
