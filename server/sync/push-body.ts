import { isObject } from '../../shared/is-object';
import { PUSH_ROWS_MAX, type PushRow } from '../../shared/sync/protocol';
import { ApiError } from '../http/errors';

/**
 * The envelope of a push; the documents themselves are checked per row (rejections, not a 400). Not a JSON schema:
 * too many rows answer `too_many_rows`, which a schema's failure could not tell apart from `invalid_request`.
 */
export function parsePushBody(body: unknown): PushRow[] {
  if (!Array.isArray(body)) throw new ApiError(400, 'invalid_request');
  if (body.length > PUSH_ROWS_MAX) throw new ApiError(400, 'too_many_rows');
  return body.map((row) => {
    if (!isObject(row) || Object.keys(row).some((k) => k !== 'assumedMasterState' && k !== 'newDocumentState')) {
      throw new ApiError(400, 'invalid_request');
    }
    const { assumedMasterState, newDocumentState } = row;
    if (!isObject(newDocumentState) || typeof newDocumentState.id !== 'string' || !newDocumentState.id) {
      throw new ApiError(400, 'invalid_request');
    }
    if (assumedMasterState !== undefined && assumedMasterState !== null && !isObject(assumedMasterState)) {
      throw new ApiError(400, 'invalid_request');
    }
    return {
      newDocumentState,
      ...(isObject(assumedMasterState) ? { assumedMasterState } : {}),
    } as PushRow;
  });
}
