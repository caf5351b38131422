import { randomUUID } from 'node:crypto';

import { demoNightRecord } from '../../shared/demo/nightRecord';
import type { IntakeWire } from '../../shared/schema/intake';
import {
  API_PREFIX,
  type Checkpoint,
  type ErrorBody,
  type LoginResponse,
  type PullResponse,
  type PushResponse,
  type PushRow,
  type StreamEvent,
  type WireDocument,
} from '../../shared/sync/protocol';

/** Password of every demo user (docs/api.md, demo mode). */
export const DEMO_PASSWORD = 'obhut-demo';

/** A non-2xx answer of the endpoint, with its status and `{error: {code, message}}` body. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    /** An ErrorBody when the server answered with one; anything else as it came. */
    readonly body: unknown,
  ) {
    super(`HTTP ${status}: ${JSON.stringify(body)}`);
  }
  get code(): string | undefined {
    return (this.body as ErrorBody | undefined)?.error?.code;
  }
}

export type RawResponse<T = unknown> = { status: number; headers: Headers; body: T };

/**
 * One HTTP call; never throws on a status. `body` is JSON-encoded unless `rawBody` is given (for malformed input).
 */
export async function request<T = unknown>(
  baseUrl: string,
  method: 'GET' | 'POST' | 'OPTIONS',
  path: string,
  opts: { token?: string; body?: unknown; rawBody?: string | Uint8Array; headers?: Record<string, string> } = {},
): Promise<RawResponse<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | Uint8Array | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${baseUrl}${path.startsWith('/api/') ? path : API_PREFIX + path}`, {
    method,
    headers,
    body: body as BodyInit | undefined,
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body: parsed as T };
}

function ok<T>(res: RawResponse<T>): T {
  if (res.status < 200 || res.status >= 300) throw new ApiFailure(res.status, res.body);
  return res.body;
}

export type LoginOptions = { password?: string; deviceId?: string; deviceName?: string };

/** Logs in (demo password by default, a fresh device id unless given). Throws ApiFailure on non-2xx. */
export async function login(baseUrl: string, username: string, opts: LoginOptions = {}): Promise<LoginResponse> {
  return ok(
    await request<LoginResponse>(baseUrl, 'POST', '/auth/login', {
      body: {
        username,
        password: opts.password ?? DEMO_PASSWORD,
        device: { id: opts.deviceId ?? `test-${randomUUID()}`, name: opts.deviceName ?? 'Testgerät' },
      },
    }),
  );
}

export async function logout(baseUrl: string, token: string): Promise<void> {
  ok(await request(baseUrl, 'POST', '/auth/logout', { token }));
}

export type PullOptions = { checkpoint?: Checkpoint | null; limit?: number };

export async function pull<D = WireDocument>(
  baseUrl: string,
  token: string,
  collection: string,
  opts: PullOptions = {},
): Promise<PullResponse<D>> {
  const query = new URLSearchParams();
  if (opts.checkpoint !== undefined) query.set('checkpoint', JSON.stringify(opts.checkpoint));
  if (opts.limit !== undefined) query.set('limit', String(opts.limit));
  const qs = query.size ? `?${query}` : '';
  return ok(await request<PullResponse<D>>(baseUrl, 'GET', `/sync/${collection}/pull${qs}`, { token }));
}

/** Pulls page after page until caught up; returns every document in feed order and the last checkpoint. */
export async function pullAll<D = WireDocument>(
  baseUrl: string,
  token: string,
  collection: string,
  opts: PullOptions = {},
): Promise<PullResponse<D>> {
  const limit = opts.limit ?? 1000;
  let checkpoint = opts.checkpoint;
  const documents: D[] = [];
  for (;;) {
    const page = await pull<D>(baseUrl, token, collection, { checkpoint, limit });
    documents.push(...page.documents);
    checkpoint = page.checkpoint;
    if (page.documents.length < limit) return { documents, checkpoint: checkpoint ?? null };
  }
}

export async function push<D = WireDocument>(
  baseUrl: string,
  token: string,
  collection: string,
  rows: PushRow<D>[],
): Promise<PushResponse<D>> {
  return ok(await request<PushResponse<D>>(baseUrl, 'POST', `/sync/${collection}/push`, { token, body: rows }));
}

export type EventStream<D = WireDocument> = {
  /** Every event received so far, in order. */
  events: StreamEvent<D>[];
  /** Resolves with the next event not yet taken (in order), or rejects after timeoutMs. */
  next: (timeoutMs?: number) => Promise<StreamEvent<D>>;
  /** Waits until `predicate` holds for some event received so far or later. */
  waitFor: (predicate: (event: StreamEvent<D>) => boolean, timeoutMs?: number) => Promise<StreamEvent<D>>;
  /** True once the server ended the stream. */
  readonly ended: boolean;
  close: () => void;
};

/**
 * Opens `GET /sync/{c}/stream` with the token in the Authorization header (fetch, as the app does). Throws
 * ApiFailure when the answer is not 200.
 */
export async function openStream<D = WireDocument>(
  baseUrl: string,
  token: string,
  collection: string,
): Promise<EventStream<D>> {
  const abort = new AbortController();
  const res = await fetch(`${baseUrl}${API_PREFIX}/sync/${collection}/stream`, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  if (res.status !== 200) {
    const text = await res.text();
    throw new ApiFailure(res.status, text ? JSON.parse(text) : undefined);
  }
  const events: StreamEvent<D>[] = [];
  let taken = 0;
  let ended = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block
            .split('\n')
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).trimStart())
            .join('\n');
          if (data) {
            events.push(JSON.parse(data) as StreamEvent<D>);
            notify();
          }
        }
      }
    } catch {
      // aborted or connection lost
    }
    ended = true;
    notify();
  })();

  const waitUntil = async <T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = check();
      if (found !== undefined) return found;
      if (ended) throw new Error(`Stream beendet, ${what} nicht erhalten`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Zeitüberschreitung: ${what} nicht erhalten nach ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
    }
  };

  return {
    events,
    get ended() {
      return ended;
    },
    next: (timeoutMs = 10_000) =>
      waitUntil(() => (taken < events.length ? events[taken++] : undefined), timeoutMs, 'nächstes Ereignis'),
    waitFor: (predicate, timeoutMs = 10_000) =>
      waitUntil(() => events.find(predicate), timeoutMs, 'erwartetes Ereignis'),
    close: () => abort.abort(),
  };
}

/** The documents an event carries (none for "RESYNC"). */
export function documentsOf<D>(event: StreamEvent<D>): D[] {
  return event === 'RESYNC' ? [] : event.documents;
}

let counter = 0;

/** A valid intake (draft) of the given office; every call a new id. Fictional data only. */
export function makeIntake(officeId: string, overrides: Partial<IntakeWire> = {}): IntakeWire {
  const now = Date.now();
  counter += 1;
  return {
    // The whole night record, so that a test may submit it (shared/nightRecord/submit.ts); drafts may lack it.
    ...demoNightRecord(now - 60_000),
    id: `t-${randomUUID()}`,
    officeId: officeId as IntakeWire['officeId'],
    createdBy: `bereitschaft.${officeId}`,
    createdAt: now,
    updatedAt: now,
    updatedBy: `bereitschaft.${officeId}`,
    receivedAt: now - 60_000,
    child: { firstName: 'Testkind', lastName: `Nummer ${counter}`, estimatedAge: 9 },
    initiatedBy: 'police',
    situation: 'Fiktiver Testfall.',
    status: 'draft',
    conflicts: [],
    _deleted: false,
    ...overrides,
  };
}

/** A new intake as `user`'s app writes it: of the user's office, created and last written by the user. */
export function makeIntakeBy(user: { id: string; officeId: string }, overrides: Partial<IntakeWire> = {}): IntakeWire {
  return makeIntake(user.officeId, { createdBy: user.id, updatedBy: user.id, ...overrides });
}
