/**
 * One small interface over node-postgres (a real PostgreSQL) and PGlite (the embedded store), so the rest of the
 * server does not care which one runs.
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  query: <R extends Row = Row>(sql: string, params?: unknown[]) => Promise<{ rows: R[] }>;
  /** Runs several statements (no parameters), e.g. a migration file. */
  exec: (sql: string) => Promise<void>;
}

export interface ListenHandlers {
  onNotify: (payload: string) => void;
  /** The listening connection was lost and is back: notifications in between are gone, readers must resync. */
  onReconnect: () => void;
}

export interface Db extends Queryable {
  readonly storage: 'postgres' | 'pglite';
  /** Runs fn in one transaction (READ COMMITTED); rolls back if fn throws. */
  transaction: <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>;
  listen: (channel: string, handlers: ListenHandlers) => Promise<() => Promise<void>>;
  close: () => Promise<void>;
}
