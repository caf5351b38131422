import pg from 'pg';

import type { Db, ListenHandlers, Queryable, Row } from './db';

export type DbLog = { warn: (obj: object, msg: string) => void; info: (obj: object, msg: string) => void };

const quiet: DbLog = { warn: () => {}, info: () => {} };
const RECONNECT_MAX_MS = 5_000;

/** A real PostgreSQL through a node-postgres pool; LISTEN runs on its own dedicated connection. */
export function openPostgres(connectionString: string, log: DbLog = quiet): Db {
  const pool = new pg.Pool({ connectionString, max: 10, keepAlive: true });
  // An idle pooled client that loses its connection emits here; without a handler the process would crash.
  pool.on('error', (err) => log.warn({ err: err.message }, 'PostgreSQL-Verbindung im Pool verloren'));
  const listeners = new Set<() => Promise<void>>();

  const query = async <R extends Row>(sql: string, params?: unknown[]) => {
    const res = await pool.query<R>(sql, params);
    return { rows: res.rows };
  };

  return {
    storage: 'postgres',
    query,
    exec: async (sql) => {
      await pool.query(sql);
    },
    transaction: async (fn) => {
      const client = await pool.connect();
      // A connection lost between two statements (PostgreSQL restart, fail-over) arrives as an 'error' event on
      // the checked-out client; without a listener Node would end the whole process. The next query fails anyway,
      // and the catch below hands the broken client back so the pool drops it.
      let lost: Error | undefined;
      const onError = (err: Error) => {
        lost = err;
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const tx: Queryable = {
          query: async <R extends Row>(sql: string, params?: unknown[]) => ({
            rows: (await client.query<R>(sql, params)).rows,
          }),
          exec: async (sql) => {
            await client.query(sql);
          },
        };
        const result = await fn(tx);
        await client.query('COMMIT');
        client.off('error', onError);
        client.release();
        return result;
      } catch (err) {
        // A client whose ROLLBACK fails is broken: destroy it instead of returning it to the pool.
        await client.query('ROLLBACK').then(
          () => {
            client.off('error', onError);
            client.release(lost);
          },
          (rollbackErr: Error) => {
            client.off('error', onError);
            client.release(rollbackErr);
          },
        );
        throw err;
      }
    },
    listen: async (channel, handlers: ListenHandlers) => {
      const stop = listenWithReconnect(connectionString, channel, handlers, log);
      listeners.add(stop);
      await stop.ready;
      return async () => {
        listeners.delete(stop);
        await stop();
      };
    },
    close: async () => {
      await Promise.all([...listeners].map((stop) => stop()));
      listeners.clear();
      await pool.end();
    },
  };
}

/**
 * A dedicated client that LISTENs on one channel and reconnects with backoff when the connection drops. After a
 * reconnect, notifications sent in between are lost, so the caller is told to make its readers resync.
 */
function listenWithReconnect(connectionString: string, channel: string, handlers: ListenHandlers, log: DbLog) {
  let closed = false;
  let client: pg.Client | undefined;
  let timer: NodeJS.Timeout | undefined;
  let attempt = 0;
  let resolveReady!: () => void;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));

  let everConnected = false;
  const connect = async () => {
    const c = new pg.Client({ connectionString, keepAlive: true });
    let gone = false;
    const lost = () => {
      if (gone) return;
      gone = true;
      if (client === c) client = undefined;
      c.end().catch(() => {});
      if (!closed) schedule();
    };
    c.on('error', (err) => {
      log.warn({ err: err.message, channel }, 'LISTEN-Verbindung verloren');
      lost();
    });
    c.on('end', lost);
    c.on('notification', (msg) => {
      if (msg.channel === channel) handlers.onNotify(msg.payload ?? '');
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (err) {
      log.warn({ err: (err as Error).message, channel, attempt }, 'LISTEN-Verbindung nicht möglich');
      lost();
      return;
    }
    if (closed || gone) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
    attempt = 0;
    const isReconnect = everConnected;
    everConnected = true;
    resolveReady();
    if (isReconnect) {
      log.info({ channel }, 'LISTEN-Verbindung wieder da');
      handlers.onReconnect();
    }
  };

  const schedule = () => {
    const delay = Math.min(RECONNECT_MAX_MS, 100 * 2 ** attempt++);
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, delay);
  };
  void connect();

  const stop = async () => {
    closed = true;
    if (timer) clearTimeout(timer);
    resolveReady();
    const c = client;
    client = undefined;
    if (c) await c.end().catch(() => {});
  };
  return Object.assign(stop, { ready });
}
