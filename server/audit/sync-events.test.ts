import { changedFields, pullEvents, pushEvents } from './sync-events';

const actor = { userId: 'u1', username: 'bereitschaft.segeberg', deviceId: 'd1', address: '127.0.0.1' };
const doc = (over: Record<string, unknown> = {}) => ({
  id: 'x1',
  officeId: 'segeberg',
  updatedAt: 1,
  _deleted: false,
  status: 'draft',
  child: { firstName: 'Mia', lastName: 'Musterkind', address: { town: 'Bad Segeberg' } },
  conflicts: [],
  ...over,
});

describe('changedFields', () => {
  it('names changed fields by path, down to two levels, and ignores updatedAt', () => {
    const before = doc();
    const after = doc({
      updatedAt: 2,
      status: 'submitted',
      child: { ...before.child, firstName: 'Lea', address: { town: 'Wahlstedt' } },
    });
    expect(changedFields(before, after)).toEqual(['child.address', 'child.firstName', 'status']);
  });

  it('lists every field of a new document, and added or removed ones', () => {
    expect(changedFields(undefined, doc())).toEqual([
      '_deleted',
      'child.address',
      'child.firstName',
      'child.lastName',
      'conflicts',
      'officeId',
      'status',
    ]);
    const { status: _s, ...without } = doc();
    expect(changedFields(doc(), { ...without, situation: 'neu' })).toEqual(['situation', 'status']);
    expect(changedFields(doc(), doc({ updatedAt: 9 }))).toEqual([]);
  });
});

describe('audit events of sync', () => {
  it('records operations and field names without values, one event per office', () => {
    const events = pushEvents(actor, 'facilities', [
      { next: doc({ _deleted: true }), stored: doc() },
      { next: doc({ id: 'x2', officeId: 'stormarn' }), stored: undefined },
    ]);
    expect(events.map((e) => [e.officeId, e.details])).toEqual([
      ['segeberg', { collection: 'facilities', documents: [{ id: 'x1', op: 'delete', fields: ['_deleted'] }] }],
      ['stormarn', { collection: 'facilities', documents: [{ id: 'x2', op: 'create', fields: expect.any(Array) }] }],
    ]);
    expect(JSON.stringify(events)).not.toContain('Mia');
    expect(pullEvents(actor, 'intakes', [doc(), doc({ id: 'x3' })])).toEqual([
      expect.objectContaining({
        action: 'sync.pull',
        officeId: 'segeberg',
        details: { collection: 'intakes', count: 2, ids: ['x1', 'x3'] },
      }),
    ]);
    expect(pullEvents(actor, 'intakes', [])).toEqual([]);
  });
});
