import { ageGroupOf } from '../../shared/catalogues/ageGroup';
import { demoFacilities } from '../../shared/demo/facilities';
import type { OfficeId } from '../../shared/offices';
import { newHold } from '../../shared/placement/newHold';
import type { FacilityWire } from '../../shared/schema/facility';
import type { Hold, HoldWire } from '../../shared/schema/hold';
import type { SessionUser } from '../../shared/sync/protocol';
import type { Db } from '../db/db';
import { collectionByName } from '../sync/collections';
import { push } from '../sync/push';
import { demoIntakeId } from './demo-ids';

const MIN = 60_000;
const HOUR = 60 * MIN;

type DemoHold = {
  id: string;
  office: OfficeId;
  /** Demo intake number of that office (server/seed/demo.ts). */
  intake: number;
  facilityId: string;
  age: number;
  sex: Hold['sex'];
  madeAgoMs: number;
  status?: Hold['status'];
};

/**
 * Holds that make the demo board tell its story: a place held tonight in Norderstedt, one taken in Elmshorn, the
 * last foster place in Herzogtum Lauenburg held by two offices (the server flags both), a long stay and a hold that
 * lapsed. Ids are fixed so that re-seeding finds them.
 */
const DEMO_HOLDS: DemoHold[] = [
  {
    id: 'de3f0000-0000-4000-8000-000000000001',
    office: 'segeberg',
    intake: 3,
    facilityId: 'jugendschutzhaus-norderstedt',
    age: 15,
    sex: 'female',
    madeAgoMs: 20 * MIN,
  },
  {
    id: 'de3f0000-0000-4000-8000-000000000002',
    office: 'pinneberg',
    intake: 1,
    facilityId: 'kinderschutzhaus-elmshorn',
    age: 7,
    sex: 'male',
    madeAgoMs: HOUR,
    status: 'occupied',
  },
  {
    id: 'de3f0000-0000-4000-8000-000000000003',
    office: 'herzogtum-lauenburg',
    intake: 1,
    facilityId: 'bereitschaftspflege-herzogtum-lauenburg-1',
    age: 7,
    sex: 'female',
    madeAgoMs: 50 * MIN,
  },
  {
    id: 'de3f0000-0000-4000-8000-000000000004',
    office: 'stormarn',
    intake: 1,
    facilityId: 'bereitschaftspflege-herzogtum-lauenburg-1',
    age: 7,
    sex: 'male',
    madeAgoMs: 30 * MIN,
  },
  {
    id: 'de3f0000-0000-4000-8000-000000000005',
    office: 'norderstedt',
    intake: 2,
    facilityId: 'jugendschutzhaus-norderstedt',
    age: 14,
    sex: 'male',
    madeAgoMs: 30 * HOUR,
    status: 'occupied',
  },
  {
    id: 'de3f0000-0000-4000-8000-000000000006',
    office: 'stormarn',
    intake: 2,
    facilityId: 'kinderhaus-travetal-bad-oldesloe',
    age: 14,
    sex: 'male',
    madeAgoMs: 9 * HOUR,
  },
];

const userOf = (id: string, officeId: OfficeId, role: string): SessionUser => ({
  id,
  username: id,
  displayName: id,
  officeId,
  roles: [role],
});

/**
 * The Verbund's demo facilities (pushed as the coordinator) and demo holds (pushed by each office's on-call
 * account), through the same push as every client, so the server's rules and over-booking apply. Re-running
 * changes nothing: existing documents come back as conflicts.
 */
export async function seedPlacement(db: Db, now: number): Promise<void> {
  const coordinator = userOf('koordination', 'segeberg', 'coordinator');
  const facilityDocs: FacilityWire[] = demoFacilities(now).map((f) => ({ ...f, _deleted: false }));
  await push(
    db,
    collectionByName('facilities')!,
    coordinator,
    facilityDocs.map((doc) => ({ newDocumentState: doc })),
    {
      userId: coordinator.id,
      deviceId: null,
    },
  );

  const byId = new Map(facilityDocs.map((f) => [f.id, f]));
  const holds = collectionByName('holds')!;
  for (const h of DEMO_HOLDS) {
    const author = userOf(`bereitschaft.${h.office}`, h.office, 'oncall');
    const made = now - h.madeAgoMs;
    const doc: HoldWire = {
      ...newHold({
        id: h.id,
        facility: byId.get(h.facilityId)!,
        officeId: h.office,
        intakeRef: demoIntakeId(h.office, h.intake),
        ageGroup: ageGroupOf(h.age)!,
        sex: h.sex,
        userId: author.id,
        now: made,
      }),
      status: h.status ?? 'held',
      _deleted: false,
    };
    await push(db, holds, author, [{ newDocumentState: doc }], { userId: author.id, deviceId: null });
  }
}
