import { OBLIGATION_KINDS, type ObligationKind } from '../../../../shared/deadlines';
import { de } from '../../../../shared/i18n';
import { obligationsOfIntake } from '../../../../shared/nightRecord/deadlineFacts';
import { dutyHolderOf } from '../../../../shared/nightRecord/responsibility';
import { may } from '../../../../shared/rules/authz';
import type { Actor } from '../../../../shared/rules/intake';
import { type Intake, reviewStateOf } from '../../../../shared/schema/intake';
import { nameOf } from '../../record/name';

/**
 * The obligations dashboard's model: every obligation of every open record the office holds that is due soon or
 * overdue, with who is responsible. The obligations come from the same derivation as the record's own panel
 * (shared/nightRecord/deadlineFacts.ts), so the dashboard and the record cannot disagree.
 */

/** The states the dashboard shows: what is not done and already in its reminder window or past due. */
export const DUE_STATUSES = ['overdue', 'dueSoon'] as const;
export type DueStatus = (typeof DUE_STATUSES)[number];

export type DueObligation = {
  intakeId: string;
  childName: string;
  kind: ObligationKind;
  dueAt: number;
  status: DueStatus;
  basis: string;
  /** The user id of who is responsible (see {@link responsibleOf}). */
  responsibleId: string;
  /** Their display name where this client knows it, else the id. */
  responsibleName: string;
};

export type DashboardRecord = Pick<Intake, 'id' | 'officeId' | 'createdBy' | 'child' | 'review'> &
  Partial<Pick<Intake, 'responsibility'>> &
  Parameters<typeof obligationsOfIntake>[0];

/**
 * Whether the record is part of the office's open caseload: not closed, the measure has not ended, and created by
 * the office or handed over to it. A record the office handed over stays on its dashboard too, so that no deadline
 * drops out of sight during the handover; who answers for it is the receiving ASD ({@link responsibleOf}).
 */
export function isOpenRecord(intake: DashboardRecord, officeId: string): boolean {
  const state = reviewStateOf(intake);
  if (state === 'closed' || intake.end?.endedAt !== undefined) return false;
  return intake.officeId === officeId || intake.review?.handedOverTo === officeId;
}

/**
 * Who answers for the record's obligations (shared/nightRecord/responsibility.ts, dutyHolderOf): the on-call worker
 * who created the record until the handover, then the ASD of the responsible office (by its caseworker if named).
 */
export function responsibleOf(
  intake: DashboardRecord,
  names: ReadonlyMap<string, string> = new Map(),
): { id: string; name: string } {
  const holder = dutyHolderOf(intake);
  if (holder.kind === 'worker') return { id: holder.userId, name: names.get(holder.userId) ?? holder.userId };
  const office = holder.officeId === 'outside' ? de.nightRecord.outsideVerbund : de.offices[holder.officeId];
  return { id: `asd:${holder.officeId}`, name: de.obligations.asd(office, holder.caseworker) };
}

const isDue = (status: string): status is DueStatus => (DUE_STATUSES as readonly string[]).includes(status);

/** Overdue first, then the earliest due; ties by child and kind so the order is stable. */
export function compareDue(a: DueObligation, b: DueObligation): number {
  const rank = (o: DueObligation) => (o.status === 'overdue' ? 0 : 1);
  return (
    rank(a) - rank(b) ||
    a.dueAt - b.dueAt ||
    a.childName.localeCompare(b.childName, 'de') ||
    a.intakeId.localeCompare(b.intakeId) ||
    OBLIGATION_KINDS.indexOf(a.kind) - OBLIGATION_KINDS.indexOf(b.kind)
  );
}

/** Every due or overdue obligation of the office's open records at `now`, sorted by {@link compareDue}. */
export function dueObligations(
  intakes: readonly DashboardRecord[],
  { officeId, now, names = new Map() }: { officeId: string; now: number; names?: ReadonlyMap<string, string> },
): DueObligation[] {
  const due: DueObligation[] = [];
  for (const intake of intakes) {
    if (!isOpenRecord(intake, officeId)) continue;
    const responsible = responsibleOf(intake, names);
    for (const o of obligationsOfIntake(intake, now)) {
      if (!isDue(o.status)) continue;
      due.push({
        intakeId: intake.id,
        childName: nameOf(intake),
        kind: o.kind,
        dueAt: o.dueAt,
        status: o.status,
        basis: o.basis,
        responsibleId: responsible.id,
        responsibleName: responsible.name,
      });
    }
  }
  return due.sort(compareDue);
}

export type ObligationFilter = {
  kind: ObligationKind | null;
  responsibleId: string | null;
  overdueOnly: boolean;
};

export const NO_FILTER: ObligationFilter = { kind: null, responsibleId: null, overdueOnly: false };

export function applyFilter(list: readonly DueObligation[], filter: ObligationFilter): DueObligation[] {
  return list.filter(
    (o) =>
      (filter.kind === null || o.kind === filter.kind) &&
      (filter.responsibleId === null || o.responsibleId === filter.responsibleId) &&
      (!filter.overdueOnly || o.status === 'overdue'),
  );
}

export type DueSummary = {
  total: number;
  overdue: number;
  dueSoon: number;
  /** Kinds that occur, in the catalogue's order, with their counts. */
  byKind: { kind: ObligationKind; count: number; overdue: number }[];
  /** Everyone responsible for something, most overdue first, then by name. */
  byResponsible: { id: string; name: string; count: number; overdue: number }[];
};

/** The counts the summary line and the filters' options show. */
export function summarize(list: readonly DueObligation[]): DueSummary {
  const kinds = new Map<ObligationKind, { count: number; overdue: number }>();
  const people = new Map<string, { id: string; name: string; count: number; overdue: number }>();
  let overdue = 0;
  for (const o of list) {
    const late = o.status === 'overdue' ? 1 : 0;
    overdue += late;
    const k = kinds.get(o.kind) ?? { count: 0, overdue: 0 };
    kinds.set(o.kind, { count: k.count + 1, overdue: k.overdue + late });
    const p = people.get(o.responsibleId) ?? { id: o.responsibleId, name: o.responsibleName, count: 0, overdue: 0 };
    people.set(o.responsibleId, { ...p, count: p.count + 1, overdue: p.overdue + late });
  }
  return {
    total: list.length,
    overdue,
    dueSoon: list.length - overdue,
    byKind: OBLIGATION_KINDS.filter((kind) => kinds.has(kind)).map((kind) => ({ kind, ...kinds.get(kind)! })),
    byResponsible: [...people.values()].sort((a, b) => b.overdue - a.overdue || a.name.localeCompare(b.name, 'de')),
  };
}

/**
 * Where a row's record opens: in the review only for a supervisor and only a submitted record someone else created
 * (opening a "neu" record there starts its review). A draft, or a record the supervisor took herself while on call,
 * opens in the records area, where she can work on it.
 */
export function openViewOf(
  intake: Pick<Intake, 'status' | 'createdBy' | 'officeId'> | undefined,
  user: Actor,
): 'review' | 'intakes' {
  const review =
    intake !== undefined &&
    may(user, 'intakes', 'review', intake.officeId) &&
    intake.status === 'submitted' &&
    intake.createdBy !== user.id;
  return review ? 'review' : 'intakes';
}
