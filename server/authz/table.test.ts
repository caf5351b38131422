import Fastify from 'fastify';

import { ROLES } from '../../shared/roles';
import { allPermissions, AUTHZ, COLLECTION_RESOURCES } from '../../shared/rules/authz';
import { COLLECTIONS } from '../../shared/sync/protocol';
import { openMigratedPglite } from '../../test/support/pglite';
import { buildServer } from '../app';
import { denial, intersect, scopeOf, writeDenial } from './enforce';
import { installAuthorisation, ROUTES } from './routes';

const user = (roles: string[], officeId = 'segeberg') => ({ roles, officeId });

describe('the authorisation table', () => {
  it('covers every collection the server serves', () => {
    for (const name of COLLECTIONS) expect(COLLECTION_RESOURCES, name).toContain(name);
  });

  it('never grants personal data of another office', () => {
    for (const { resource, operation, grants } of allPermissions()) {
      if (!AUTHZ[resource].personalData) continue;
      expect(Object.values(grants), `${resource}.${operation}`).not.toContain('all');
    }
  });

  it('lets only supervisors countersign and only coordinators and admins edit facilities', () => {
    const countersigners = ROLES.filter((r) => scopeOf(user([r]), 'intakes', 'countersign') !== 'none');
    expect(countersigners).toEqual(['supervisor']);
    const editors = ROLES.filter((r) => scopeOf(user([r]), 'facilities', 'write') !== 'none');
    expect(editors).toEqual(['coordinator', 'admin']);
    expect(denial(user(['supervisor']), 'intakes', 'countersign', 'stormarn')).toBe('other_office');
    expect(denial(user(['oncall']), 'intakes', 'countersign', 'segeberg')).toBe('forbidden');
  });

  it('shows the Verbund overview to supervisors and coordinators only, across the Verbund, as data without persons', () => {
    const readers = ROLES.filter((r) => scopeOf(user([r]), 'overview', 'read') !== 'none');
    expect(readers).toEqual(['supervisor', 'coordinator']);
    expect(scopeOf(user(['supervisor']), 'overview', 'read')).toBe('all');
    expect(AUTHZ.overview.personalData).toBe(false);
    expect(ROUTES.overview).toEqual({
      method: 'GET',
      url: '/api/v1/overview',
      authz: { kind: 'resource', resource: 'overview', operation: 'read' },
    });
  });

  it('shows the office directory to every role, of the own office only', () => {
    expect(ROLES.map((r) => scopeOf(user([r]), 'directory', 'read'))).toEqual(
      ROLES.map(() => ({ offices: ['segeberg'] })),
    );
    expect(denial(user(['coordinator']), 'directory', 'read', 'stormarn')).toBe('other_office');
    expect(AUTHZ.directory.personalData).toBe(true);
    expect(ROUTES.directory).toEqual({
      method: 'GET',
      url: '/api/v1/directory',
      authz: { kind: 'resource', resource: 'directory', operation: 'read' },
    });
  });

  it('gives a user with several roles the widest scope of any', () => {
    expect(scopeOf(user(['oncall']), 'facilities', 'write')).toBe('none');
    expect(scopeOf(user(['oncall', 'admin']), 'facilities', 'write')).toEqual({ offices: ['segeberg'] });
    expect(scopeOf(user(['admin', 'coordinator']), 'facilities', 'write')).toBe('all');
    expect(scopeOf(user(['nonsense']), 'intakes', 'read')).toBe('none');
  });

  it('checks both the new and the stored office of a write', () => {
    const oncall = user(['oncall']);
    expect(writeDenial(oncall, 'intakes', { officeId: 'segeberg' }, undefined)).toBeNull();
    expect(writeDenial(oncall, 'intakes', { officeId: 'segeberg' }, { officeId: 'stormarn' })).toBe('other_office');
    expect(writeDenial(oncall, 'intakes', { officeId: 'stormarn' }, undefined)).toBe('other_office');
    expect(writeDenial(user(['coordinator']), 'intakes', { officeId: 'segeberg' }, undefined)).toBe('forbidden');
  });

  it('narrows, never widens, when intersected with a collection rule', () => {
    expect(intersect('all', { offices: ['a'] })).toEqual({ offices: ['a'] });
    expect(intersect({ offices: ['a', 'b'] }, { offices: ['b', 'c'] })).toEqual({ offices: ['b'] });
    expect(intersect({ offices: ['a'] }, { offices: ['b'] })).toBe('none');
    expect(intersect('all', 'none')).toBe('none');
  });
});

describe('routes', () => {
  it('refuses to register a route that is not in ROUTES or differs from its authorisation', async () => {
    const app = Fastify();
    installAuthorisation(app, async () => {
      throw new Error('not reached');
    });
    expect(() => app.get('/api/v1/secret', { config: { authz: { kind: 'public' } } }, async () => 'x')).toThrow(
      /ROUTES/,
    );
    expect(() => app.get(ROUTES.listUsers.url, { config: { authz: { kind: 'public' } } }, async () => 'x')).toThrow(
      /ROUTES/,
    );
    expect(() => app.get(ROUTES.health.url, async () => 'x')).toThrow(/ROUTES/);
    await app.close();
  });

  // The other direction (no route outside ROUTES) is enforced at registration, tested above.
  it('registers every route of ROUTES in the real server', async () => {
    const db = await openMigratedPglite();
    const app = await buildServer({ db, version: '0.0.0' });
    try {
      for (const r of Object.values(ROUTES)) {
        expect(app.hasRoute({ method: r.method, url: r.url }), `${r.method} ${r.url}`).toBe(true);
      }
    } finally {
      await app.close();
      await db.close();
    }
  }, 120_000);
});
