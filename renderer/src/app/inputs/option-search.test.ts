import { de } from '../../../../shared/i18n';
import { OFFICE_IDS } from '../../../../shared/offices';
import { matchOptions } from './option-search';

const GROUNDS = Object.entries(de.nightRecord.legalGrounds).map(([value, label]) => ({ value, label }));
const OFFICES = OFFICE_IDS.map((value) => ({ value, label: de.offices[value] }));
const INITIATED = Object.entries(de.initiatedBy).map(([value, label]) => ({ value, label }));
const first = (options: { value: string }[], search: string) => matchOptions(options as never, search)[0]?.value;

describe('matchOptions', () => {
  it('finds options that start alike by a word of their label or code', () => {
    expect(first(GROUNDS, '2b')).toBe('42_1_2b');
    expect(first(GROUNDS, '2a')).toBe('42_1_2a');
    expect(first(GROUNDS, '42a')).toBe('42a');
    expect(first(GROUNDS, 'unbegleitet')).toBe('42_1_3');
    expect(first(OFFICES, 'Stormarn')).toBe('stormarn');
    expect(first(OFFICES, 'stadt nord')).toBe('norderstedt');
    expect(first(INITIATED, 'Polizei')).toBe('police');
    expect(first(INITIATED, 'ordnung')).toBe('police');
  });

  it('finds nothing for words no option has, and everything for an empty search', () => {
    expect(matchOptions(GROUNDS, 'Stormarn')).toEqual([]);
    expect(matchOptions(OFFICES, '  ')).toHaveLength(OFFICES.length);
  });
});
