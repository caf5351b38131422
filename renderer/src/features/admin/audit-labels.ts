import { de } from '../../../../shared/i18n';
import type { AuditEntry } from '../../../../shared/sync/protocol';

const actions = de.audit.actions as Record<string, string>;

/** Every action the trail knows, by its German name, for the filter. */
export const ACTION_OPTIONS = Object.entries(actions)
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label, 'de'));

export const actionLabel = (action: string) => actions[action] ?? action;

/** The device by the name it was registered under, where the server knows it; else its id. */
export const deviceLabel = (e: AuditEntry, names: Readonly<Record<string, string>>) =>
  e.deviceId === null ? '' : (names[e.deviceId] ?? e.deviceId);

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * What a line concerns in words: a collection by its German name ("Inobhutnahmen"), an account by its user name,
 * a device by its name, both as the line recorded them then; anything else (a record's id) as it is.
 */
export function targetLabel(e: AuditEntry, names: Readonly<Record<string, string>>): string {
  if (e.target === null) return '';
  if (e.action.startsWith('admin.user_') || e.action === 'admin.password_reset') {
    return text(e.details.username) ?? e.target;
  }
  if (e.action === 'admin.device_revoked') return text(e.details.deviceName) ?? names[e.target] ?? e.target;
  return de.audit.targets[e.target] ?? e.target;
}
