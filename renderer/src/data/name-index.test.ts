import { nameKey } from '../../../shared/intakes/repeatIntakes';
import { openTestDatabase } from '../test-fixtures/database';
import { submittedRecord } from '../test-fixtures/intake';
import { NameIndex } from './name-index';

const T = '2026-11-20T22:00:00Z';

describe('the name index', () => {
  it('finds by the start of first and last names, whatever the umlauts and case; follows writes and deletions', async () => {
    const db = await openTestDatabase('name_index');
    try {
      await db.intakes.bulkInsert([
        submittedRecord('a', 'Jörg', T, { child: { firstName: 'Jörg', lastName: 'Müller-Lüdenscheidt' } }),
        submittedRecord('b', 'Ida', T, { child: { firstName: 'Ida', lastName: 'Straßburger' } }),
      ]);
      const index = await NameIndex.open(db.intakes);
      expect(index.search('muller')).toEqual(['a']);
      expect(index.search('MÜL jo')).toEqual(['a']);
      expect(index.search('ludensch')).toEqual(['a']);
      expect(index.search('strass')).toEqual(['b']);
      expect(index.search('uller')).toEqual([]);
      expect(index.search('  ')).toEqual([]);

      await db.intakes.insert(submittedRecord('c', 'Zoë', T, { child: { firstName: 'Zoë', lastName: 'Mueller' } }));
      expect(index.search('zoe').sort()).toEqual(['c']);
      const b = await db.intakes.findOne('b').exec();
      await b!.incrementalPatch({ child: { firstName: 'Ida', lastName: 'Mülhaupt' } });
      expect(index.search('mul').sort()).toEqual(['a', 'b']);
      await (await db.intakes.findOne('a').exec())!.remove();
      expect(index.search('mul')).toEqual(['b']);
      index.close();
    } finally {
      await db.close();
    }
  });

  it("finds a child's records by the repeat-intake matcher's name key, where a prefix search would miss them", async () => {
    const db = await openTestDatabase('name_index_key');
    try {
      await db.intakes.bulkInsert([
        submittedRecord('umlaut', 'Lea', T, { child: { firstName: 'Lea', lastName: 'Mueller' } }),
        submittedRecord('swapped', 'Müller', T, { child: { firstName: 'Müller', lastName: 'LEA' } }),
        submittedRecord('apostrophe', 'Sean', T, { child: { firstName: 'Seán', lastName: "O'Brien" } }),
        submittedRecord('other', 'Lea', T, { child: { firstName: 'Lea', lastName: 'Müllermann' } }),
      ]);
      const index = await NameIndex.open(db.intakes);
      const lea = nameKey({ firstName: 'Lea', lastName: 'Müller' })!;
      expect(index.withNameKey(lea).sort()).toEqual(['swapped', 'umlaut']);
      expect(index.search('Lea Müller').sort()).toEqual(['other', 'swapped']);
      expect(index.withNameKey(nameKey({ firstName: 'Sean', lastName: 'O Brien' })!)).toEqual(['apostrophe']);
      expect(index.search('Sean O Brien')).toEqual([]);

      await (await db.intakes.findOne('other').exec())!.incrementalPatch({
        child: { firstName: 'Lea', lastName: 'Müller' },
      });
      await (await db.intakes.findOne('umlaut').exec())!.remove();
      expect(index.withNameKey(lea).sort()).toEqual(['other', 'swapped']);
      index.close();
    } finally {
      await db.close();
    }
  });

  it('finds the records of a group of children taken in together; follows linking, leaving and deletion', async () => {
    const db = await openTestDatabase('name_index_group');
    try {
      await db.intakes.bulkInsert([
        submittedRecord('mia', 'Mia', T, { group: { id: 'g1', kind: 'siblings' } }),
        submittedRecord('emma', 'Emma', T, { group: { id: 'g1', kind: 'siblings' } }),
        submittedRecord('lea', 'Lea', T, { group: { id: 'g2', kind: 'siblings' } }),
        submittedRecord('ben', 'Ben', T),
      ]);
      const index = await NameIndex.open(db.intakes);
      expect(index.inGroup('g1').sort()).toEqual(['emma', 'mia']);

      await (await db.intakes.findOne('ben').exec())!.incrementalPatch({ group: { id: 'g1', kind: 'siblings' } });
      await (await db.intakes.findOne('emma').exec())!.incrementalModify(({ group: _left, ...rest }) => rest);
      await (await db.intakes.findOne('mia').exec())!.remove();
      expect(index.inGroup('g1')).toEqual(['ben']);
      expect(index.inGroup('g2')).toEqual(['lea']);
      index.close();
    } finally {
      await db.close();
    }
  });
});
