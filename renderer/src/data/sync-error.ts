import { de, type ErrorCode } from '../../../shared/i18n';
import { ApiError, NetworkError } from './http';
import { NotYetError } from './replication';

const t = de.problems.sync;

/** RxDB wraps the cause of a failed pull or push (RC_PULL, RC_PUSH) in `parameters.errors`. */
function causeOf(error: unknown): unknown {
  const wrapped = (error as { parameters?: { errors?: unknown[] } } | null)?.parameters?.errors;
  return Array.isArray(wrapped) && wrapped.length > 0 ? causeOf(wrapped[0]) : error;
}

/** The last replication error in words a user can act on (German, no technical text, no document content). */
export function syncErrorText(error: unknown): string {
  const cause = causeOf(error);
  if (cause instanceof NetworkError) return t.network;
  if (cause instanceof NotYetError) return t.notYet;
  if (cause instanceof ApiError) {
    return Object.hasOwn(de.errors, cause.code) ? de.errors[cause.code as ErrorCode] : t.server(cause.status);
  }
  return t.local;
}
