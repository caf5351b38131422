import { safeFileName } from '../../../../shared/fileName';
import { formatDateTime, formatIsoDate } from '../../../../shared/format';
import { de } from '../../../../shared/i18n';
import { fieldLabel } from '../../../../shared/nightRecord/fieldLabel';
import type { AccessAnswer, AccessRecord } from '../../../../shared/privacy/access-request';
import { type Intake, reviewStateOf } from '../../../../shared/schema/intake';
import { getAtPath } from '../../../../shared/sync/paths';
import { entrySummary } from '../../record/EntryLog';
import { type FieldSpec, SECTIONS } from '../../record/fields';
import { displayOf } from '../../record/values';

/**
 * The answer to a person's request for information (Art. 15 DSGVO, § 83 SGB X) as a person reads it: every value
 * in German, every time as dd.MM.yyyy HH:mm. The component only lays it out; the JSON download is the complete answer.
 */
export type AccessRow = { label: string; value: string };
export type AccessSection = { title: string; rows: AccessRow[] };
export type AccessLogLine = { id: string; at: string; kind: string; text: string };
export type AccessRecordModel = {
  id: string;
  heading: string;
  office: string;
  state: string;
  /** Received by handover from another office: its content as that office let it go. */
  receivedFrom: string | null;
  sections: AccessSection[];
  log: AccessLogLine[];
  recipients: string[];
  reads: AccessRow[];
  /** Fields withheld as entrusted (§ 65 SGB VIII, § 83 Abs. 4 SGB X), and how many log lines. */
  withheldFields: string[];
  withheldEntries: number;
};
export type AccessDocumentModel = {
  title: string;
  person: AccessRow[];
  produced: AccessRow[];
  records: AccessRecordModel[];
  toCheck: string[];
  /** Names of the files, with the date and never the person's name (they land unencrypted on the disk). */
  pdfFileName: string;
  jsonFileName: string;
};

const t = de.privacy.accessRequest;
const office = (id: string) => de.offices[id as keyof typeof de.offices] ?? id;
const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

function rowsOf(prefix: string, fields: FieldSpec[], data: unknown): AccessRow[] {
  return fields.flatMap((spec) => {
    const value = getAtPath(data, spec.path);
    return isEmpty(value)
      ? []
      : [{ label: prefix ? `${prefix} – ${spec.label}` : spec.label, value: displayOf(spec, value) }];
  });
}

/** The record's sections as the form has them, each with the fields that hold something. */
function sectionsOf(intake: Intake): AccessSection[] {
  return SECTIONS.map((section) => {
    const rows = rowsOf('', section.fields, intake);
    const list = section.list;
    if (list) {
      const items = (getAtPath(intake, list.path) as unknown[] | undefined) ?? [];
      items.forEach((item, n) => rows.push(...rowsOf(list.itemLabel(n + 1), list.fields, item)));
    }
    return { title: section.title, rows };
  }).filter((s) => s.rows.length > 0);
}

function recordOf(record: AccessRecord): AccessRecordModel {
  const { intake } = record;
  const withheldEntries = new Set(record.withheld.entryIds);
  return {
    id: intake.id,
    heading: t.recordHeading(formatDateTime(intake.receivedAt), office(intake.officeId)),
    office: office(intake.officeId),
    state: de.review.states[reviewStateOf(intake)],
    receivedFrom: record.received ? office(intake.officeId) : null,
    sections: sectionsOf(intake),
    log: record.log.map((e) => ({
      id: e.id,
      at: formatDateTime(e.at),
      kind: de.nightRecord.entryKinds[e.kind],
      text: withheldEntries.has(e.id) ? t.withheldLine : entrySummary(e),
    })),
    recipients: record.recipients.map((r) => t.recipient(office(r.officeId), formatDateTime(r.at))),
    reads: record.reads.map((r) => ({
      label: formatDateTime(Date.parse(r.at)),
      value: [
        (de.audit.actions as Record<string, string>)[r.action] ?? r.action,
        r.actor ?? t.unknownActor,
        r.officeId ? office(r.officeId) : null,
      ]
        .filter(Boolean)
        .join(' · '),
    })),
    withheldFields: record.withheld.fields.map((f) => fieldLabel(f)),
    withheldEntries: withheldEntries.size,
  };
}

export function accessDocumentOf(answer: AccessAnswer): AccessDocumentModel {
  const { request } = answer;
  const produced = Date.parse(answer.producedAt);
  const day = formatDateTime(produced).slice(0, 10);
  return {
    title: t.documentTitle,
    person: [
      { label: t.firstName, value: request.firstName },
      { label: t.lastName, value: request.lastName },
      { label: t.birthDate, value: formatIsoDate(request.birthDate) },
    ],
    produced: [
      { label: t.office, value: office(answer.officeId) },
      { label: t.producedAt, value: formatDateTime(produced) },
      { label: t.producedBy, value: answer.producedBy },
    ],
    records: answer.records.map(recordOf),
    toCheck: answer.toCheck,
    pdfFileName: safeFileName(`${t.fileName} ${day}.pdf`),
    jsonFileName: safeFileName(`${t.fileName} ${day}.json`),
  };
}
