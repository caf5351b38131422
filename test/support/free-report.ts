import { randomUUID } from 'node:crypto';

import { withFreeReport } from '../../shared/placement/reports';
import type { FacilityWire } from '../../shared/schema/facility';
import type { HoldWire } from '../../shared/schema/hold';
import { login, pullAll, push } from './api';

/**
 * The coordinator reports `free` places at a facility beyond the beds the demo's live holds keep: a report counts
 * empty beds, and beds held by live holds are empty too and count against it (issue 12). Returns nothing; a refused
 * report throws.
 */
export async function reportFreeBeyondLiveHolds(serverUrl: string, facilityId: string, free: number): Promise<void> {
  const coordinator = await login(serverUrl, 'koordination');
  const stored = (await pullAll<FacilityWire>(serverUrl, coordinator.token, 'facilities')).documents.find(
    (f) => f.id === facilityId,
  )!;
  const reportedAt = Date.now();
  const live = (await pullAll<HoldWire>(serverUrl, coordinator.token, 'holds')).documents.filter(
    (h) => h.facilityId === facilityId && ['held', 'confirmed'].includes(h.status) && h.expiresAt > reportedAt,
  ).length;
  const reported = withFreeReport(
    { ...stored, updatedAt: reportedAt, updatedBy: 'koordination' },
    { id: randomUUID(), free: free + live, reportedAt, reportedBy: 'koordination' },
  );
  const res = await push(serverUrl, coordinator.token, 'facilities', [
    { assumedMasterState: stored, newDocumentState: reported },
  ]);
  if (res.rejected.length) throw new Error(`Meldung abgelehnt: ${JSON.stringify(res.rejected)}`);
}
