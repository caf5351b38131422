import type { InitiatedBy } from '../../catalogues/initiatedBy';
import type { OfficeId } from '../../offices';
import type { Role } from '../../roles';
import type { IntakeStatus } from '../../schema/intake';

/** Labels of domain codes: offices, roles, statistics catalogues, intake fields. */
export const domain = {
  offices: {
    segeberg: 'Kreis Segeberg',
    stormarn: 'Kreis Stormarn',
    'herzogtum-lauenburg': 'Kreis Herzogtum Lauenburg',
    pinneberg: 'Kreis Pinneberg',
    norderstedt: 'Stadt Norderstedt',
  } satisfies Record<OfficeId, string>,
  roles: {
    oncall: 'Bereitschaftsdienst',
    supervisor: 'Leitung',
    coordinator: 'Verbund-Koordination',
    admin: 'Administration',
  } satisfies Record<Role, string>,
  initiatedBy: {
    child: 'Kind/Jugendliche(r) selbst',
    parents: 'Eltern/Elternteil',
    social_services: 'Soziale Dienste/Jugendamt',
    police: 'Polizei/Ordnungsbehörde',
    school_daycare: 'Lehrer/-in, Erzieher/-in',
    physician: 'Ärztin/Arzt',
    neighbours_relatives: 'Nachbarn/Verwandte',
    other: 'Sonstige',
  } satisfies Record<InitiatedBy, string>,
  intakeStatus: {
    draft: 'Entwurf',
    submitted: 'Vorgelegt',
  } satisfies Record<IntakeStatus, string>,
  intakeFields: {
    id: 'Kennung',
    officeId: 'Jugendamt',
    createdBy: 'Angelegt von',
    createdAt: 'Angelegt am',
    updatedAt: 'Geändert am',
    updatedBy: 'Geändert von',
    receivedAt: 'Anruf eingegangen',
    child: 'Kind',
    'child.firstName': 'Vorname',
    'child.lastName': 'Nachname',
    'child.birthDate': 'Geburtsdatum',
    'child.estimatedAge': 'Geschätztes Alter',
    'child.claimedAge': 'Angegebenes Alter (Selbstauskunft)',
    initiatedBy: 'Angeregt durch',
    situation: 'Situation (kurz)',
    status: 'Status',
    conflicts: 'Konflikte',
  },
} as const;

export type IntakeFieldLabelKey = keyof typeof domain.intakeFields;
