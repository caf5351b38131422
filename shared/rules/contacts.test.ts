import { describe, expect, it } from 'vitest';

import { contactOwnersFor, mayWriteContact } from './contacts';

describe('who keeps the night directory', () => {
  it('lets an office supervisor or admin keep the own office entries only', () => {
    for (const role of ['supervisor', 'admin']) {
      const user = { officeId: 'stormarn', roles: [role] };
      expect(mayWriteContact(user, 'stormarn')).toBe(true);
      expect(mayWriteContact(user, 'segeberg')).toBe(false);
      expect(mayWriteContact(user, 'verbund')).toBe(false);
    }
  });

  it('lets the coordinator keep the Verbund-wide entries, not an office entry', () => {
    const user = { officeId: 'segeberg', roles: ['coordinator'] };
    expect(contactOwnersFor(user)).toEqual(['verbund']);
  });

  it('gives an on-call worker nothing to write', () => {
    expect(contactOwnersFor({ officeId: 'pinneberg', roles: ['oncall'] })).toEqual([]);
  });

  it('adds the scopes of several roles', () => {
    expect(contactOwnersFor({ officeId: 'pinneberg', roles: ['oncall', 'supervisor', 'coordinator'] })).toEqual([
      'pinneberg',
      'verbund',
    ]);
  });
});
