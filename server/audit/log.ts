import type { Db, Queryable } from '../db/db';
import {
  type AuditEvent,
  type ChainBreak,
  ChainVerifier,
  type JsonValue,
  rowHash,
  type StoredRow,
  toRecord,
} from './chain';

type DbRow = {
  id: string | number;
  at: Date | string;
  action: string;
  actor_id: string | null;
  actor_name: string | null;
  office_id: string | null;
  device_id: string | null;
  address: string | null;
  target: string | null;
  details: { [key: string]: JsonValue };
  prev_hash: string;
  hash: string;
};

export const AUDIT_COLUMNS =
  'id, at, action, actor_id, actor_name, office_id, device_id, address, target, details, prev_hash, hash';

export function fromDbRow(r: DbRow): StoredRow {
  return {
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    action: r.action,
    actorId: r.actor_id,
    actorName: r.actor_name,
    officeId: r.office_id,
    deviceId: r.device_id,
    address: r.address,
    target: r.target,
    details: r.details,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/**
 * Appends events to the chain inside the caller's transaction, so a change and its record commit together (or
 * neither does). Locks the chain head first: appends from every instance queue up here, each row links to the
 * one before. Call it as the last statement of a transaction to keep the head lock short.
 */
export async function appendAudit(tx: Queryable, ...events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  const { rows } = await tx.query<{ seq: string | number; hash: string }>(
    'SELECT seq, hash FROM audit_head WHERE singleton FOR UPDATE',
  );
  let seq = Number(rows[0].seq);
  let prevHash = rows[0].hash;
  const now = new Date();
  const stored: StoredRow[] = [];
  for (const event of events) {
    const record = toRecord(++seq, now, event);
    const hash = rowHash(prevHash, record);
    stored.push({ ...record, prevHash, hash });
    prevHash = hash;
  }
  await tx.query(
    `INSERT INTO audit_log (${AUDIT_COLUMNS})
     SELECT r.id, r.at, r.action, r."actorId", r."actorName", r."officeId", r."deviceId", r.address, r.target,
            r.details, r."prevHash", r.hash
       FROM jsonb_to_recordset($1::jsonb) AS r(id bigint, at timestamptz, action text, "actorId" text,
            "actorName" text, "officeId" text, "deviceId" text, address text, target text, details jsonb,
            "prevHash" text, hash text)`,
    [JSON.stringify(stored)],
  );
  await tx.query('UPDATE audit_head SET seq = $1, hash = $2 WHERE singleton', [seq, prevHash]);
}

/** Records events in a transaction of their own. */
export async function audit(db: Db, ...events: AuditEvent[]): Promise<void> {
  if (events.length) await db.transaction((tx) => appendAudit(tx, ...events));
}

export type AuditFilter = {
  offices: readonly string[] | 'all';
  /** Oldest first (the default: export and verification walk the chain) or newest first (the admin's view). */
  order?: 'asc' | 'desc';
  /** Only rows after this position (oldest first) or before it (newest first): the cursor of the next page. */
  after?: number;
  before?: number;
  action?: string;
  actorId?: string;
  /** Instants, both included. */
  from?: number;
  to?: number;
  limit: number;
};

/**
 * Rows for an admin, a page from the cursor in the order asked for, narrowed by action, actor and period. Rows of
 * no office (failed logins with an unknown user name) are shown to no office admin: they would show every office
 * the device ids and addresses of the others' staff mistyping their names (issue 11, finding 1). They stay in the
 * chain for the Verbund-level export and verify.
 */
export async function readAudit(q: Queryable, filter: AuditFilter): Promise<StoredRow[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (clause: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  const desc = filter.order === 'desc';
  if (filter.after !== undefined || !desc) add((n) => `id > ${n}`, filter.after ?? 0);
  if (filter.before !== undefined) add((n) => `id < ${n}`, filter.before);
  if (filter.offices !== 'all') add((n) => `office_id = ANY(${n}::text[])`, [...filter.offices]);
  if (filter.action !== undefined) add((n) => `action = ${n}`, filter.action);
  if (filter.actorId !== undefined) add((n) => `actor_id = ${n}`, filter.actorId);
  if (filter.from !== undefined) add((n) => `at >= ${n}`, new Date(filter.from).toISOString());
  if (filter.to !== undefined) add((n) => `at <= ${n}`, new Date(filter.to).toISOString());
  params.push(filter.limit);
  const { rows } = await q.query<DbRow>(
    `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE ${where.join(' AND ') || 'true'}
      ORDER BY id ${desc ? 'DESC' : 'ASC'} LIMIT $${params.length}`,
    params,
  );
  return rows.map(fromDbRow);
}

/**
 * The names the devices of these rows were registered under, where the server knows them, so an admin reads
 * "Laptop Bereitschaft 2" instead of an id. Only devices of the offices the admin reads are named.
 */
export async function deviceNames(
  q: Queryable,
  rows: readonly StoredRow[],
  offices: readonly string[] | 'all',
): Promise<Record<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => (r.deviceId === null ? [] : [r.deviceId])))];
  if (ids.length === 0) return {};
  const { rows: found } = await q.query<{ id: string; name: string }>(
    `SELECT id, name FROM devices WHERE id = ANY($1::text[])${offices === 'all' ? '' : ' AND office_id = ANY($2::text[])'}`,
    offices === 'all' ? [ids] : [ids, [...offices]],
  );
  return Object.fromEntries(found.map((d) => [d.id, d.name]));
}

export async function auditHead(q: Queryable): Promise<{ seq: number; hash: string }> {
  const { rows } = await q.query<{ seq: string | number; hash: string }>('SELECT seq, hash FROM audit_head');
  return { seq: Number(rows[0].seq), hash: rows[0].hash };
}

export type VerifyResult = { ok: true; count: number; head: string } | { ok: false; count: number; break: ChainBreak };

/** Re-computes the whole chain page by page and names the first row that was changed or deleted. */
export async function verifyAuditChain(q: Queryable, pageSize = 2_000): Promise<VerifyResult> {
  const verifier = new ChainVerifier();
  let after = 0;
  for (;;) {
    const { rows } = await q.query<DbRow>(`SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2`, [
      after,
      pageSize,
    ]);
    for (const row of rows) {
      const broken = verifier.next(fromDbRow(row));
      if (broken) return { ok: false, count: verifier.count, break: broken };
    }
    if (rows.length < pageSize) break;
    after = Number(rows[rows.length - 1].id);
  }
  const broken = verifier.end(await auditHead(q));
  if (broken) return { ok: false, count: verifier.count, break: broken };
  return { ok: true, count: verifier.count, head: verifier.lastHash };
}
