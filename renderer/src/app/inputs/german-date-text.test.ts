import { formatDateText, formatDateTimeText, maskTyping, parseDateText, parseDateTimeText } from './german-date-text';

/** 7 December 2026, 01:10 in Berlin (00:10 UTC): just after midnight, as at night. */
const NOW = Date.UTC(2026, 11, 7, 0, 10, 30);
const berlin = (y: number, mo: number, d: number, h: number, mi: number) => {
  const ms = parseDateTimeText(`${d}.${mo}.${y} ${h}:${String(mi).padStart(2, '0')}`, NOW);
  if (ms === null) throw new Error('no such time');
  return ms;
};

describe('German date and time text', () => {
  it('shows Berlin wall-clock time as dd.MM.yyyy HH:mm, in winter and in summer', () => {
    expect(formatDateTimeText(Date.UTC(2025, 0, 15, 22, 5))).toBe('15.01.2025 23:05');
    expect(formatDateTimeText(Date.UTC(2025, 6, 15, 22, 5))).toBe('16.07.2025 00:05');
    expect(formatDateText('2014-03-09')).toBe('09.03.2014');
  });

  it('reads the full form, short forms, digits alone and the ISO form to the same instant', () => {
    const ms = Date.UTC(2026, 11, 6, 22, 15);
    for (const text of [
      '06.12.2026 23:15',
      '6.12.26 23:15',
      '061220262315',
      '0612262315',
      '2026-12-06T23:15',
      ' 06.12.2026  23:15 ',
    ]) {
      expect(parseDateTimeText(text, NOW), text).toBe(ms);
    }
    expect(parseDateTimeText('06.12. 23:15', NOW)).toBe(ms);
    for (const ms of [Date.UTC(2025, 2, 30, 0, 59), Date.UTC(2025, 2, 30, 1, 0), Date.UTC(2025, 9, 26, 2, 30)]) {
      expect(parseDateTimeText(formatDateTimeText(ms), NOW)).toBe(ms);
    }
  });

  it('takes J for now and -15 / -2h as minutes and hours ago (to the minute)', () => {
    const minute = Math.floor(NOW / 60_000) * 60_000;
    expect(parseDateTimeText('j', NOW)).toBe(minute);
    expect(parseDateTimeText('J', NOW)).toBe(minute);
    expect(parseDateTimeText('jetzt', NOW)).toBe(minute);
    expect(parseDateTimeText('-15', NOW)).toBe(minute - 15 * 60_000);
    expect(parseDateTimeText('-2h', NOW)).toBe(minute - 120 * 60_000);
  });

  it('reads a time alone as its last occurrence: after midnight 23:40 is last evening, 00:50 is tonight', () => {
    expect(parseDateTimeText('23:40', NOW)).toBe(berlin(2026, 12, 6, 23, 40));
    expect(parseDateTimeText('0:50', NOW)).toBe(berlin(2026, 12, 7, 0, 50));
    expect(parseDateTimeText('01:14', NOW)).toBe(berlin(2026, 12, 7, 1, 14)); // four minutes ahead: the clocks' slack
  });

  it('refuses what is no date or time', () => {
    for (const text of [
      '',
      '31.02.2026 10:00',
      '12.13.2026 10:00',
      '06.12.2026 24:00',
      '06.12.2026 10:60',
      'gestern',
      '06.12.2026',
      '1.2.3.4 10:00',
    ]) {
      expect(parseDateTimeText(text, NOW), text).toBeNull();
    }
  });

  it('reads dates as stored (yyyy-mm-dd); a two-digit year is never in the future', () => {
    expect(parseDateText('09.03.2014', NOW)).toBe('2014-03-09');
    expect(parseDateText('9.3.14', NOW)).toBe('2014-03-09');
    expect(parseDateText('09032014', NOW)).toBe('2014-03-09');
    expect(parseDateText('9.3.98', NOW)).toBe('1998-03-09');
    expect(parseDateText('2014-03-09', NOW)).toBe('2014-03-09');
    expect(parseDateText('29.02.2023', NOW)).toBeNull();
    expect(parseDateText('29.02.2024', NOW)).toBe('2024-02-29');
    expect(parseDateText('09.03.2014 10:00', NOW)).toBeNull();
  });

  it('fills in separators while digits are typed at the end, and never doubles one', () => {
    const typeInto = (keys: string, kind: 'date' | 'datetime') =>
      [...keys].reduce((text, key) => maskTyping(text, text + key, kind), '');
    expect(typeInto('061220262315', 'datetime')).toBe('06.12.2026 23:15');
    expect(typeInto('06.12.2026 23:15', 'datetime')).toBe('06.12.2026 23:15');
    expect(typeInto('23:40', 'datetime')).toBe('23:40');
    expect(typeInto('-15', 'datetime')).toBe('-15');
    expect(typeInto('09032014', 'date')).toBe('09.03.2014');
    expect(typeInto('9.3.14', 'date')).toBe('9.3.14');
    // Deleting is not typing: the separator the user removed stays removed.
    expect(maskTyping('06.', '06', 'datetime')).toBe('06');
  });
});
