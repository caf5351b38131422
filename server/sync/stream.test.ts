import type { SessionUser } from '../../shared/sync/protocol';
import { makeIntake } from '../../test/support/api';
import { openMigratedPglite } from '../../test/support/pglite';
import type { Db } from '../db/db';
import { collectionByName } from './collections';
import { feedHead } from './pull';
import { push } from './push';
import { SharedFeedReads } from './stream';

const intakes = collectionByName('intakes')!;
const worker: SessionUser = {
  id: 'bereitschaft.segeberg',
  username: 'w1',
  displayName: 'W',
  officeId: 'segeberg',
  roles: ['oncall'],
};
const stranger: SessionUser = {
  id: 'bereitschaft.stormarn',
  username: 'w2',
  displayName: 'S',
  officeId: 'stormarn',
  roles: ['oncall'],
};

describe('SharedFeedReads: one query for the streams that ask the same', () => {
  let db: Db;
  let queries = 0;
  beforeAll(async () => {
    const real = await openMigratedPglite();
    // Counts the statements the real store runs; everything else is the real database.
    db = new Proxy(real, {
      get(target, prop, receiver) {
        if (prop === 'query') return (...args: Parameters<Db['query']>) => ((queries += 1), target.query(...args));
        return Reflect.get(target, prop, receiver);
      },
    });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('answers streams of one scope at one cursor with one query and one serialised event, other offices apart', async () => {
    const start = await feedHead(db, 'intakes');
    const mine = makeIntake('segeberg');
    const theirs = makeIntake('stormarn');
    await push(db, intakes, worker, [{ newDocumentState: mine }], { userId: worker.id, deviceId: null });
    await push(db, intakes, stranger, [{ newDocumentState: theirs }], { userId: stranger.id, deviceId: null });
    const head = await feedHead(db, 'intakes');

    const reads = new SharedFeedReads(db);
    queries = 0;
    const segeberg = intakes.readScope(worker);
    const pages = await Promise.all(Array.from({ length: 50 }, () => reads.read('intakes', segeberg, start, head)));
    const other = await reads.read('intakes', intakes.readScope(stranger), start, head);
    expect(queries).toBe(2);
    expect(new Set(pages).size).toBe(1);
    expect(pages[0].reached).toBe(head);
    expect(pages[0].event).toContain(mine.id);
    expect(pages[0].event).not.toContain(theirs.id);
    expect(other.event).toContain(theirs.id);
    expect(reads.pending).toBe(0);

    // Once answered, the next change is a new question.
    await reads.read('intakes', segeberg, start, head);
    expect(queries).toBe(3);
  });

  it('has no event for a stream whose scope saw nothing new', async () => {
    const head = await feedHead(db, 'intakes');
    const page = await new SharedFeedReads(db).read('intakes', intakes.readScope(worker), head, head + 5);
    expect(page).toEqual({ reached: head + 5, event: null });
  });
});
