import type { ObligationKind, ObligationStatus } from '../../../../shared/deadlines';
import { safeFileName } from '../../../../shared/fileName';
import { asText, formatDate, formatDateTime, formatIsoDate } from '../../../../shared/format';
import { de } from '../../../../shared/i18n';
import { obligationsOfIntake } from '../../../../shared/nightRecord/deadlineFacts';
import { facilitySheetOf } from '../../../../shared/nightRecord/facilitySheet';
import { fieldLabel } from '../../../../shared/nightRecord/fieldLabel';
import { responsibilityOf } from '../../../../shared/nightRecord/responsibility';
import type { Entry } from '../../../../shared/schema/entry';
import { type Intake, reviewStateOf } from '../../../../shared/schema/intake';
import type { NightRecordSection } from '../../../../shared/schema/nightRecord';
import { entrySummary } from '../../record/EntryLog';
import { nameOf } from '../../record/name';

/**
 * The handover report (Übergabebericht an den ASD) of one record as plain data: what the printed document says,
 * section by section, every value already in German and every time as dd.MM.yyyy HH:mm (Europe/Berlin). The
 * component only lays it out; tests read it here.
 */
export type ReportRow = { label: string; value: string };
export type ReportDecision = { section: string; heading: string; rows: ReportRow[] };
export type ReportLogLine = { id: string; at: string; kind: string; text: string; by: string; corrects?: string };
export type ReportObligation = {
  kind: ObligationKind;
  label: string;
  status: ObligationStatus;
  statusLabel: string;
  due: string;
  basis: string;
  /** "unverzüglich …" where the law sets no hour. */
  note?: string;
};
export type ReportSignature = {
  role: 'worker' | 'supervisor' | 'receiver';
  title: string;
  /** Known name, or '' for a line to write on. */
  name: string;
  /** Known time, or '' for a line to write on. */
  at: string;
  /** Signed in the app (the supervisor's countersignature); the others are signed on paper. */
  signed: boolean;
  note?: string;
};
export type HandoverReportModel = {
  intakeId: string;
  title: string;
  subtitle: string;
  childName: string;
  createdAt: string;
  /** Warnings printed above the summary: not yet countersigned, unresolved conflicts. */
  notices: string[];
  summary: ReportRow[];
  decisions: ReportDecision[];
  log: ReportLogLine[];
  obligations: ReportObligation[];
  signatures: ReportSignature[];
  /**
   * Default name of the saved PDF, with ".pdf": the date and a short record reference, never the child's name (the
   * file lands unencrypted in the documents folder, and file names show in recent-file lists and backups).
   */
  fileName: string;
};

/** User id -> display name, for the log and the signatures; an unknown id is shown as it is. */
export type UserNames = ReadonlyMap<string, string>;

const t = de.report;
const fields = de.nightRecord.fields as Record<string, string>;
/** The record reference in the PDF's file name: the first characters of the record's id. */
const REFERENCE_LENGTH = 8;

type Format = 'text' | 'time' | 'flag' | 'int' | Record<string, string> | ((value: never) => string);

const yesNo = (v: boolean) => (v ? t.yes : t.no);
const officeLabel = (id: string | undefined) =>
  id === undefined
    ? undefined
    : id === 'outside'
      ? de.nightRecord.outsideVerbund
      : ((de.offices as Record<string, string>)[id] ?? id);

function formatValue(value: unknown, format: Format): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof format === 'function') return (format as (v: unknown) => string)(value) || undefined;
  if (typeof format === 'object') {
    if (Array.isArray(value)) return value.map((code) => format[asText(code)] ?? asText(code)).join(', ') || undefined;
    return format[asText(value)] ?? asText(value);
  }
  switch (format) {
    case 'time':
      return formatDateTime(value as number);
    case 'flag':
      return yesNo(value as boolean);
    case 'int':
      return asText(value);
    default:
      return asText(value).trim() || undefined;
  }
}

function rowsOf(section: string, data: Record<string, unknown> | undefined, spec: [string, Format][]): ReportRow[] {
  if (!data) return [];
  return spec.flatMap(([field, format]) => {
    const value = formatValue(data[field], format);
    return value === undefined ? [] : [{ label: fields[`${section}.${field}`] ?? field, value }];
  });
}

type Consulted = NonNullable<NonNullable<Intake['risk']>['consulted']>;
const consultedList = (list: Consulted) =>
  list
    .map((c) => {
      const extra = [c.function, c.at !== undefined ? formatDateTime(c.at) : undefined].filter(Boolean).join(', ');
      return extra ? `${c.name} (${extra})` : c.name;
    })
    .join('; ');

const officeFormat = (id: string) => officeLabel(id) ?? id;

/**
 * What the record says, section by section in the numbered order of the form (1 · Anruf … 13 · Beendigung), each
 * with what it rests on. The health and contact section (5a) and the custodians (7) have builders of their own.
 */
const SECTION_SPECS: Partial<Record<NightRecordSection, [string, Format][]>> = {
  call: [
    ['callerName', 'text'],
    ['policeFileNumber', 'text'],
    ['childLocation', 'text'],
    ['note', 'text'],
  ],
  risk: [
    ['indicators', de.nightRecord.riskIndicators],
    ['consulted', consultedList],
    ['childSeenInPerson', 'flag'],
    ['assessment', 'text'],
    ['previousAssessment8a', 'flag'],
    ['jointAssessmentAt', 'time'],
    ['childInvolved', 'flag'],
    ['custodiansInvolved', 'flag'],
    ['notInvolvedReason', 'text'],
  ],
  decision: [
    ['ground', de.nightRecord.legalGrounds],
    ['decidedAt', 'time'],
    ['startAt', 'time'],
    ['reasons', 'text'],
    ['writtenDecisionHanded', 'flag'],
    ['removal', 'flag'],
    ['removalFrom', 'text'],
    ['childInformedAt', 'time'],
    ['childInformedHow', 'text'],
  ],
  freedomDeprivation: [
    ['reason', 'text'],
    ['startAt', 'time'],
    ['endAt', 'time'],
    ['policeInvolved', 'flag'],
    ['courtDecisionAt', 'time'],
  ],
  placement: [
    ['facilityName', 'text'],
    ['provider', 'text'],
    ['accommodation', de.nightRecord.accommodation],
    ['admittedAt', 'time'],
    ['note', 'text'],
  ],
  transport: [
    ['transportedBy', 'text'],
    ['belongings', 'text'],
    ['medication', 'text'],
    ['insuranceCard', 'flag'],
    ['documents', 'text'],
    ['handedOverAt', 'time'],
  ],
  trustedPerson: [
    ['offered', 'flag'],
    ['offeredAt', 'time'],
    ['used', 'flag'],
    ['who', 'text'],
    ['note', 'text'],
  ],
  custody: [
    ['status', de.nightRecord.custodyStatus],
    ['note', 'text'],
  ],
  court: [
    ['neededAt', 'time'],
    ['applicationAt', 'time'],
    ['court', 'text'],
    ['fileNumber', 'text'],
    ['outcome', 'text'],
    ['decisionAt', 'time'],
  ],
  // The contents of the § 42a initial assessment (Abs. 2 S. 1 Nr. 1-4), not only its dates.
  provisional: [
    ['startAt', 'time'],
    ['welfare', 'text'],
    ['relatives', 'text'],
    ['siblings', 'text'],
    ['health', 'text'],
    ['interpreter', 'text'],
    ['medicalStatement', 'text'],
    ['initialAssessmentAt', 'time'],
    ['healthCheckAt', 'time'],
    ['identityDoubt', 'flag'],
    ['identityCheckAt', 'time'],
    ['stateOfficeReportedAt', 'time'],
    ['distributionDecidedAt', 'time'],
    ['distributionOutcome', de.nightRecord.distributionOutcomes],
  ],
  ageAssessment: [
    ['method', de.nightRecord.ageAssessmentMethods],
    ['staff1', 'text'],
    ['staff2', 'text'],
    ['assessedAge', 'int'],
    ['assessedAt', 'time'],
    ['result', de.nightRecord.ageAssessmentResults],
    ['reasons', 'text'],
    ['doubt', 'flag'],
    ['medicalExplainedAt', 'time'],
    ['medicalConsent', 'flag'],
    ['writtenDecisionAt', 'time'],
  ],
  guardian: [
    ['applicationAt', 'time'],
    ['court', 'text'],
    ['appointed', 'text'],
    ['appointedAt', 'time'],
    ['note', 'text'],
    ['asylumNeed', de.nightRecord.yesNoUnknown],
    ['asylumCheckedAt', 'time'],
    ['asylumApplicationAt', 'time'],
  ],
  responsibility: [
    ['locationBeforeOfficeId', officeFormat],
    ['locationBefore', 'text'],
    ['custodiansResidenceOfficeId', officeFormat],
    ['custodiansResidence', 'text'],
    ['allocatedOfficeId', officeFormat],
    ['overrideOfficeId', officeFormat],
    ['overrideReason', 'text'],
  ],
  handover: [
    ['handedOverAt', 'time'],
    ['helpPlanStartedAt', 'time'],
  ],
  end: [
    ['endedAt', 'time'],
    ['reason', de.nightRecord.endReasons],
    ['followUp', 'text'],
    ['whereabouts', 'text'],
    ['writtenDecision', 'flag'],
  ],
};

const CUSTODIAN_FIELDS: [string, Format][] = [
  ['informedAt', 'time'],
  ['channel', de.nightRecord.contactChannels],
  ['interpreter', 'text'],
  ['reaction', 'text'],
  ['attempts', 'text'],
  ['unreachableAt', 'time'],
  ['locationDisclosed', 'flag'],
  ['locationNotDisclosedReason', 'text'],
  ['objection', 'flag'],
  ['objectionAt', 'time'],
];

/** The sheet's own sections that the report does not repeat: the child is in the summary, the items in section 5. */
const SHEET_SECTIONS_IN_SUMMARY_OR_TRANSPORT = ['child', 'handedOver'];

/**
 * 5a: the facility sheet's health and contact rows (shared/nightRecord/facilitySheet.ts), every row printed, a gap
 * as "nicht erfasst", so the ASD sees what the facility was not told.
 */
function healthRows(intake: Intake): ReportRow[] {
  // The sheet is due once the child is placed; before that, and with nothing recorded, there is nothing to miss.
  if (intake.placement === undefined && intake.health === undefined) return [];
  return facilitySheetOf(intake)
    .sections.filter((s) => !SHEET_SECTIONS_IN_SUMMARY_OR_TRANSPORT.includes(s.key))
    .flatMap((s) => s.rows)
    .filter((r) => !r.field.startsWith('transport.'))
    .map((r) => ({ label: r.label, value: r.value ?? de.facilitySheet.notRecorded }));
}

function decisionsOf(intake: Intake): ReportDecision[] {
  const sections = de.nightRecord.sections as Record<string, string>;
  const blocks: ReportDecision[] = [];
  for (const section of Object.keys(de.nightRecord.sections) as NightRecordSection[]) {
    if (section === 'custodians') {
      for (const custodian of intake.custodians ?? []) {
        blocks.push({
          section,
          heading: fieldLabel(`custodians[${custodian.id}]`, intake),
          rows: rowsOf(section, custodian, CUSTODIAN_FIELDS),
        });
      }
      continue;
    }
    const rows =
      section === 'health' ? healthRows(intake) : rowsOf(section, intake[section], SECTION_SPECS[section] ?? []);
    if (rows.length > 0) blocks.push({ section, heading: sections[section], rows });
  }
  return blocks;
}

const itemName = (c: NonNullable<Intake['custodians']>[number]) =>
  [c.role && de.nightRecord.custodianRoles[c.role], c.name?.trim()].filter(Boolean).join(' ');

/** Every interpreter of the night, with the conversation they interpreted. */
function interpretersOf(intake: Intake): string | undefined {
  const s = t.summary.interpreterIn;
  const provisional = intake.provisional?.interpreter?.trim();
  const list = [
    ...(provisional ? [s.provisional(provisional)] : []),
    ...(intake.custodians ?? []).flatMap((c) => {
      const who = c.interpreter?.trim();
      return who ? [s.custodian(who, itemName(c))] : [];
    }),
  ];
  return list.join('; ') || undefined;
}

/** Where the location is kept from someone: from everybody (5a) or from a custodian (7), each with its reason. */
function locationNotDisclosedOf(intake: Intake): string | undefined {
  const s = t.summary;
  const reason = (text: string | undefined) => text?.trim() || s.reasonMissing;
  const list = [
    ...(intake.health?.locationSecret ? [s.locationSecret(reason(intake.health.locationSecretReason))] : []),
    ...(intake.custodians ?? [])
      .filter((c) => c.locationDisclosed === false)
      .map((c) => s.notDisclosedTo(itemName(c), reason(c.locationNotDisclosedReason))),
  ];
  return list.join('; ') || undefined;
}

function summaryOf(intake: Intake): ReportRow[] {
  const s = t.summary;
  const { child, review, handover } = intake;
  const responsible = responsibilityOf(intake).officeId;
  const rows: [string, string | undefined][] = [
    [s.child, nameOf(intake)],
    [s.birthDate, child.birthDate ? formatIsoDate(child.birthDate) : undefined],
    [s.estimatedAge, !child.birthDate && child.estimatedAge !== undefined ? s.years(child.estimatedAge) : undefined],
    [s.claimedAge, child.claimedAge !== undefined ? s.years(child.claimedAge) : undefined],
    [s.office, officeLabel(intake.officeId)],
    [s.receivedAt, formatDateTime(intake.receivedAt)],
    [s.initiatedBy, intake.initiatedBy ? de.initiatedBy[intake.initiatedBy] : undefined],
    [s.situation, intake.situation.trim() || undefined],
    [s.reviewState, de.review.states[reviewStateOf(intake)]],
    [s.placement, intake.placement?.facilityName],
    [s.locationNotDisclosed, locationNotDisclosedOf(intake)],
    [s.interpreters, interpretersOf(intake)],
    [s.responsibleOffice, officeLabel(responsible)],
    [
      s.handedOverTo,
      review?.handedOverTo
        ? [
            officeLabel(review.handedOverTo),
            review.handedOverAt !== undefined ? formatDateTime(review.handedOverAt) : '',
          ]
            .filter(Boolean)
            .join(', ')
        : undefined,
    ],
    [s.caseworker, handover?.caseworker],
    [s.handoverSummary, handover?.summary?.trim() || undefined],
    [s.openTasks, handover?.openTasks?.trim() || undefined],
  ];
  return rows
    .filter((r): r is [string, string] => r[1] !== undefined && r[1] !== '')
    .map(([label, value]) => ({ label, value }));
}

function logOf(entries: readonly Entry[], names: UserNames): ReportLogLine[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return [...entries]
    .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id))
    .map((entry) => {
      const corrected = entry.correctsId ? byId.get(entry.correctsId) : undefined;
      return {
        id: entry.id,
        at: formatDateTime(entry.at),
        kind: de.nightRecord.entryKinds[entry.kind],
        text: entrySummary(entry),
        by: names.get(entry.createdBy) ?? entry.createdBy,
        ...(corrected
          ? {
              corrects: t.log.corrects(
                `${formatDateTime(corrected.at)} (${de.nightRecord.entryKinds[corrected.kind]})`,
              ),
            }
          : {}),
      };
    });
}

function obligationsOf(intake: Intake, now: number): ReportObligation[] {
  return obligationsOfIntake(intake, now)
    .filter((o) => o.status !== 'done')
    .map((o) => ({
      kind: o.kind,
      label: de.deadlines.kinds[o.kind],
      status: o.status,
      statusLabel: de.deadlines.statuses[o.status],
      due: formatDateTime(o.dueAt),
      basis: o.basis,
      ...(o.withoutUndueDelay ? { note: de.deadlines.withoutUndueDelay } : {}),
    }));
}

function signaturesOf(intake: Intake, names: UserNames): ReportSignature[] {
  const s = t.signatures;
  const review = intake.review;
  const countersigned = review?.countersignedBy !== undefined && review.countersignedAt !== undefined;
  return [
    { role: 'worker', title: s.worker, name: names.get(intake.createdBy) ?? '', at: '', signed: false },
    countersigned
      ? {
          role: 'supervisor',
          title: s.supervisor,
          name: names.get(review.countersignedBy!) ?? review.countersignedBy!,
          at: formatDateTime(review.countersignedAt!),
          signed: true,
          note: s.countersigned(formatDateTime(review.countersignedAt!)),
        }
      : { role: 'supervisor', title: s.supervisor, name: '', at: '', signed: false },
    { role: 'receiver', title: s.receiver, name: intake.handover?.caseworker?.trim() ?? '', at: '', signed: false },
  ];
}

export function reportOf(
  intake: Intake,
  entries: readonly Entry[],
  now: number,
  names: UserNames,
): HandoverReportModel {
  const state = reviewStateOf(intake);
  const notices = [
    ...(['countersigned', 'handed_over', 'closed'].includes(state) ? [] : [t.notCountersigned]),
    ...(intake.conflicts.length > 0 ? [t.conflicts(intake.conflicts.length)] : []),
  ];
  return {
    intakeId: intake.id,
    title: t.title,
    subtitle: t.subtitle,
    childName: nameOf(intake),
    createdAt: t.createdAt(formatDateTime(now)),
    notices,
    summary: summaryOf(intake),
    decisions: decisionsOf(intake),
    log: logOf(
      entries.filter((e) => e.intakeId === intake.id),
      names,
    ),
    obligations: obligationsOf(intake, now),
    signatures: signaturesOf(intake, names),
    fileName: `${safeFileName(t.fileName(formatDate(now), intake.id.slice(0, REFERENCE_LENGTH)))}.pdf`,
  };
}
