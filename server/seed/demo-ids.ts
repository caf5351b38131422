import { OFFICE_IDS, type OfficeId } from '../../shared/offices';

/**
 * A fixed UUID per demo intake (office, number 1-3): holds refer to intakes by UUID only (shared/schema/hold.ts),
 * and re-seeding finds the same documents again.
 */
export function demoIntakeId(office: OfficeId, n: number): string {
  return `de300000-0000-4000-8000-${String(OFFICE_IDS.indexOf(office) * 100 + n).padStart(12, '0')}`;
}
