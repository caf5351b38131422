import { de, type ErrorCode } from '../../../../shared/i18n';
import { LoginError } from '../../data/client';

const t = de.app.login;

/** The German sentence the login form shows for a failed login. */
export function loginErrorMessage(err: unknown): string {
  if (err instanceof LoginError) {
    if (err.code === 'offline') return t.errors.offline;
    if (err.code === 'local_key_mismatch') return t.errors.local_key_mismatch;
    // Already German: the desktop app's keystore says why it will not keep the key (electron/keystore.ts).
    if (err.code === 'keystore_refused') return err.message;
    if (Object.hasOwn(de.errors, err.code)) return de.errors[err.code as ErrorCode];
  }
  return t.errors.unexpected;
}
