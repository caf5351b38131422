import { formatDateTime } from '../../shared/format';
import { audit as labels } from '../../shared/i18n/de/audit';
import type { AuditEntry } from '../../shared/sync/protocol';
import type { Queryable } from '../db/db';
import type { StoredRow } from './chain';
import { readAudit } from './log';

export function toAuditEntry(row: StoredRow): AuditEntry {
  return { ...row, at: Date.parse(row.at) };
}

/** A CSV cell for spreadsheet programs: quoted, and never read as a formula (CSV injection). */
function cell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

function line(row: StoredRow): string {
  const at = Date.parse(row.at);
  const label = Object.hasOwn(labels.actions, row.action)
    ? labels.actions[row.action as keyof typeof labels.actions]
    : '';
  return [
    row.id,
    formatDateTime(at),
    row.at,
    row.action,
    label,
    row.actorId,
    row.actorName,
    row.officeId,
    row.deviceId,
    row.address,
    row.target,
    JSON.stringify(row.details),
    row.prevHash,
    row.hash,
  ]
    .map(cell)
    .join(';');
}

/**
 * The trail as CSV (semicolons and a BOM, as German spreadsheet programs expect), page by page so a long trail
 * is never held in memory. It carries every column that goes into the hash.
 */
export async function* auditCsv(
  q: Queryable,
  offices: readonly string[] | 'all',
  pageSize = 2_000,
): AsyncGenerator<string> {
  yield `\uFEFF${labels.csvColumns.map(cell).join(';')}\r\n`;
  let after = 0;
  for (;;) {
    const rows = await readAudit(q, { offices, after, limit: pageSize });
    if (rows.length) yield rows.map((r) => `${line(r)}\r\n`).join('');
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1].id;
  }
}
