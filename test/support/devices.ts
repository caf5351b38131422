import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';

import { type ObhutClient, openClient, type OpenClientOptions } from '../../renderer/src/data/client';
import { type KeyValueStore, memoryStore } from '../../renderer/src/data/vault';
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

/** What makes one simulated laptop: its IndexedDB, its vault (the OS keystore) and its network. */
export type LaptopParts = { deviceId: string; factory: IDBFactory; vault: KeyValueStore; network: Network };

/** The app's client options for `username` on the laptop made of `parts`, tuned for tests (fast retries, cheap KDF). */
export function laptopOptions(serverUrl: string, username: string, parts: LaptopParts): OpenClientOptions {
  return {
    serverUrl,
    username,
    password: DEMO_PASSWORD,
    device: { id: parts.deviceId, name: `Test ${parts.deviceId}` },
    indexedDB: parts.factory,
    IDBKeyRange,
    fetch: parts.network.fetch,
    vault: parts.vault,
    retryTime: 300,
    streamBackoff: { baseMs: 50, capMs: 500 },
    pbkdf2Iterations: 1000,
  };
}

/**
 * A laptop with the app's own data layer (RxDB on fake IndexedDB, the app's replication) logged in as `username`.
 * Close its client after the test: RxDB allows 13 open collections per process.
 */
export async function openLaptop(serverUrl: string, username: string): Promise<Laptop> {
  const network = new Network();
  const parts: LaptopParts = {
    deviceId: `laptop-${username}-${Math.random().toString(36).slice(2, 8)}`,
    factory: new IDBFactory(),
    vault: memoryStore(),
    network,
  };
  return { client: await openClient(laptopOptions(serverUrl, username, parts)), network };
}

/**
 * The app clients of one test file, closed after each test and before the server stops (registered after the
 * server's hooks, these run first): RxDB allows 13 open collections per process.
 */
export function clientsClosedAfterEachTest(server: { readonly url: string }) {
  const open: ObhutClient[] = [];
  const closeAll = async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
  };
  afterEach(closeAll);
  afterAll(closeAll);
  return {
    /** A fresh laptop logged in as `username`. */
    laptop: async (username: string): Promise<Laptop> => {
      const l = await openLaptop(server.url, username);
      open.push(l.client);
      return l;
    },
    /** A client opened otherwise, to be closed with the rest. */
    track: (client: ObhutClient): ObhutClient => {
      open.push(client);
      return client;
    },
    /** A client the test closed itself (a logout, a reload): not to be closed again. */
    forget: (client: ObhutClient): void => {
      const at = open.indexOf(client);
      if (at >= 0) open.splice(at, 1);
    },
  };
}

/**
 * Polls until `probe` gives a truthy value; fails with `what` after the timeout. The default is long: replication
 * between two clients on a loaded CI machine (two cores, many test processes) took over 15 s; a failure is still a
 * timeout, never a pass.
 */
export async function waitFor<T>(
  probe: () => Promise<T> | T,
  what: string,
  timeoutMs = 40_000,
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
