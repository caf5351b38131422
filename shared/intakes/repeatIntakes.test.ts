import { describe, expect, it } from 'vitest';

import { findRepeatIntakes, repeatedThisYear, repeatFill, type RepeatRecord } from './repeatIntakes';

const at = (iso: string) => Date.parse(iso);
const NOW = at('2026-11-20T02:00+01:00');

function rec(id: string, child: RepeatRecord['child'], when: string, extra: Partial<RepeatRecord> = {}): RepeatRecord {
  return { id, officeId: 'segeberg', receivedAt: at(when), child, ...extra };
}

const current = rec('new', { firstName: 'Lea', lastName: 'Müller', birthDate: '2012-05-03' }, '2026-11-20T01:30+01:00');

describe('earlier intakes of the same child', () => {
  it('matches across spelling, case and the order of first and last name, newest first', () => {
    const records = [
      rec('a', { firstName: 'LEA', lastName: 'Mueller', birthDate: '2012-05-03' }, '2026-03-14T22:00+01:00', {
        placement: { facilityName: 'Jugendschutzhaus Norderstedt' },
      }),
      rec('b', { firstName: 'Müller', lastName: 'Léa', birthDate: '2012-05-03' }, '2025-08-01T22:00+02:00'),
      rec('c', { firstName: 'Lea', lastName: 'Müller', birthDate: '2012-05-04' }, '2026-01-01T22:00+01:00'),
      rec('d', { firstName: 'Lena', lastName: 'Müller', birthDate: '2012-05-03' }, '2026-01-01T22:00+01:00'),
    ];
    expect(findRepeatIntakes(current, records, 'segeberg')).toEqual([
      { id: 'a', at: at('2026-03-14T22:00+01:00'), facilityName: 'Jugendschutzhaus Norderstedt' },
      { id: 'b', at: at('2025-08-01T22:00+02:00') },
    ]);
  });

  it('compares an estimated age by its statistics age group at the time of the new record', () => {
    const records = [
      // 12 then, about 14 now: 14-16 like Lea (14)
      rec('e', { firstName: 'Lea', lastName: 'Müller', estimatedAge: 12 }, '2024-09-01T22:00+02:00'),
      // 9 then, 11 now: another group
      rec('f', { firstName: 'Lea', lastName: 'Müller', estimatedAge: 9 }, '2024-09-01T22:00+02:00'),
    ];
    expect(findRepeatIntakes(current, records, 'segeberg').map((m) => m.id)).toEqual(['e']);
    const estimated = rec('new2', { firstName: 'Lea', lastName: 'Müller', estimatedAge: 14 }, '2026-11-20T01:30+01:00');
    expect(
      findRepeatIntakes(estimated, [records[0], { ...current, id: 'g', receivedAt: at('2026-01-02') }], 'segeberg'),
    ).toHaveLength(2);
  });

  it('searches only the own office and records handed to it, only earlier ones, not dismissed ones', () => {
    const same = { firstName: 'Lea', lastName: 'Müller', birthDate: '2012-05-03' };
    const records = [
      rec('other', same, '2026-01-01T22:00+01:00', { officeId: 'stormarn' }),
      rec('handed', same, '2026-02-01T22:00+01:00', { officeId: 'stormarn', review: { handedOverTo: 'segeberg' } }),
      rec('later', same, '2026-11-20T03:00+01:00'),
      rec('dismissed', same, '2026-04-01T22:00+02:00'),
      current,
    ];
    expect(findRepeatIntakes(current, records, 'segeberg', new Set(['dismissed'])).map((m) => m.id)).toEqual([
      'handed',
    ]);
  });

  it('needs a name and a birth date or age before it searches', () => {
    const same = rec('x', { firstName: 'Lea', lastName: 'Müller' }, '2026-01-01T22:00+01:00');
    expect(
      findRepeatIntakes({ ...current, child: { firstName: 'Lea', lastName: 'Müller' } }, [same], 'segeberg'),
    ).toEqual([]);
    expect(
      findRepeatIntakes(
        { ...current, child: { firstName: '', lastName: 'Müller', birthDate: '2012-05-03' } },
        [same],
        'segeberg',
      ),
    ).toEqual([]);
  });

  it('counts as repeated within the year only an earlier measure of the same calendar year', () => {
    expect(repeatedThisYear(current, [{ id: 'a', at: at('2026-01-01T00:30+01:00') }])).toBe(true);
    expect(repeatedThisYear(current, [{ id: 'b', at: at('2025-12-31T23:30+01:00') }])).toBe(false);
    expect(
      repeatedThisYear({ receivedAt: NOW, decision: { startAt: at('2027-01-01T00:10+01:00') } }, [
        { id: 'a', at: at('2026-12-01') },
      ]),
    ).toBe(false);
  });
});

describe('filling "Wiederholte Maßnahme im Jahr" from the matches', () => {
  const march = { id: 'a', at: at('2026-03-14T22:00+01:00') };
  const lastYear = { id: 'b', at: at('2025-08-01T22:00+02:00') };

  it('answers yes where nobody has answered, naming the records it rests on', () => {
    expect(repeatFill(current, [march, lastYear])).toEqual([
      ['statistics.repeatedThisYear', true],
      ['earlierIntakes.filledFrom', ['a']],
    ]);
    expect(repeatFill(current, [lastYear])).toEqual([]);
  });

  it("never overwrites the worker's own answer", () => {
    expect(repeatFill({ ...current, statistics: { repeatedThisYear: false } }, [march])).toEqual([]);
    expect(repeatFill({ ...current, statistics: { repeatedThisYear: true } }, [])).toEqual([]);
  });

  it('takes back only its own answer once its matches are gone (dismissed or the name corrected)', () => {
    const filled = { ...current, statistics: { repeatedThisYear: true }, earlierIntakes: { filledFrom: ['a'] } };
    expect(repeatFill(filled, [march])).toEqual([]);
    expect(repeatFill(filled, [lastYear])).toEqual([
      ['statistics.repeatedThisYear', undefined],
      ['earlierIntakes.filledFrom', undefined],
    ]);
    // The worker changed the answer to "no" meanwhile: that answer stays, only the note of the fill goes.
    const changed = { ...filled, statistics: { repeatedThisYear: false } };
    expect(repeatFill(changed, [])).toEqual([['earlierIntakes.filledFrom', undefined]]);
  });
});
