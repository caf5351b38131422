import { FILE_NAME_MAX, safeFileName } from './fileName';

describe('safeFileName', () => {
  it('turns separators and characters Windows refuses into single spaces', () => {
    expect(safeFileName('Übergabebericht – A/B: C*? – 01.02.2026')).toBe('Übergabebericht – A B C – 01.02.2026');
    expect(safeFileName('a\\b|c<d>e"f\u0007g\nh')).toBe('a b c d e f g h');
  });

  it('drops leading and trailing dots and spaces, and leaves nothing of a name made only of them', () => {
    expect(safeFileName('  ..\\..\\Bericht. . ')).toBe('Bericht');
    expect(safeFileName('...')).toBe('');
    expect(safeFileName('')).toBe('');
  });

  it(`cuts at ${FILE_NAME_MAX} characters without splitting a character or ending on a space`, () => {
    expect(safeFileName('x'.repeat(400))).toHaveLength(FILE_NAME_MAX);
    expect(safeFileName(`${'x'.repeat(FILE_NAME_MAX - 1)} yz`)).toBe('x'.repeat(FILE_NAME_MAX - 1));
    const emoji = safeFileName('😀'.repeat(200));
    expect(Array.from(emoji)).toHaveLength(FILE_NAME_MAX);
    expect(emoji).not.toMatch(/[\ud800-\udbff]$/);
  });
});
