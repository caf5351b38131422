import {
  type Checkpoint,
  PULL_LIMIT_DEFAULT,
  PULL_LIMIT_MAX,
  type PullResponse,
  type SessionUser,
  type WireDocument,
} from '../../shared/sync/protocol';
import type { Queryable } from '../db/db';
import { ApiError } from '../http/errors';
import { type CollectionDef, presentTo, type ReadScope } from './collections';
import { withholdFromOtherOffices } from './entrusted';
import { handedOverFilter } from './handover';

/** The checkpoint as sent back by the client: JSON text of `{"seq": n}`; absent or `null` means from the start. */
export function parseCheckpoint(text: string | undefined): Checkpoint | null {
  if (text === undefined || text === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_checkpoint');
  }
  if (value === null) return null;
  if (
    typeof value !== 'object' ||
    Array.isArray(value) ||
    Object.keys(value).length !== 1 ||
    !Number.isSafeInteger((value as Checkpoint).seq) ||
    (value as Checkpoint).seq < 0
  ) {
    throw new ApiError(400, 'invalid_checkpoint');
  }
  return { seq: (value as Checkpoint).seq };
}

export function parseLimit(text: string | undefined): number {
  if (text === undefined) return PULL_LIMIT_DEFAULT;
  if (!/^\d{1,4}$/.test(text)) throw new ApiError(400, 'invalid_limit');
  const limit = Number(text);
  if (limit < 1 || limit > PULL_LIMIT_MAX) throw new ApiError(400, 'invalid_limit');
  return limit;
}

/**
 * Documents readable in `scope` with a feed position in (after, upTo], oldest first, at most `limit`.
 * The returned checkpoint is the position of the last document, or `after` unchanged when there is none.
 */
export async function readFeed(
  q: Queryable,
  collection: string,
  scope: ReadScope,
  after: Checkpoint | null,
  limit: number,
  upTo: number = Number.MAX_SAFE_INTEGER,
): Promise<PullResponse> {
  if (scope === 'none') return { documents: [], checkpoint: after };
  const [officeFilter, officeParam] =
    scope === 'all'
      ? ['', []]
      : [`AND (office_id = ANY($5::text[]) OR ${handedOverFilter(collection, '$5')})`, [[...scope.offices]]];
  const { rows } = await q.query<{ data: WireDocument; seq: string | number }>(
    `SELECT data, seq FROM documents
      WHERE collection = $1 AND seq > $2 AND seq <= $3 ${officeFilter}
      ORDER BY seq LIMIT $4`,
    [collection, after?.seq ?? 0, upTo, limit, ...officeParam],
  );
  if (rows.length === 0) return { documents: [], checkpoint: after };
  const documents = rows.map((r) => r.data);
  return {
    documents: scope === 'all' ? documents : await withholdFromOtherOffices(q, collection, scope.offices, documents),
    checkpoint: { seq: Number(rows[rows.length - 1].seq) },
  };
}

/** A page of the collection's feed as `user` is shown it: what the user may read, in the collection's view. */
export async function readPage(
  q: Queryable,
  def: CollectionDef,
  user: SessionUser,
  after: Checkpoint | null,
  limit: number,
): Promise<PullResponse> {
  const page = await readFeed(q, def.name, def.readScope(user), after, limit);
  return { ...page, documents: await presentTo(def, q, user, page.documents) };
}

export async function feedHead(q: Queryable, collection: string): Promise<number> {
  const { rows } = await q.query<{ seq: string | number }>('SELECT seq FROM feeds WHERE collection = $1', [collection]);
  return Number(rows[0]?.seq ?? 0);
}
