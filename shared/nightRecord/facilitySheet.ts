import { formatDateTime, formatIsoDate } from '../format';
import { de } from '../i18n';
import type { Intake } from '../schema/intake';

/**
 * The content of the one-page sheet for the facility at admission (Aufnahmeblatt, § 42 Abs. 2 S. 3 SGB VIII: the
 * office provides for the child's welfare, health care included, and the facility must know what that needs): the
 * night record in, the sheet's sections out, every value already German text. One model for every place that shows
 * the sheet - the printed sheet, the document built from it and the report to the ASD - so they cannot disagree.
 *
 * Every row of a section is always there: a fact the record lacks has no value and is printed as "nicht erfasst",
 * because a facility reading an empty line under "Allergien" would take it for "keine".
 */
export type FacilitySheetSource = Pick<
  Intake,
  'child' | 'officeId' | 'placement' | 'transport' | 'health' | 'handover'
>;
export const FACILITY_SHEET_SECTIONS = [
  'child',
  'health',
  'injuries',
  'examination',
  'contacts',
  'handedOver',
] as const;
export type FacilitySheetSectionKey = (typeof FACILITY_SHEET_SECTIONS)[number];
/** `field` is the record's path (e.g. "health.allergies"), so a consumer can point back to the form. */
export type FacilitySheetRow = { field: string; label: string; value?: string };
export type FacilitySheetSection = { key: FacilitySheetSectionKey; heading: string; rows: FacilitySheetRow[] };
export type FacilitySheet = {
  title: string;
  subtitle: string;
  /** What nobody at the door may overlook: a secret location, forbidden contacts and pick-ups. */
  alerts: string[];
  sections: FacilitySheetSection[];
};

const t = de.facilitySheet;
const fields = de.nightRecord.fields as Record<string, string>;

const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
const time = (ms: number | undefined) => (ms === undefined ? undefined : formatDateTime(ms));
const flag = (value: boolean | undefined) => (value === undefined ? undefined : value ? t.yes : t.no);
const row = (field: string, value: string | undefined, label = fields[field] ?? field): FacilitySheetRow =>
  value === undefined ? { field, label } : { field, label, value };

function childRows(intake: FacilitySheetSource): FacilitySheetRow[] {
  const { child } = intake;
  const name = `${child.firstName} ${child.lastName}`.trim();
  const office = (de.offices as Record<string, string>)[intake.officeId] ?? intake.officeId;
  return [
    row('child.name', text(name), t.fields.name),
    row('child.birthDate', child.birthDate ? formatIsoDate(child.birthDate) : undefined, t.fields.birthDate),
    // Age facts only where the birth date is unknown: they would otherwise contradict it on the sheet.
    ...(child.birthDate
      ? []
      : [
          row(
            'child.estimatedAge',
            child.estimatedAge === undefined ? undefined : t.fields.years(child.estimatedAge),
            t.fields.estimatedAge,
          ),
          ...(child.claimedAge === undefined
            ? []
            : [row('child.claimedAge', t.fields.years(child.claimedAge), t.fields.claimedAge)]),
        ]),
    row('placement.facilityName', text(intake.placement?.facilityName)),
    row('placement.admittedAt', time(intake.placement?.admittedAt)),
    row('officeId', office, t.fields.office),
    row('handover.caseworker', text(intake.handover?.caseworker)),
  ];
}

const sectionRows: Record<FacilitySheetSectionKey, (intake: FacilitySheetSource) => FacilitySheetRow[]> = {
  child: childRows,
  health: ({ health, transport }) => [
    row('health.insurer', text(health?.insurer)),
    row('transport.insuranceCard', flag(transport?.insuranceCard)),
    row('health.allergies', text(health?.allergies)),
    row('health.medicationPlan', text(health?.medicationPlan)),
    row('transport.medication', text(transport?.medication), t.fields.medicationHandedOver),
  ],
  injuries: ({ health }) => [
    row('health.injuries', text(health?.injuries)),
    row('health.injuriesPhotographed', flag(health?.injuriesPhotographed)),
    row('health.photographedBy', text(health?.photographedBy)),
  ],
  examination: ({ health }) => [
    row('health.medicalExamination', text(health?.medicalExamination)),
    row('health.medicalExaminationAt', time(health?.medicalExaminationAt)),
    row('health.medicalExaminationConsent', text(health?.medicalExaminationConsent)),
  ],
  contacts: ({ health }) => [
    row('health.contactAllowed', text(health?.contactAllowed)),
    row('health.contactForbidden', text(health?.contactForbidden)),
    row('health.locationSecret', flag(health?.locationSecret)),
    row('health.locationSecretReason', text(health?.locationSecretReason)),
    row('health.pickupForbidden', text(health?.pickupForbidden)),
  ],
  handedOver: ({ transport }) => [
    row('transport.belongings', text(transport?.belongings)),
    row('transport.documents', text(transport?.documents)),
  ],
};

function alertsOf({ health }: FacilitySheetSource): string[] {
  const forbidden = text(health?.contactForbidden);
  const pickup = text(health?.pickupForbidden);
  return [
    ...(health?.locationSecret ? [t.alerts.locationSecret] : []),
    ...(forbidden ? [t.alerts.contactForbidden(forbidden)] : []),
    ...(pickup ? [t.alerts.pickupForbidden(pickup)] : []),
  ];
}

export function facilitySheetOf(intake: FacilitySheetSource): FacilitySheet {
  return {
    title: t.title,
    subtitle: t.subtitle,
    alerts: alertsOf(intake),
    sections: FACILITY_SHEET_SECTIONS.map((key) => ({
      key,
      heading: t.sections[key],
      rows: sectionRows[key](intake),
    })),
  };
}
