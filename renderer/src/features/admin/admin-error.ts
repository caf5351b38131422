import { de, type ErrorCode } from '../../../../shared/i18n';
import { ApiError, NetworkError } from '../../data/http';

const t = de.security.admin;

/** The German sentence for a failed admin call. */
export function adminErrorMessage(err: unknown): string {
  if (err instanceof NetworkError) return t.online;
  if (err instanceof ApiError && Object.hasOwn(de.errors, err.code)) return de.errors[err.code as ErrorCode];
  return t.failed;
}
