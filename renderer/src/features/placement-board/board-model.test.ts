import { demoFacilities } from '../../../../shared/demo/facilities';
import { newHold } from '../../../../shared/placement/newHold';
import type { Hold } from '../../../../shared/schema/hold';
import { boardCards, type BoardViewer, NO_CRITERIA } from './board-model';

const MIN = 60_000;
const NOW = Date.UTC(2025, 10, 24, 1, 51);
const facilities = demoFacilities(NOW);
const JSH = facilities.find((f) => f.id === 'jugendschutzhaus-norderstedt')!; // 3 free, reported 37 min ago

let n = 0;
function hold(officeId: Hold['officeId'], overrides: Partial<Hold> = {}): Hold {
  n += 1;
  return {
    ...newHold({
      id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      facility: JSH,
      officeId,
      intakeRef: '11111111-1111-4111-8111-111111111111',
      ageGroup: '14_to_16',
      sex: 'female',
      userId: `bereitschaft.${officeId}`,
      now: NOW - 10 * MIN,
    }),
    ...overrides,
  };
}

const viewer = (officeId: string, extra: Partial<BoardViewer> = {}): BoardViewer => ({
  officeId,
  pendingIds: new Set(),
  overseesVerbund: false,
  ...extra,
});

describe('the board for a 15-year-old girl', () => {
  it('puts the Jugendschutzhaus first and tells why the others do not fit', () => {
    const cards = boardCards(facilities, [], { ...NO_CRITERIA, ageYears: 15, sex: 'female' }, NOW, viewer('segeberg'));
    expect(cards[0].match.facility.id).toBe(JSH.id);
    expect(cards[0].match.fits).toBe(true);
    expect(cards.filter((c) => c.match.fits).map((c) => c.match.facility.id)).toEqual([JSH.id]);
    const elmshorn = cards.find((c) => c.match.facility.id === 'kinderschutzhaus-elmshorn')!;
    expect(elmshorn.match.mismatches.map((m) => m.code)).toEqual(['too_old']);
    const onlyFitting = boardCards(
      facilities,
      [],
      { onlyFitting: true, ageYears: 15, sex: 'female' },
      NOW,
      viewer('segeberg'),
    );
    expect(onlyFitting.map((c) => c.match.facility.id)).toEqual([JSH.id]);
  });

  it("shows the office's own holds (provisional while unsynced) and counts the others'", () => {
    const mine = hold('segeberg');
    const theirs = hold('pinneberg');
    const released = hold('segeberg', { status: 'released' });
    const cards = boardCards(
      facilities,
      [mine, theirs, released],
      NO_CRITERIA,
      NOW,
      viewer('segeberg', { pendingIds: new Set([mine.id]) }),
    );
    const card = cards.find((c) => c.match.facility.id === JSH.id)!;
    expect(card.match.free.free).toBe(1);
    expect(card.ownHolds.map((v) => [v.hold.id, v.status, v.provisional, v.overbooked])).toEqual([
      [mine.id, 'held', true, false],
    ]);
    expect(card.othersActive).toBe(1);
    expect(card.collidesWith).toEqual([]);
  });

  it('names the other office and its duty phone when an own hold is over-booked, never more', () => {
    const mine = hold('segeberg', { overbooked: true });
    const theirs = hold('pinneberg', { overbooked: true });
    const unflagged = hold('stormarn');
    const holds = [mine, theirs, unflagged];
    const card = (v: BoardViewer) =>
      boardCards(facilities, holds, NO_CRITERIA, NOW, v).find((c) => c.match.facility.id === JSH.id)!;
    expect(card(viewer('segeberg')).collidesWith).toEqual([{ officeId: 'pinneberg', phone: '04121 555-0199' }]);
    // Stormarn's hold is not flagged: it has nobody to call.
    expect(card(viewer('stormarn')).collidesWith).toEqual([]);
    // The coordinator sees every office involved.
    expect(card(viewer('segeberg', { overseesVerbund: true })).collidesWith.map((c) => c.officeId)).toEqual([
      'pinneberg',
      'segeberg',
    ]);
  });

  it('shows a hold the server refused with its reason, and counts no place for it', () => {
    const refused = hold('segeberg');
    const card = boardCards(
      facilities,
      [refused],
      NO_CRITERIA,
      NOW,
      viewer('segeberg', {
        rejections: new Map([[refused.id, { reason: 'Diese Einrichtung gibt es nicht (mehr).', serverState: null }]]),
      }),
    ).find((c) => c.match.facility.id === JSH.id)!;
    expect(card.match.free.free).toBe(3);
    expect(card.ownHolds.map((v) => v.rejection)).toEqual(['Diese Einrichtung gibt es nicht (mehr).']);
  });

  it("counts a refused write to another office's hold by what the server holds, not as written here", () => {
    // This laptop gave back Pinneberg's hold; the server refused it: Pinneberg's hold still takes the place.
    const onServer = hold('pinneberg');
    const writtenHere = { ...onServer, status: 'released' as const, updatedBy: 'bereitschaft.segeberg' };
    const card = boardCards(
      facilities,
      [writtenHere],
      NO_CRITERIA,
      NOW,
      viewer('segeberg', {
        rejections: new Map([[onServer.id, { reason: 'Dafür fehlt Ihnen die Berechtigung.', serverState: onServer }]]),
      }),
    ).find((c) => c.match.facility.id === JSH.id)!;
    expect(card.othersActive).toBe(1);
    expect(card.match.free.free).toBe(2);
    expect(card.ownHolds).toEqual([]);
  });

  it('counts an own hold whose change was refused as the server holds it, and shows it with the reason', () => {
    const onServer = hold('segeberg', { status: 'confirmed' });
    const writtenHere = { ...onServer, status: 'held' as const };
    const card = boardCards(
      facilities,
      [writtenHere],
      NO_CRITERIA,
      NOW,
      viewer('segeberg', {
        rejections: new Map([[onServer.id, { reason: 'Dieser Schritt ist nicht möglich.', serverState: onServer }]]),
      }),
    ).find((c) => c.match.facility.id === JSH.id)!;
    expect(card.match.free.free).toBe(2);
    expect(card.othersActive).toBe(0);
    expect(card.ownHolds.map((v) => [v.hold.status, v.rejection])).toEqual([
      ['held', 'Dieser Schritt ist nicht möglich.'],
    ]);
  });

  it("lets a lapsed hold go: it no longer takes a place or shows as the office's", () => {
    const lapsed = hold('segeberg', { expiresAt: NOW - MIN });
    const card = boardCards(facilities, [lapsed], NO_CRITERIA, NOW, viewer('segeberg')).find(
      (c) => c.match.facility.id === JSH.id,
    )!;
    expect(card.match.free.free).toBe(3);
    expect(card.ownHolds).toEqual([]);
  });
});
