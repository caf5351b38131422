import type { PlacementAnswer, RefusalReason } from '../../../../shared/catalogues/entry';
import type { Entry } from '../../../../shared/schema/entry';

/** One place asked during the night: its name and the answers it gave, in order. */
export type PlaceAsked = {
  key: string;
  facilityId?: string;
  facilityName: string;
  askedAt: number;
  answer: PlacementAnswer;
  answeredAt: number;
  reason?: RefusalReason;
};

/** Within the same instant a request comes before its answer. */
const RANK: Record<PlacementAnswer, number> = { requested: 0, refused: 1, accepted: 1 };
const rank = (e: Entry) => (e.placement ? RANK[e.placement.answer] : 0);

const keyOf = (p: { facilityId?: string; facilityName: string }) =>
  p.facilityId ?? p.facilityName.trim().toLocaleLowerCase('de');

/** The placement search from the log: each place once, with its latest answer, in the order first asked. */
export function placesAsked(entries: readonly Entry[]): PlaceAsked[] {
  const places = new Map<string, PlaceAsked>();
  for (const entry of [...entries].sort((a, b) => a.at - b.at || rank(a) - rank(b) || a.id.localeCompare(b.id))) {
    const p = entry.placement;
    if (entry.kind !== 'placement' || !p) continue;
    const key = keyOf(p);
    const known = places.get(key);
    places.set(key, {
      key,
      facilityId: p.facilityId ?? known?.facilityId,
      facilityName: known?.facilityName ?? p.facilityName,
      askedAt: known?.askedAt ?? entry.at,
      answer: p.answer,
      answeredAt: entry.at,
      reason: p.answer === 'refused' ? p.reason : undefined,
    });
  }
  return [...places.values()];
}
