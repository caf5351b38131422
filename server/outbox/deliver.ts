import { jsonEqual } from '../../shared/equal';
import {
  countRows,
  isWireDocument,
  OUTBOX_MAX_ROWS,
  type OutboxDeliverResponse,
  type OutboxPayload,
} from '../../shared/sync/outbox';
import {
  type CollectionName,
  COLLECTIONS,
  PUSH_ROWS_MAX,
  type PushRow,
  type Rejection,
  type WireDocument,
} from '../../shared/sync/protocol';
import { resolveConflict } from '../../shared/sync/resolve';
import type { AuditActor } from '../audit/chain';
import { guardCollection } from '../authz/collections';
import type { Db } from '../db/db';
import { ApiError } from '../http/errors';
import { collectionByName } from '../sync/collections';
import { push } from '../sync/push';
import type { LiveCredential } from './credentials';

/** A conflict is merged and pushed again this often before the rest is left as it is on the server. */
const MERGE_ROUNDS = 3;

/** The opened payload, or 400 outbox_seal_invalid: a seal that opens but is not an outbox of this user is refused. */
export function parsePayload(text: string, credential: LiveCredential): OutboxPayload {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'outbox_seal_invalid');
  }
  const payload = value as Partial<OutboxPayload> | null;
  const ok =
    payload !== null &&
    typeof payload === 'object' &&
    payload.userId === credential.user.id &&
    typeof payload.sealedAt === 'number' &&
    Array.isArray(payload.collections) &&
    payload.collections.every(
      (c) =>
        (COLLECTIONS as readonly string[]).includes(c.collection) &&
        Array.isArray(c.rows) &&
        c.rows.every(
          (r) =>
            isWireDocument(r.newDocumentState) &&
            (r.assumedMasterState === undefined || isWireDocument(r.assumedMasterState)),
        ),
    );
  if (!ok) throw new ApiError(400, 'outbox_seal_invalid');
  const checked = payload as OutboxPayload;
  if (countRows(checked) > OUTBOX_MAX_ROWS) throw new ApiError(400, 'too_many_rows');
  return checked;
}

/**
 * Pushes the author's rows as the author, through the same collection rules as a push of the author's own session
 * (authorship, office, review steps, locks). Where someone changed a document meanwhile, the rows are merged as the
 * author's app would have merged them (shared/sync/resolve.ts) and pushed again, so nothing of either is lost.
 */
export async function deliverPayload(
  db: Db,
  credential: LiveCredential,
  payload: OutboxPayload,
  address: string,
): Promise<OutboxDeliverResponse> {
  const actor: AuditActor = {
    userId: credential.user.id,
    username: credential.user.username,
    deviceId: credential.deviceId,
    address,
  };
  const writer = { userId: credential.user.id, deviceId: credential.deviceId };
  let written = 0;
  const rejected: Rejection[] = [];
  for (const { collection, rows } of payload.collections) {
    const def = guardCollection(collectionByName(collection)!, actor);
    for (let start = 0; start < rows.length; start += PUSH_ROWS_MAX) {
      let batch = rows.slice(start, start + PUSH_ROWS_MAX);
      for (let round = 0; round < MERGE_ROUNDS && batch.length > 0; round++) {
        const res = await push(db, def, credential.user, batch, writer);
        rejected.push(...res.rejected);
        const conflicting = new Set(res.conflicts.map((d) => d.id));
        const refused = new Set(res.rejected.map((r) => r.id));
        written += batch.filter(
          (r) => !conflicting.has(r.newDocumentState.id) && !refused.has(r.newDocumentState.id),
        ).length;
        batch = mergedRows(collection, batch, res.conflicts);
      }
    }
  }
  return { written, rejected };
}

function mergedRows(collection: CollectionName, sent: PushRow[], conflicts: WireDocument[]): PushRow[] {
  const byId = new Map(sent.map((r) => [r.newDocumentState.id, r]));
  const next: PushRow[] = [];
  for (const real of conflicts) {
    const row = byId.get(real.id);
    if (!row) continue;
    const merged = resolveConflict(collection, row.assumedMasterState, row.newDocumentState, real);
    if (!jsonEqual(merged, real)) next.push({ assumedMasterState: real, newDocumentState: merged });
  }
  return next;
}
