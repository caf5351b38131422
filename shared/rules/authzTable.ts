import { authz as text } from '../i18n/de/authz';
import { ROLES } from '../roles';
import { allPermissions } from './authz';

/**
 * The authorisation table (shared/rules/authz.ts) as the Markdown table of docs/security-server.md: one row per
 * resource and operation, one column per role, and what the rule book narrows beyond the office. Padded as Prettier
 * pads Markdown tables, so the page stays formatted.
 */
export function authzTableMarkdown(): string {
  const head = [text.header.what, ...ROLES.map((r) => text.roles[r]), text.header.narrowed];
  const rows = allPermissions().map(({ resource, operation, grants }) => [
    `${text.resources[resource] ?? resource}: ${text.operations[operation] ?? operation}`,
    ...ROLES.map((role) => text.scopes[grants[role] ?? 'none']),
    text.narrowed[`${resource}.${operation}`] ?? '',
  ]);
  const widths = head.map((_, i) => Math.max(3, ...[head, ...rows].map((cells) => cells[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
