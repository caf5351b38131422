import { randomUUID } from 'node:crypto';

import type { PlacementAnswer, RefusalReason } from '../../shared/catalogues/entry';
import { demoFacilities } from '../../shared/demo/facilities';
import { OFFICE_IDS, type OfficeId } from '../../shared/offices';
import {
  type CallToPlacement,
  type Cell,
  DURATION_BUCKETS,
  perOffice,
  SUPPRESSED,
  type VerbundOverview,
} from '../../shared/overview';
import type { EntryWire } from '../../shared/schema/entry';
import type { FacilityWire } from '../../shared/schema/facility';
import type { HoldWire } from '../../shared/schema/hold';
import type { IntakeWire } from '../../shared/schema/intake';
import type { ErrorBody, LoginResponse } from '../../shared/sync/protocol';
import { login, makeIntake, push, request } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { type RunningServer, startServer } from '../support/server';

/**
 * Issue 7, the Verbund overview on the real server and PostgreSQL: fictional records of three offices in March
 * 2025 (two weeks, plus records just outside them), pushed through the sync API by the offices' on-call staff.
 * The expected figures below are worked out by hand from the fixture: the exact count in a comment, and what the
 * server may show of it (issue 16: counts of 1 and 2, medians over them, and a figure that a shown sum would give
 * away, all as SUPPRESSED, "< 3").
 */
let pgdb: TestDatabase;
let server: RunningServer;
const users = {} as Record<'coordinator' | 'supervisor' | 'oncall' | 'admin', LoginResponse>;
const oncall = {} as Record<OfficeId, LoginResponse>;
/** Every id and name the fixture writes: none may appear in an answer. */
const secrets: string[] = [];

const FROM = '2025-03-03'; // a Monday
const TO = '2025-03-16'; // a Sunday
const W1 = '2025-03-03';
const W2 = '2025-03-10';
/** Berlin wall time (CET in early March: +01:00) as epoch ms. */
const at = (local: string) => Date.parse(`${local}+01:00`);
const MIN = 60_000;

const FACILITY = { seg: `f-seg-${randomUUID()}`, sto: `f-sto-${randomUUID()}`, out: `f-out-${randomUUID()}` };

type Placement = { facilityId?: string; facilityName?: string; minutes?: number };
let childNo = 0;
function intake(office: OfficeId, receivedAt: number, placement?: Placement, id = `t-${randomUUID()}`): IntakeWire {
  childNo += 1;
  const child = { firstName: 'Überblickkind', lastName: `Geheim${childNo}`, estimatedAge: 10 };
  secrets.push(id, child.lastName);
  const doc = makeIntake(office, { id, receivedAt, child, placement: undefined });
  if (placement) {
    doc.placement = {
      ...(placement.facilityId ? { facilityId: placement.facilityId } : {}),
      facilityName: placement.facilityName ?? 'Fiktive Einrichtung',
      ...(placement.minutes !== undefined ? { admittedAt: receivedAt + placement.minutes * MIN } : {}),
    };
  }
  return doc;
}

function line(intakeDoc: IntakeWire, when: number, answer: PlacementAnswer, reason?: RefusalReason): EntryWire {
  const id = `e-${randomUUID()}`;
  secrets.push(id);
  return {
    id,
    officeId: intakeDoc.officeId,
    intakeId: intakeDoc.id,
    kind: 'placement',
    at: when,
    createdBy: `bereitschaft.${intakeDoc.officeId}`,
    createdAt: when,
    updatedAt: when,
    text: 'Fiktive Anfrage, Ansprechpartnerin Frau Vertraulich.',
    placement: { facilityName: 'Kinderschutzhaus Fiktiv', answer, ...(reason ? { reason } : {}) },
    _deleted: false,
  };
}

async function pushAll<D extends { id: string }>(who: LoginResponse, collection: string, docs: D[]) {
  const res = await push(
    server.url,
    who.token,
    collection,
    docs.map((d) => ({ newDocumentState: d as never })),
  );
  expect(res, collection).toEqual({ conflicts: [], rejected: [] });
}

const overview = (token: string | undefined, query: string) =>
  request<VerbundOverview | ErrorBody>(server.url, 'GET', `/overview${query}`, { token });

beforeAll(async () => {
  pgdb = await createTestDatabase('obhut_overview');
  server = await startServer({ databaseUrl: pgdb.url });
  users.coordinator = await login(server.url, 'koordination');
  users.supervisor = await login(server.url, 'leitung.stormarn');
  users.oncall = await login(server.url, 'bereitschaft.segeberg');
  users.admin = await login(server.url, 'admin');
  for (const office of OFFICE_IDS) oncall[office] = await login(server.url, `bereitschaft.${office}`);

  // Places: one in Segeberg, one in Stormarn, one outside the Verbund.
  const now = Date.now();
  const base = demoFacilities(now)[0];
  const facility = (id: string, area: FacilityWire['area'], name: string): FacilityWire => ({
    ...base,
    id,
    name,
    officeId: 'segeberg',
    area,
    updatedAt: now,
    updatedBy: users.coordinator.user.id,
    freeReports: [{ id: `r-${randomUUID()}`, free: 3, reportedAt: now, reportedBy: users.coordinator.user.id }],
    conflicts: [],
    _deleted: false,
  });
  await pushAll(users.coordinator, 'facilities', [
    facility(FACILITY.seg, 'segeberg', 'Haus Segeberg Fiktiv'),
    facility(FACILITY.sto, 'stormarn', 'Haus Stormarn Fiktiv'),
    facility(FACILITY.out, 'outside', 'Haus Hamburg Fiktiv'),
  ]);

  // Segeberg: 90, 30 and 300 minutes to the place; one intake without a place; one the Sunday night before.
  const s1 = intake('segeberg', at('2025-03-03T00:10'), { facilityId: FACILITY.seg, minutes: 90 }); // UTC: still 2 March
  const s2 = intake('segeberg', at('2025-03-05T22:00'), { facilityId: FACILITY.sto, minutes: 30 });
  const s3 = intake('segeberg', at('2025-03-12T20:00'), { facilityId: FACILITY.out, minutes: 300 });
  const s4 = intake('segeberg', at('2025-03-02T23:30'), { facilityId: FACILITY.seg, minutes: 10 }); // before the period
  const s5 = intake('segeberg', at('2025-03-14T03:00'));
  await pushAll(oncall.segeberg, 'intakes', [s1, s2, s3, s4, s5]);

  // Stormarn: a foster family typed in by name (area unknown), 600 minutes; a place known only from an occupied
  // hold, no admission time; an admission time before the call (a typing error).
  const t1 = intake('stormarn', at('2025-03-10T18:00'), { facilityName: 'Bereitschaftspflege Fiktiv', minutes: 600 });
  const t2 = intake('stormarn', at('2025-03-16T23:59'), undefined, randomUUID());
  const t3 = intake('stormarn', at('2025-03-04T02:00'), { facilityId: FACILITY.seg, minutes: -30 });
  await pushAll(oncall.stormarn, 'intakes', [t1, t2, t3]);
  const holdId = randomUUID();
  secrets.push(holdId);
  const hold: HoldWire = {
    id: holdId,
    facilityId: FACILITY.sto,
    officeId: 'stormarn',
    updatedAt: now,
    updatedBy: oncall.stormarn.user.id,
    createdAt: now,
    intakeRef: t2.id,
    ageGroup: '9_to_12',
    sex: 'female',
    from: now,
    expiresAt: now + 4 * 3_600_000,
    status: 'occupied',
    overbooked: false,
    conflicts: [],
    _deleted: false,
  };
  await pushAll(oncall.stormarn, 'holds', [hold]);

  // Pinneberg: four placements in Segeberg, 20, 40, 100 and 500 minutes; one the Monday after the period.
  const p1 = intake('pinneberg', at('2025-03-03T12:00'), { facilityId: FACILITY.seg, minutes: 20 });
  const p2 = intake('pinneberg', at('2025-03-09T23:00'), { facilityId: FACILITY.seg, minutes: 40 });
  const p3 = intake('pinneberg', at('2025-03-10T00:00'), { facilityId: FACILITY.seg, minutes: 100 });
  const p4 = intake('pinneberg', at('2025-03-15T10:00'), { facilityId: FACILITY.seg, minutes: 500 });
  const p5 = intake('pinneberg', at('2025-03-17T00:00'), { facilityId: FACILITY.seg, minutes: 5 });
  await pushAll(oncall.pinneberg, 'intakes', [p1, p2, p3, p4, p5]);

  // Placement logs. Segeberg: two refusals with reasons, then a request and an acceptance (not refusals); a
  // refusal without reason; a refusal logged by mistake and corrected by a later line.
  const mistaken = line(s3, at('2025-03-12T20:40'), 'refused', 'sex');
  const correction: EntryWire = {
    ...line(s3, at('2025-03-12T20:45'), 'requested'),
    kind: 'note',
    placement: undefined,
    correctsId: mistaken.id,
  };
  await pushAll(oncall.segeberg, 'entries', [
    line(s1, at('2025-03-03T00:20'), 'refused', 'no_place'),
    line(s1, at('2025-03-03T00:40'), 'refused', 'age'),
    line(s1, at('2025-03-03T00:50'), 'requested'),
    line(s1, at('2025-03-03T01:00'), 'accepted'),
    line(s3, at('2025-03-12T20:30'), 'refused'),
    mistaken,
    correction,
  ]);
  // Pinneberg: a refusal on the last Sunday night of week 1, and one after the period.
  await pushAll(oncall.pinneberg, 'entries', [
    line(p1, at('2025-03-09T23:30'), 'refused', 'no_place'),
    line(p1, at('2025-03-17T00:30'), 'refused', 'no_place'),
  ]);
});

afterAll(async () => {
  await server?.stop();
  await pgdb?.drop();
});

const X = SUPPRESSED;
const durations = (
  measured: Cell,
  medianMinutes: Cell | null,
  buckets: Cell[],
  implausible: Cell = 0,
): CallToPlacement => ({
  measured,
  medianMinutes,
  buckets: Object.fromEntries(DURATION_BUCKETS.map((b, i) => [b, buckets[i] ?? 0])) as CallToPlacement['buckets'],
  implausible,
});
const offices = (counts: Partial<Record<OfficeId, Cell>>) => perOffice((o) => counts[o] ?? 0);
const tally = (counts: Partial<Record<OfficeId, Cell>>, verbund: Cell) => ({ ...offices(counts), verbund });
const row = (week: string, counts: Partial<Record<OfficeId, Cell>>, verbund: Cell) => ({
  week,
  ...tally(counts, verbund),
});

describe('the Verbund overview', () => {
  let body: VerbundOverview;
  beforeAll(async () => {
    const res = await overview(users.coordinator.token, `?from=${FROM}&to=${TO}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    body = res.body as VerbundOverview;
  });

  it('counts the intakes per office and Berlin week, with the edges of the period', () => {
    expect(body.from).toBe(FROM);
    expect(body.to).toBe(TO);
    expect(body.weeks).toEqual([W1, W2]);
    // Exact: W1 segeberg 2, stormarn 1, pinneberg 2 (5); W2 2, 2, 2 (6).
    expect(body.intakes.byWeek).toEqual([
      row(W1, { segeberg: X, stormarn: X, pinneberg: X }, 5),
      row(W2, { segeberg: X, stormarn: X, pinneberg: X }, 6),
    ]);
    expect(body.intakes.total).toEqual(tally({ segeberg: 4, stormarn: 3, pinneberg: 4 }, 11));
  });

  it('gives the median time from call to placement per office and for the Verbund', () => {
    const { byOffice, verbund } = body.callToPlacement;
    // Stormarn: one case (600; -30 left out): neither its count nor its median, the duration of that one case.
    expect(byOffice.stormarn).toEqual(durations(X, X, [0, 0, 0, 0, X], X));
    // Segeberg: 30, 90, 300 - measured 3, median 90 - but 8 (Verbund) - 1 (Stormarn) - 4 (Pinneberg) would give
    // Stormarn's count away, so Segeberg's count is hidden too, and the median with it.
    expect(byOffice.segeberg).toEqual(durations(X, X, [X, X, 0, X, 0]));
    expect(byOffice.pinneberg).toEqual(durations(4, 70, [X, X, 0, 0, X])); // 20, 40, 100, 500: buckets 2, 1, 0, 0, 1
    expect(byOffice.norderstedt).toEqual(durations(0, null, []));
    expect(byOffice['herzogtum-lauenburg']).toEqual(durations(0, null, []));
    // 20 30 40 90 | 100 300 500 600; buckets 3, 2, 0, 1, 2; one implausible
    expect(verbund).toEqual(durations(8, 95, [3, X, 0, X, X], X));
  });

  it('counts refused enquiries by week and reason, without corrected lines and answers other than refusals', () => {
    // Exact: W1 segeberg 2, pinneberg 1 (3); W2 segeberg 1 (1); totals 3 and 1 (4). The Verbund's 3 in W1 would
    // give W2's 1 away (4 - 3), and Segeberg's total of 3 Pinneberg's 1 (4 - 3): both hidden as well.
    expect(body.refusals.byWeek).toEqual([row(W1, { segeberg: X, pinneberg: X }, X), row(W2, { segeberg: X }, X)]);
    expect(body.refusals.total).toEqual(tally({ segeberg: X, pinneberg: X }, 4));
    expect(body.refusals.byReason.segeberg).toMatchObject({ no_place: X, age: X, unspecified: X, sex: 0 });
    expect(body.refusals.byReason.pinneberg).toMatchObject({ no_place: X, unspecified: 0 });
    expect(Object.values(body.refusals.byReason.stormarn).every((n) => n === 0)).toBe(true);
  });

  it('tells where the children were placed: own Kreis, another office, outside the Verbund or unknown', () => {
    // Exact: Segeberg 1, 1, 1, 0; Stormarn 1, 1, 0, 1.
    expect(body.placementAreas.segeberg).toEqual({ own: X, other_office: X, outside_verbund: X, unknown: 0 });
    expect(body.placementAreas.stormarn).toEqual({ own: X, other_office: X, outside_verbund: 0, unknown: X });
    expect(body.placementAreas.pinneberg).toEqual({ own: 0, other_office: 4, outside_verbund: 0, unknown: 0 });
    expect(body.placementAreas.norderstedt).toEqual({ own: 0, other_office: 0, outside_verbund: 0, unknown: 0 });
  });

  it('shows no count of one or two anywhere: every small figure is sent as "lt3"', () => {
    const small: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (typeof value === 'number' && (value === 1 || value === 2) && !path.endsWith('medianMinutes'))
        small.push(path);
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
    };
    walk(body, 'body');
    expect(small).toEqual([]);
    expect(JSON.stringify(body)).toContain('"lt3"');
  });

  it('answers with the period and the four figures only: every figure is derived, none is left out', () => {
    expect(Object.keys(body).sort()).toEqual([
      'callToPlacement',
      'from',
      'intakes',
      'placementAreas',
      'refusals',
      'to',
      'weeks',
    ]);
  });

  it('holds no personal data: no id, no name, no text of the records', () => {
    const text = JSON.stringify(body);
    expect(secrets.length).toBeGreaterThan(20);
    for (const secret of [...secrets, ...Object.values(FACILITY), 'Überblickkind', 'Vertraulich', 'Fiktiv']) {
      expect(text, secret).not.toContain(secret);
    }
    // Nothing but numbers, null, and as texts the keys, codes and week dates: no spaces, no free text.
    const strings = text.match(/"[^"]*"/g)!.map((s) => JSON.parse(s) as string);
    expect(strings.filter((s) => !/^[A-Za-z0-9_-]+$/.test(s) && !/^\d{4}-\d{2}-\d{2}$/.test(s))).toEqual([]);
  });

  it('answers supervisors of any office the same, and refuses on-call staff, admins and strangers', async () => {
    const supervisor = await overview(users.supervisor.token, `?from=${FROM}&to=${TO}`);
    expect(supervisor.status).toBe(200);
    expect(supervisor.body).toEqual(body);
    for (const who of [users.oncall, users.admin]) {
      const res = await overview(who.token, `?from=${FROM}&to=${TO}`);
      expect(res.status, who.user.username).toBe(403);
      expect((res.body as ErrorBody).error.code).toBe('forbidden');
    }
    expect((await overview(undefined, `?from=${FROM}&to=${TO}`)).status).toBe(401);
  });

  it('refuses a malformed or too long period with 400 invalid_period', async () => {
    const bad = [
      '',
      `?from=${FROM}`,
      `?to=${TO}`,
      '?from=2025-02-30&to=2025-03-16',
      '?from=03.03.2025&to=16.03.2025',
      '?from=2025-03-17&to=2025-03-16',
      '?from=2024-03-01&to=2025-03-16',
      `?from=${FROM}&from=${FROM}&to=${TO}`,
      '?from=2025-03-03T00:00&to=2025-03-16',
    ];
    for (const query of bad) {
      const res = await overview(users.coordinator.token, query);
      expect(res.status, query).toBe(400);
      expect((res.body as ErrorBody).error.code, query).toBe('invalid_period');
    }
    // The longest period allowed: 53 weeks.
    const longest = await overview(users.coordinator.token, '?from=2024-03-11&to=2025-03-16');
    expect(longest.status).toBe(200);
    expect((longest.body as VerbundOverview).weeks).toHaveLength(53);
    expect((longest.body as VerbundOverview).intakes.total.segeberg).toBe(5);
  });
});
