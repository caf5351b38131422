import type { ErrorCode } from '../../../shared/i18n';
import {
  API_PREFIX,
  ATTEMPTS_LEFT_HEADER,
  type CollectionName,
  DEVICE_HEADER,
  type ErrorBody,
  LOCKED_UNTIL_HEADER,
  type LoginRequest,
  type LoginResponse,
  PENDING_HEADER,
  type PullResponse,
  PUSH_ROWS_MAX,
  type PushResponse,
  type PushRow,
  type Rejection,
  type WireDocument,
} from '../../../shared/sync/protocol';

/** The server answered with an error body (docs/api.md). */
/** What a refused login has left (headers of protocol.ts): attempts before the lock, and the lock's end. */
export type LoginLimits = { attemptsLeft?: number; lockedUntil?: number };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** One of ours (ErrorCode) or whatever another server answered. */
    readonly code: string,
    message: string,
    readonly limits: LoginLimits = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The server did not answer at all: offline, refused, DNS, aborted. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'NetworkError';
  }
}

export type Fetch = typeof fetch;

export type ApiHooks = {
  /** Every answer and every failure to get one: the sync status derives "server reachable" from this. */
  onReachable?: (reachable: boolean) => void;
  /** The server answered 403 device_revoked (to any call): the app must stop and wipe its local store. */
  onDeviceRevoked?: () => void;
};

/**
 * The HTTP contract of docs/api.md, nothing more. The token travels only in the Authorization header.
 */
export class SyncApi {
  token: string | null = null;
  /** Local changes not yet accepted, reported with every call (X-Obhut-Pending) for the admin's revoke dialog. */
  pendingChanges: number | null = null;

  constructor(
    readonly serverUrl: string,
    private readonly fetchFn: Fetch,
    private readonly hooks: ApiHooks = {},
    /** Sent with every call (X-Obhut-Device): the server refuses a token shown by another installation. */
    private readonly deviceId?: string,
  ) {}

  async login(request: LoginRequest): Promise<LoginResponse> {
    const res = await this.request('POST', '/auth/login', { body: request, auth: false });
    return (await res.json()) as LoginResponse;
  }

  async logout(): Promise<void> {
    await this.request('POST', '/auth/logout', {});
  }

  async pull<D extends WireDocument>(
    collection: CollectionName,
    checkpoint: unknown,
    limit: number,
  ): Promise<PullResponse<D>> {
    const params = new URLSearchParams({ limit: String(limit) });
    if (checkpoint !== undefined && checkpoint !== null) params.set('checkpoint', JSON.stringify(checkpoint));
    const res = await this.request('GET', `/sync/${collection}/pull?${params}`, {});
    return (await res.json()) as PullResponse<D>;
  }

  /**
   * Push rows. A batch the server refuses as a whole for its size is split; any other refusal of the whole
   * request that will not change by retrying (a 4xx other than 401/408/429) rejects each of its rows, so
   * that nothing is retried forever and nothing is dropped without a recorded reason.
   */
  async push<D extends WireDocument>(collection: CollectionName, rows: PushRow<D>[]): Promise<PushResponse<D>> {
    if (rows.length > PUSH_ROWS_MAX) return this.pushInParts(collection, rows);
    try {
      const res = await this.request('POST', `/sync/${collection}/push`, { body: rows });
      const body = (await res.json()) as PushResponse<D>;
      return { conflicts: body.conflicts ?? [], rejected: body.rejected ?? [] };
    } catch (err) {
      if (!(err instanceof ApiError) || !isFinalRefusal(err.status)) throw err;
      if ((err.status === 413 || err.code === 'too_many_rows') && rows.length > 1) {
        return this.pushInParts(collection, rows);
      }
      const rejected: Rejection[] = rows.map((row) => ({
        id: row.newDocumentState.id,
        code: err.code as ErrorCode,
        message: err.message,
      }));
      return { conflicts: [], rejected };
    }
  }

  private async pushInParts<D extends WireDocument>(
    collection: CollectionName,
    rows: PushRow<D>[],
  ): Promise<PushResponse<D>> {
    const half = Math.ceil(rows.length / 2);
    const a = await this.push(collection, rows.slice(0, half));
    const b = await this.push(collection, rows.slice(half));
    return { conflicts: [...a.conflicts, ...b.conflicts], rejected: [...a.rejected, ...b.rejected] };
  }

  /** Opens the event stream; the caller reads the body. */
  async openStream(collection: CollectionName, signal: AbortSignal): Promise<Response> {
    return this.request('GET', `/sync/${collection}/stream`, { signal, accept: 'text/event-stream' });
  }

  /** One call to `${API_PREFIX}${path}` with the token; used by the admin API too (admin.ts). */
  async request(
    method: string,
    path: string,
    options: { body?: unknown; auth?: boolean; signal?: AbortSignal; accept?: string },
  ): Promise<Response> {
    const headers: Record<string, string> = { accept: options.accept ?? 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.auth !== false && this.token) headers.authorization = `Bearer ${this.token}`;
    if (this.deviceId) headers[DEVICE_HEADER] = this.deviceId;
    if (options.auth !== false && this.pendingChanges !== null) headers[PENDING_HEADER] = String(this.pendingChanges);
    let res: Response;
    try {
      res = await this.fetchFn(`${this.serverUrl}${API_PREFIX}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
        cache: 'no-store',
      });
    } catch (err) {
      this.hooks.onReachable?.(false);
      throw new NetworkError(err);
    }
    this.hooks.onReachable?.(true);
    if (res.ok) return res;
    const error = await toApiError(res);
    if (error.status === 403 && error.code === 'device_revoked') this.hooks.onDeviceRevoked?.();
    throw error;
  }
}

async function toApiError(res: Response): Promise<ApiError> {
  let code = `http_${res.status}`;
  let message = res.statusText;
  try {
    const body = (await res.json()) as ErrorBody;
    if (body?.error?.code) {
      code = body.error.code;
      message = body.error.message;
    }
  } catch {
    // not the contract's error shape (a proxy's page): keep the HTTP status as the code
  }
  return new ApiError(res.status, code, message, loginLimits(res.headers));
}

function loginLimits(headers: Headers): LoginLimits {
  const count = (name: string) => {
    const value = headers.get(name);
    return value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
  };
  const attemptsLeft = count(ATTEMPTS_LEFT_HEADER);
  const lockedUntil = count(LOCKED_UNTIL_HEADER);
  return {
    ...(attemptsLeft !== undefined ? { attemptsLeft } : {}),
    ...(lockedUntil !== undefined ? { lockedUntil } : {}),
  };
}

/** A 4xx that the same request will meet again: retrying it is pointless. */
function isFinalRefusal(status: number): boolean {
  return status >= 400 && status < 500 && status !== 401 && status !== 408 && status !== 429;
}
