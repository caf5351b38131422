import { PGlite } from '@electric-sql/pglite';

import type { Db, ListenHandlers, Queryable, Row } from './db';

/** The embedded store: one in-process PostgreSQL (WASM) that serialises all queries and transactions itself. */
export async function openPglite(dataDir?: string): Promise<Db> {
  const pg = await PGlite.create(dataDir);
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    query: async <R extends Row>(sql: string, params?: unknown[]) => {
      const res = await q.query<R>(sql, params as never[]);
      return { rows: res.rows };
    },
    exec: async (sql) => {
      await q.exec(sql);
    },
  });
  return {
    storage: 'pglite',
    ...wrap(pg),
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    // In-process: the "connection" can't drop, so onReconnect never fires.
    listen: async (channel, handlers: ListenHandlers) => {
      const unlisten = await pg.listen(channel, (payload) => handlers.onNotify(payload));
      return () => unlisten();
    },
    close: () => pg.close(),
  };
}
