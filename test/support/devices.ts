import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';

import { type ObhutClient, openClient, type OpenClientOptions } from '../../renderer/src/data/client';
import { memoryStore } from '../../renderer/src/data/vault';
import { DEMO_PASSWORD } from './api';

/**
 * The network of one simulated laptop, which a test can cut: while offline every call fails as fetch does
 * without a connection, and open streams are torn down. The machine's network, not code of ours.
 */
export class Network {
  offline = false;
  /** Every request that went out, as "METHOD /path". */
  readonly log: string[] = [];
  private open = new Set<AbortController>();

  /** Requests ("METHOD /path") that fail as if offline, e.g. one collection's pushes held back by a test. */
  cut: RegExp | null = null;

  readonly fetch: typeof fetch = async (input, init) => {
    if (this.offline) throw new TypeError('fetch failed: network is offline');
    const line = `${init?.method ?? 'GET'} ${new URL(String(input instanceof Request ? input.url : input)).pathname}`;
    if (this.cut?.test(line)) throw new TypeError('fetch failed: network is offline');
    this.log.push(line);
    const controller = new AbortController();
    this.open.add(controller);
    const signal = init?.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
    return fetch(input, { ...init, signal });
  };

  goOffline(): void {
    this.offline = true;
    for (const c of this.open) c.abort();
    this.open.clear();
  }

  goOnline(): void {
    this.offline = false;
  }

  /** How many requests matched. */
  count(pattern: RegExp): number {
    return this.log.filter((line) => pattern.test(line)).length;
  }
}

export type Laptop = { client: ObhutClient; network: Network };

/**
 * A laptop with the app's own data layer (RxDB on fake IndexedDB, the app's replication) logged in as `username`.
 * Close its client after the test: RxDB allows 13 open collections per process.
 */
export async function openLaptop(serverUrl: string, username: string): Promise<Laptop> {
  const network = new Network();
  const options: OpenClientOptions = {
    serverUrl,
    username,
    password: DEMO_PASSWORD,
    device: { id: `laptop-${username}-${Math.random().toString(36).slice(2, 8)}`, name: `Test ${username}` },
    indexedDB: new IDBFactory(),
    IDBKeyRange,
    fetch: network.fetch,
    vault: memoryStore(),
    retryTime: 300,
    streamBackoff: { baseMs: 50, capMs: 500 },
    pbkdf2Iterations: 1000,
  };
  return { client: await openClient(options), network };
}

/** Polls until `probe` gives a truthy value; fails with `what` after the timeout. */
export async function waitFor<T>(
  probe: () => Promise<T> | T,
  what: string,
  timeoutMs = 15_000,
): Promise<NonNullable<T>> {
  const started = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}${last ? `: ${last}` : ''}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
