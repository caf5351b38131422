import { formatDateTime } from '../../../shared/format';
import { de, type ErrorCode } from '../../../shared/i18n';
import { LoginError } from '../data/client';
import type { NightContact } from './night-contact';

const t = de.app.login;

/** The German sentence the login form shows for a failed login. */
export function loginErrorMessage(err: unknown, contact: NightContact | null = null): string {
  if (err instanceof LoginError) {
    if (err.code === 'offline') return t.errors.offline;
    if (err.code === 'local_key_mismatch') return t.errors.local_key_mismatch;
    // Already German: the desktop app's keystore says why it will not keep the key (electron/keystore.ts).
    if (err.code === 'keystore_refused') return err.message;
    if (err.code === 'too_many_attempts') return lockedMessage(err, contact);
    if (err.code === 'invalid_credentials' && err.limits.attemptsLeft !== undefined) {
      if (err.limits.attemptsLeft === 0) return `${de.errors.invalid_credentials} ${lockedMessage(err, contact)}`;
      return `${de.errors.invalid_credentials} ${t.limits.attemptsLeft(err.limits.attemptsLeft)}`;
    }
    if (Object.hasOwn(de.errors, err.code)) return de.errors[err.code as ErrorCode];
  }
  return t.errors.unexpected;
}

/** Until when, that the laptop's own data still open, and whom to call. */
function lockedMessage(err: LoginError, contact: NightContact | null): string {
  const { lockedUntil } = err.limits;
  const until = lockedUntil !== undefined ? t.limits.lockedUntil(formatDateTime(lockedUntil)) : t.limits.lockedNoEnd;
  const call = !contact
    ? t.limits.callAdmin
    : contact.name
      ? t.limits.callNamed(contact.name, contact.phone)
      : t.limits.callPhone(contact.phone);
  return `${until} ${t.limits.localStillOpens} ${call}`;
}
