import { de, type ErrorCode } from '../../../shared/i18n';

/** The catalogue's German sentence for a known code; the server's own message otherwise. */
export function rejectionMessage(r: { code: string; message: string }): string {
  return Object.hasOwn(de.errors, r.code) ? de.errors[r.code as ErrorCode] : r.message;
}
