import { randomUUID } from 'node:crypto';

import { covers, scopeOf } from '../../server/authz/enforce';
import { type RouteName, ROUTES } from '../../server/authz/routes';
import { demoFacilities } from '../../shared/demo/facilities';
import type { DirectoryResponse } from '../../shared/directory';
import type { VerbundOverview } from '../../shared/overview';
import { newHold } from '../../shared/placement/newHold';
import type { AccessAnswer } from '../../shared/privacy/access-request';
import { type Role, ROLES } from '../../shared/roles';
import type { Operation, Resource } from '../../shared/rules/authz';
import { mayWriteContact } from '../../shared/rules/contacts';
import { type CollectionName, COLLECTIONS, type LoginResponse, type WireDocument } from '../../shared/sync/protocol';
import {
  type EventStream,
  login,
  makeIntake,
  openStream,
  pullAll,
  push,
  type RawResponse,
  request,
} from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { adminApi, GOOD_PASSWORD, insertAdmin, insertUser } from '../support/security';
import { type RunningServer, startServer } from '../support/server';

/**
 * Show 1 of issue 5: the authorisation table (shared/rules/authz.ts) iterated against the running server. For
 * every route of ROUTES, every role, and the data of the user's own and of another office, the outcome the
 * table predicts is compared with what the server does. Users are made through the admin API.
 */
const OWN = 'segeberg';
const OTHER = 'stormarn';
type Relation = 'own' | 'other';
type Outcome = 'allow' | 'deny';
const officeOf = (relation: Relation) => (relation === 'own' ? OWN : OTHER);

let db: TestDatabase;
let server: RunningServer;
let url: string;
/** One user per role in the own office: the subjects of the matrix. */
const subject = {} as Record<Role, LoginResponse>;
/** Users of the other office who write its documents and are targets of admin actions. */
let otherOncall: LoginResponse;
let coordinator: LoginResponse;
let otherAdmin: LoginResponse;
const targetUser = {} as Record<Relation, string>;
const targetDevice = {} as Record<Relation, string>;
let facilityId: string;

function expected(role: Role, resource: Resource, operation: string, relation: Relation): Outcome {
  const user = { roles: [role], officeId: OWN };
  const scope = scopeOf(user, resource, operation as Operation<typeof resource>);
  if (!covers(scope, officeOf(relation))) return 'deny';
  // A collection's own rule may narrow the table: the coordination keeps only the Verbund-wide directory entries.
  if (resource === 'contacts' && operation === 'write' && !mayWriteContact(user, officeOf(relation))) return 'deny';
  return 'allow';
}

/** A new document of `collection` in `officeId`, written by `writer`, valid by the collection's own rules. */
/** A stored record of each office, seeded with its placements: a placement must name one (shared/rules/holds.ts). */
const recordOf: Record<string, string> = {};

function sample(collection: CollectionName, officeId: string, writer: LoginResponse): WireDocument {
  const now = Date.now();
  switch (collection) {
    case 'intakes':
      // A UUID, so that a placement can name it (shared/schema/hold.ts).
      return makeIntake(officeId, { id: randomUUID(), createdBy: writer.user.id, updatedBy: writer.user.id });
    case 'entries':
      return {
        id: `e-${randomUUID()}`,
        officeId,
        intakeId: `t-${randomUUID()}`,
        kind: 'note',
        at: now,
        createdBy: writer.user.id,
        createdAt: now,
        updatedAt: now,
        text: 'Fiktiver Matrix-Eintrag.',
        _deleted: false,
      } as WireDocument;
    case 'facilities': {
      const base = demoFacilities(now)[0];
      return {
        ...base,
        id: `f-${randomUUID()}`,
        officeId,
        area: officeId,
        updatedAt: now,
        updatedBy: writer.user.id,
        _deleted: false,
        freeReports: [{ id: `r-${randomUUID()}`, free: 1, reportedAt: now, reportedBy: writer.user.id }],
      } as WireDocument;
    }
    case 'contacts':
      return {
        id: `c-${randomUUID()}`,
        officeId,
        updatedAt: now,
        updatedBy: writer.user.id,
        name: 'Polizeistation Matrix (fiktiv)',
        category: 'police',
        languages: [],
        phones: [{ id: 'p1', number: '04551 99 99 99' }],
        availability: { kind: 'always' },
        areas: [],
        notes: '',
        conflicts: [],
        _deleted: false,
      } as WireDocument;
    case 'holds':
      return {
        ...newHold({
          id: randomUUID(),
          facility: { id: facilityId, holdExpiryHours: 4 },
          officeId: officeId as never,
          intakeRef: recordOf[officeId] ?? '',
          ageGroup: '9_to_12',
          sex: 'female',
          userId: writer.user.id,
          now,
        }),
        _deleted: false,
      };
  }
}

/** Who may create documents of `collection` in `officeId` for the seeding (not a subject of the matrix). */
const writerFor = (collection: CollectionName, officeId: string): LoginResponse => {
  if (collection === 'facilities') return coordinator;
  if (collection === 'contacts') return officeId === OWN ? subject.supervisor : otherAdmin;
  return officeId === OWN ? subject.oncall : otherOncall;
};

async function seed(collection: CollectionName, officeId: string): Promise<WireDocument> {
  const writer = writerFor(collection, officeId);
  // A placement holds a place for a stored record of its office (shared/rules/holds.ts).
  if (collection === 'holds') recordOf[officeId] = (await seed('intakes', officeId)).id;
  const doc = sample(collection, officeId, writer);
  const res = await push(url, writer.token, collection, [{ newDocumentState: doc }]);
  expect(res, `seed ${collection} ${officeId}`).toEqual({ conflicts: [], rejected: [] });
  return doc;
}

const status = (res: RawResponse, allowed: number): Outcome => {
  if (res.status === allowed) return 'allow';
  if (res.status === 403) return 'deny';
  throw new Error(`unexpected ${res.status}: ${JSON.stringify(res.body)}`);
};

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startServer({ databaseUrl: db.url, demo: false });
  url = server.url;
  await insertAdmin(db, 'admin.segeberg', OWN);
  await insertAdmin(db, 'admin.stormarn', OTHER);
  subject.admin = await login(url, 'admin.segeberg', { password: GOOD_PASSWORD });
  otherAdmin = await login(url, 'admin.stormarn', { password: GOOD_PASSWORD });
  const create = async (admin: LoginResponse, username: string, officeId: string, roles: Role[]) => {
    const res = await adminApi(url, admin.token).createUser({
      username,
      displayName: username,
      officeId,
      roles,
      password: GOOD_PASSWORD,
    });
    expect(res.status, username).toBe(201);
    return login(url, username, { password: GOOD_PASSWORD, deviceId: `geraet-${username}` });
  };
  for (const role of ['oncall', 'supervisor'] as const)
    subject[role] = await create(subject.admin, `matrix.${role}`, OWN, [role]);
  // A Verbund role is given only at installation (`npm run user:add`), never by an office admin.
  await insertUser(db, 'matrix.coordinator', OWN, ['coordinator']);
  subject.coordinator = await login(url, 'matrix.coordinator', {
    password: GOOD_PASSWORD,
    deviceId: 'geraet-matrix.coordinator',
  });
  otherOncall = await create(otherAdmin, 'fremd.oncall', OTHER, ['oncall']);
  coordinator = subject.coordinator;
  for (const relation of ['own', 'other'] as const) {
    const admin = relation === 'own' ? subject.admin : otherAdmin;
    const target = await create(admin, `ziel.${relation}`, officeOf(relation), ['oncall']);
    targetUser[relation] = target.user.id;
    targetDevice[relation] = `geraet-ziel.${relation}`;
  }
  facilityId = (await seed('facilities', OWN)).id;
});

afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

/** The cells of one route: role x relation -> outcome, as "route role relation: outcome" lines for a readable diff. */
async function cells(
  route: RouteName,
  resource: Resource,
  operation: string,
  run: (role: Role, relation: Relation) => Promise<Outcome>,
  relations: readonly Relation[] = ['own', 'other'],
) {
  const want: string[] = [];
  const got: string[] = [];
  for (const role of ROLES) {
    for (const relation of relations) {
      want.push(`${route} ${role} ${relation}: ${expected(role, resource, operation, relation)}`);
      got.push(`${route} ${role} ${relation}: ${await run(role, relation)}`);
    }
  }
  expect(got).toEqual(want);
}

it('covers every route of the server', () => {
  const covered: RouteName[] = [
    'health',
    'login',
    'logout',
    'pull',
    'push',
    'stream',
    'listUsers',
    'createUser',
    'setPassword',
    'disableUser',
    'enableUser',
    'listDevices',
    'revokeDevice',
    'readAudit',
    'exportAudit',
    'overview',
    'directory',
    'outboxCredential',
    'outboxDeliver',
    'localEvents',
    'accessRequest',
    'laptopCopy',
  ];
  expect(covered.sort()).toEqual((Object.keys(ROUTES) as RouteName[]).sort());
});

describe('public routes', () => {
  it('health and login are open to every role', async () => {
    for (const role of ROLES) {
      expect((await request(url, 'GET', '/health')).status).toBe(200);
      const res = await request(url, 'POST', '/auth/login', {
        body: {
          username: subject[role].user.username,
          password: GOOD_PASSWORD,
          device: { id: `oeffentlich-${role}`, name: 'Laptop' },
        },
      });
      expect(res.status, role).toBe(200);
    }
  });
});

describe('session', () => {
  it('logout: every role ends its own session', async () => {
    await cells(
      'logout',
      'session',
      'logout',
      async (role) => {
        const session = await login(url, subject[role].user.username, {
          password: GOOD_PASSWORD,
          deviceId: `abmelden-${role}`,
        });
        return status(await request(url, 'POST', '/auth/logout', { token: session.token }), 204);
      },
      ['own'],
    );
  });

  it('outbox credential: every role obtains one for its own session (docs/outbox.md)', async () => {
    await cells(
      'outboxCredential',
      'session',
      'logout',
      async (role) => {
        const session = await login(url, subject[role].user.username, {
          password: GOOD_PASSWORD,
          deviceId: `ausgang-${role}`,
        });
        return status(await request(url, 'POST', '/outbox/credential', { token: session.token, body: {} }), 200);
      },
      ['own'],
    );
  });

  it('local events: every role reports what its own laptop showed or let out (shared/local-events.ts)', async () => {
    await cells(
      'localEvents',
      'session',
      'logout',
      async (role) => {
        const session = await login(url, subject[role].user.username, {
          password: GOOD_PASSWORD,
          deviceId: `ansicht-${role}`,
        });
        const event = { id: `ev-${role}`, kind: 'opened', recordId: 'r-1', at: Date.now() };
        const res = await request(url, 'POST', '/local-events', { token: session.token, body: { events: [event] } });
        return status(res, 200);
      },
      ['own'],
    );
  });

  it('outbox delivery: public, yet nothing goes in without a live credential of the device', async () => {
    const res = await request(url, 'POST', '/outbox/deliver', {
      body: { token: 'x'.repeat(43), iv: 'AAAAAAAAAAAAAAAA', ciphertext: 'AAAAAAAAAAAAAAAAAAAAAA==' },
      headers: { 'x-obhut-device': 'irgendein-geraet' },
    });
    expect(res.status).toBe(401);
    expect((res.body as { error: { code: string } }).error.code).toBe('outbox_unknown');
  });
});

describe.each(COLLECTIONS.map((c) => [c]))('collection %s', (collection) => {
  const seeded = {} as Record<Relation, WireDocument>;
  beforeAll(async () => {
    seeded.own = await seed(collection, OWN);
    seeded.other = await seed(collection, OTHER);
  });

  it('pull: returns the office’s documents exactly when the table allows reading them', async () => {
    await cells('pull', collection, 'read', async (role, relation) => {
      const docs = (await pullAll(url, subject[role].token, collection)).documents;
      const ofOffice = docs.filter((d) => d.officeId === officeOf(relation));
      if (ofOffice.length === 0) return 'deny';
      expect(ofOffice.map((d) => d.id)).toContain(seeded[relation].id);
      return 'allow';
    });
  });

  it('push: stores a new document of the office exactly when the table allows writing it', async () => {
    await cells('push', collection, 'write', async (role, relation) => {
      const doc = sample(collection, officeOf(relation), subject[role]);
      const res = await push(url, subject[role].token, collection, [{ newDocumentState: doc }]);
      const stored = await db.query('SELECT 1 FROM documents WHERE collection = $1 AND id = $2', [collection, doc.id]);
      if (res.rejected.length === 0) {
        expect(stored).toHaveLength(1);
        return 'allow';
      }
      expect(res.rejected.map((r) => r.code)).toEqual([expect.toBeOneOf(['forbidden', 'other_office'])]);
      expect(stored).toHaveLength(0);
      return 'deny';
    });
  });

  it('stream: delivers the office’s new documents exactly when the table allows reading them', async () => {
    const streams = {} as Record<Role, EventStream>;
    for (const role of ROLES) {
      streams[role] = await openStream(url, subject[role].token, collection);
      expect(await streams[role].next()).toBe('RESYNC');
    }
    const fresh = { own: await seed(collection, OWN), other: await seed(collection, OTHER) };
    const delivered = (role: Role, relation: Relation) =>
      streams[role].events.some((e) => e !== 'RESYNC' && e.documents.some((d) => d.id === fresh[relation].id));
    // Wait for what should arrive; then give what should not a fair chance to arrive anyway.
    for (const role of ROLES) {
      for (const relation of ['own', 'other'] as const) {
        if (expected(role, collection, 'read', relation) === 'allow') {
          await streams[role].waitFor((e) => e !== 'RESYNC' && e.documents.some((d) => d.id === fresh[relation].id));
        }
      }
    }
    await new Promise((r) => setTimeout(r, 750));
    try {
      await cells('stream', collection, 'read', async (role, relation) =>
        delivered(role, relation) ? 'allow' : 'deny',
      );
    } finally {
      for (const role of ROLES) streams[role].close();
    }
  });
});

describe('admin routes', () => {
  const api = (role: Role) => adminApi(url, subject[role].token);
  const officeQuery = (relation: Relation) => (relation === 'own' ? undefined : OTHER);

  it('listUsers', async () => {
    await cells('listUsers', 'users', 'read', async (role, relation) => {
      const res = await api(role).listUsers(officeQuery(relation));
      const outcome = status(res, 200);
      if (outcome === 'allow') expect(res.body.users.every((u) => u.officeId === officeOf(relation))).toBe(true);
      return outcome;
    });
  });

  it('createUser', async () => {
    await cells('createUser', 'users', 'write', async (role, relation) => {
      const username = `neu.${role}.${relation}`;
      const res = await api(role).createUser({
        username,
        displayName: 'Neu',
        officeId: officeOf(relation),
        roles: ['oncall'],
        password: GOOD_PASSWORD,
      });
      const outcome = status(res, 201);
      expect(await db.query('SELECT 1 FROM users WHERE username = $1', [username])).toHaveLength(
        outcome === 'allow' ? 1 : 0,
      );
      return outcome;
    });
  });

  it('setPassword', async () => {
    await cells('setPassword', 'users', 'write', async (role, relation) =>
      status(await api(role).setPassword(targetUser[relation], `Neues Passwort für ${role}!`), 204),
    );
  });

  it('disableUser and enableUser', async () => {
    await cells('disableUser', 'users', 'write', async (role, relation) => {
      const outcome = status(await api(role).disable(targetUser[relation]), 204);
      const [row] = await db.query<{ disabled: boolean }>('SELECT disabled FROM users WHERE id = $1', [
        targetUser[relation],
      ]);
      expect(row.disabled).toBe(outcome === 'allow');
      if (outcome === 'allow')
        await db.query('UPDATE users SET disabled = false WHERE id = $1', [targetUser[relation]]);
      return outcome;
    });
    await cells('enableUser', 'users', 'write', async (role, relation) => {
      await db.query('UPDATE users SET disabled = true WHERE id = $1', [targetUser[relation]]);
      const outcome = status(await api(role).enable(targetUser[relation]), 204);
      const [row] = await db.query<{ disabled: boolean }>('SELECT disabled FROM users WHERE id = $1', [
        targetUser[relation],
      ]);
      expect(row.disabled).toBe(outcome !== 'allow');
      return outcome;
    });
  });

  it('listDevices', async () => {
    await cells('listDevices', 'devices', 'read', async (role, relation) => {
      const res = await api(role).listDevices(officeQuery(relation));
      const outcome = status(res, 200);
      if (outcome === 'allow') {
        expect(res.body.devices.map((d) => d.id)).toContain(targetDevice[relation]);
        expect(res.body.devices.every((d) => d.officeId === officeOf(relation))).toBe(true);
      }
      return outcome;
    });
  });

  it('revokeDevice', async () => {
    await cells('revokeDevice', 'devices', 'revoke', async (role, relation) => {
      const outcome = status(await api(role).revokeDevice(targetDevice[relation]), 204);
      const [row] = await db.query<{ revoked: boolean }>(
        'SELECT revoked_at IS NOT NULL AS revoked FROM devices WHERE id = $1',
        [targetDevice[relation]],
      );
      // Roles run in the order of ROLES, admin last: a refused revocation finds the device still working.
      expect(row.revoked).toBe(outcome === 'allow');
      return outcome;
    });
  });

  it('readAudit and exportAudit', async () => {
    await cells('readAudit', 'audit', 'read', async (role, relation) => {
      const res = await api(role).readAudit(relation === 'own' ? '' : `?officeId=${OTHER}`);
      const outcome = status(res, 200);
      if (outcome === 'allow')
        expect(res.body.entries.every((e) => e.officeId === officeOf(relation) || e.officeId === null)).toBe(true);
      return outcome;
    });
    await cells('exportAudit', 'audit', 'export', async (role, relation) => {
      const res = await api(role).exportAudit(relation === 'own' ? '' : `?officeId=${OTHER}`);
      const outcome = status(res, 200);
      if (outcome === 'allow') expect(res.body).not.toContain(`"${relation === 'own' ? OTHER : OWN}"`);
      return outcome;
    });
  });
});

describe('Verbund overview', () => {
  it('overview: counts the office’s intakes exactly when the table allows reading them', async () => {
    // The collection tests above stored intakes of both offices just now; the period spans today in any time zone.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    await cells('overview', 'overview', 'read', async (role, relation) => {
      const res = await request<VerbundOverview>(url, 'GET', `/overview?from=${day(-1)}&to=${day(1)}`, {
        token: subject[role].token,
      });
      const outcome = status(res, 200);
      // Counted: a number, or "lt3" where it is too small to show (shared/overview-suppression.ts) - never 0.
      if (outcome === 'allow') expect(res.body.intakes.total[officeOf(relation)]).not.toBe(0);
      return outcome;
    });
  });
});

describe('access request', () => {
  it('accessRequest: answers with the office’s records of the person exactly when the table allows it', async () => {
    const child = { firstName: 'Matrix', lastName: 'Auskunftsperson', birthDate: '2015-05-05' };
    const ids: Record<Relation, string> = { own: '', other: '' };
    for (const relation of ['own', 'other'] as const) {
      const writer = writerFor('intakes', officeOf(relation));
      const doc = makeIntake(officeOf(relation), { createdBy: writer.user.id, updatedBy: writer.user.id, child });
      expect((await push(url, writer.token, 'intakes', [{ newDocumentState: doc }])).rejected).toEqual([]);
      ids[relation] = doc.id;
    }
    await cells('accessRequest', 'intakes', 'accessRequest', async (role, relation) => {
      const res = await request<AccessAnswer>(url, 'POST', '/privacy/access-request', {
        token: subject[role].token,
        body: child,
      });
      if (status(res, 200) === 'deny') return 'deny';
      return res.body.records.some((r) => r.intake.id === ids[relation]) ? 'allow' : 'deny';
    });
  });
});

describe('laptop copy', () => {
  it('laptopCopy: hands a record again exactly to those the table lets read it', async () => {
    const ids: Record<Relation, string> = { own: '', other: '' };
    for (const relation of ['own', 'other'] as const) ids[relation] = (await seed('intakes', officeOf(relation))).id;
    await cells('laptopCopy', 'intakes', 'read', async (role, relation) => {
      const res = await request<{ intake: WireDocument }>(url, 'GET', `/privacy/laptop-copy/${ids[relation]}`, {
        token: subject[role].token,
      });
      // Not readable for this user is not found: the answer does not tell another office's ids apart.
      if (res.status === 404) return 'deny';
      if (status(res, 200) === 'deny') return 'deny';
      return res.body.intake.id === ids[relation] ? 'allow' : 'deny';
    });
  });
});

describe('office directory', () => {
  it('directory: names the office’s users exactly when the table allows reading them', async () => {
    // No office parameter: the answer holds the caller's office or nothing, never another office's staff.
    const staff = {
      own: (await db.query<{ id: string }>('SELECT id FROM users WHERE office_id = $1', [OWN])).map((r) => r.id),
      other: (await db.query<{ id: string }>('SELECT id FROM users WHERE office_id = $1', [OTHER])).map((r) => r.id),
    };
    await cells('directory', 'directory', 'read', async (role, relation) => {
      const res = await request<DirectoryResponse>(url, 'GET', '/directory', { token: subject[role].token });
      const outcome = status(res, 200);
      if (outcome === 'deny') return outcome;
      const ids = res.body.users.map((u) => u.id);
      return ids.some((id) => staff[relation].includes(id)) ? 'allow' : 'deny';
    });
  });
});
