import { missingForSubmit } from '../../shared/nightRecord/submit';
import { OFFICE_IDS } from '../../shared/offices';
import { collectionByName } from '../sync/collections';
import { demoRecords } from './records';

const intakes = collectionByName('intakes')!;
const entries = collectionByName('entries')!;
const NOW = Date.UTC(2025, 4, 17, 12, 0);

describe('demo night records', () => {
  it.each(OFFICE_IDS)('are valid and, where submitted, complete (%s)', (office) => {
    const { intakes: docs, entries: lines } = demoRecords(office, `bereitschaft.${office}`, NOW);
    expect(docs.map((d) => d.status)).toEqual(['submitted', 'submitted', 'draft']);
    for (const doc of docs) {
      expect(intakes.validate(doc)).toBeNull();
      expect(intakes.checkChange(doc, undefined)).toBeNull();
    }
    expect(missingForSubmit(docs[2]).length).toBeGreaterThan(0);
    for (const line of lines) expect(entries.validate(line)).toBeNull();
    expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length);
  });

  it('log the placement search of the first night: two refusals, then the place that took the child', () => {
    const {
      intakes: [first],
      entries: lines,
    } = demoRecords('segeberg', 'bereitschaft.segeberg', NOW);
    const answers = lines
      .filter((l) => l.intakeId === first.id && l.placement?.answer !== 'requested' && l.placement)
      .map((l) => [l.placement!.facilityName, l.placement!.answer]);
    expect(answers).toEqual([
      ['Kinderhaus Travetal', 'refused'],
      ['Jugendschutzhaus Norderstedt', 'refused'],
      ['Bereitschaftspflege Segeberg 1', 'accepted'],
    ]);
    expect(first.placement?.facilityName).toBe('Bereitschaftspflege Segeberg 1');
  });
});
