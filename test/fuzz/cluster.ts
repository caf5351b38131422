import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import pg from 'pg';

import type { WireDocument } from '../../shared/sync/protocol';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { type RunningServer, startServer } from '../support/server';

const run = promisify(execFile);

export type StoredDoc = { collection: string; id: string; officeId: string; seq: number; data: WireDocument };

/**
 * The server side of a fuzz run: one fresh PostgreSQL database and several instances of `server/main.ts` on it,
 * each a child process that can be killed (SIGKILL) and started again on the same port.
 */
export class Cluster {
  private constructor(
    readonly db: TestDatabase,
    private readonly instances: (RunningServer | null)[],
    readonly urls: string[],
  ) {}

  static async start(count: number): Promise<Cluster> {
    const db = await createTestDatabase('obhut_fuzz');
    const instances: RunningServer[] = [];
    try {
      // One after the other: the first one migrates the fresh database and seeds the demo users and records; the
      // others, and every restart, start as production instances do, without seeding (see demo-seed.test.ts).
      for (let i = 0; i < count; i++) instances.push(await startServer({ databaseUrl: db.url, demo: i === 0 }));
    } catch (err) {
      await Promise.all(instances.map((s) => s.kill()));
      await db.drop();
      throw err;
    }
    return new Cluster(
      db,
      instances,
      instances.map((s) => s.url),
    );
  }

  isUp(i: number): boolean {
    return this.instances[i] !== null;
  }

  /**
   * Instances that were not killed by the fuzzer but are gone (crashed), with the tail of their output; they are
   * forgotten so that restart() starts them again.
   */
  crashed(): { index: number; output: string }[] {
    const out: { index: number; output: string }[] = [];
    this.instances.forEach((s, index) => {
      if (!s) return;
      try {
        process.kill(s.pid, 0);
      } catch {
        out.push({ index, output: s.output().slice(-1500) });
        this.instances[index] = null;
      }
    });
    return out;
  }

  get count(): number {
    return this.instances.length;
  }

  /** kill -9: no shutdown, open transactions are rolled back by PostgreSQL, open streams just end. */
  async kill(i: number): Promise<void> {
    const s = this.instances[i];
    if (!s) return;
    this.instances[i] = null;
    await s.kill();
  }

  private readonly restarting = new Map<number, Promise<void>>();

  /** Starts instance i again on its port; concurrent calls share one start. */
  restart(i: number): Promise<void> {
    if (this.instances[i]) return Promise.resolve();
    let p = this.restarting.get(i);
    if (!p) {
      p = this.startAgain(i).finally(() => this.restarting.delete(i));
      this.restarting.set(i, p);
    }
    return p;
  }

  private async startAgain(i: number): Promise<void> {
    const port = Number(new URL(this.urls[i]).port);
    let lastErr: unknown;
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        this.instances[i] = await startServer({ databaseUrl: this.db.url, port, demo: false });
        return;
      } catch (err) {
        lastErr = err;
        await new Promise((r) => setTimeout(r, 300));
      }
    }
    throw new Error(`instance ${i} did not come back: ${String(lastErr)}`);
  }

  /** Every connection to the run's database is ended by PostgreSQL, as in a restart, but no other database is touched. */
  async dropConnections(): Promise<number> {
    const admin = new pg.Client({ connectionString: this.adminUrl() });
    await admin.connect();
    try {
      const { rows } = await admin.query(
        'SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [this.db.name],
      );
      return rows.length;
    } finally {
      await admin.end();
    }
  }

  /**
   * Restarts the whole PostgreSQL cluster. Every other test on this machine that uses it fails meanwhile, so the
   * fuzzer does this only when asked (OBHUT_FUZZ_PG_RESTART=1 or --pg-restart).
   */
  async restartPostgres(): Promise<void> {
    const cmd = process.env.OBHUT_FUZZ_PG_RESTART_CMD ?? 'pg_ctlcluster --skip-systemctl-redirect 15 main restart';
    const [file, ...args] = cmd.split(' ');
    await run(file, args, { timeout: 60_000 });
  }

  async documents(): Promise<StoredDoc[]> {
    // A connection of its own each time (not TestDatabase's pool): dropConnections would break a pooled one.
    const client = new pg.Client({ connectionString: this.db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{
        collection: string;
        id: string;
        office_id: string;
        seq: string;
        data: WireDocument;
      }>('SELECT collection, id, office_id, seq, data FROM documents ORDER BY collection, id');
      return rows.map((r) => ({
        collection: r.collection,
        id: r.id,
        officeId: r.office_id,
        seq: Number(r.seq),
        data: r.data,
      }));
    } finally {
      await client.end();
    }
  }

  output(i: number): string {
    return this.instances[i]?.output() ?? '';
  }

  async stop(): Promise<void> {
    await Promise.all(this.instances.map(async (s) => s?.stop()));
    await this.db.drop();
  }

  private adminUrl(): string {
    const url = new URL(this.db.url);
    url.pathname = '/postgres';
    return url.toString();
  }
}
