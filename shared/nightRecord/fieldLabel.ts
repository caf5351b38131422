import { de } from '../i18n';
import { getAtPath, labelKeyOf } from '../sync/paths';

/**
 * The German name of a field path of the night record, for conflicts, the missing-for-submit list and the
 * server's messages: `custodians[c1].informedAt` -> "7 · Personensorgeberechtigte (Mutter, Erika Beispiel) –
 * Informiert am". With the record at hand, a list item is named by what it holds rather than by its id.
 */
type Named = { role?: string; name?: string };

function itemName(doc: unknown, path: string): string | undefined {
  const itemPath = /^(.*?\[[^\]]+\])/.exec(path)?.[1];
  const item = itemPath && doc !== undefined ? (getAtPath(doc, itemPath) as Named | undefined) : undefined;
  if (!item) return undefined;
  const roles = de.nightRecord.custodianRoles as Record<string, string>;
  return [item.role && roles[item.role], item.name].filter(Boolean).join(', ') || undefined;
}

export function fieldLabel(path: string, doc?: unknown, overrides: Record<string, string> = {}): string {
  const key = labelKeyOf(path);
  const intakeLabels = de.intakeFields as Record<string, string>;
  if (intakeLabels[key]) return overrides[key] ?? intakeLabels[key];
  const section = key.split('.')[0];
  const sectionLabel = (de.nightRecord.sections as Record<string, string>)[section];
  if (!sectionLabel) return path;
  const item = itemName(doc, path);
  const head = item ? `${sectionLabel} (${item})` : sectionLabel;
  const fields = de.nightRecord.fields as Record<string, string>;
  const name = overrides[key] ?? (key === section ? undefined : (fields[key] ?? key.slice(section.length + 1)));
  return name ? `${head} – ${name}` : head;
}

/** How a gap in the record is named in the list of what is missing for "Abgeschlossen". */
export function missingLabel(path: string, doc?: unknown): string {
  return fieldLabel(path, doc, de.nightRecord.missing);
}

/** Every field of the intake by its German name, for the server's validation messages. */
export function intakeFieldLabels(): Record<string, string> {
  const keys = [
    ...Object.keys(de.intakeFields),
    ...Object.keys(de.nightRecord.sections),
    ...Object.keys(de.nightRecord.fields),
  ];
  return Object.fromEntries(keys.map((key) => [key, fieldLabel(key)]));
}
