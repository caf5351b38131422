import { describe, expect, it } from 'vitest';

import { wordDiff } from './word-diff';

const marked = (parts: { text: string; changed: boolean }[]) =>
  parts.map((p) => (p.changed ? `[${p.text}]` : p.text)).join('');

describe('wordDiff', () => {
  it('marks on each side the words the other side lacks, and keeps every character', () => {
    const a = 'Kind wurde um 23:10 von der Polizei am Bahnhof übergeben.';
    const b = 'Kind wurde um 23:40 von der Bundespolizei am Bahnhof Norderstedt übergeben.';
    const diff = wordDiff(a, b);
    expect(diff.a.map((p) => p.text).join('')).toBe(a);
    expect(diff.b.map((p) => p.text).join('')).toBe(b);
    expect(marked(diff.a)).toBe('Kind wurde um [23:10] von der [Polizei] am Bahnhof übergeben.');
    expect(marked(diff.b)).toBe('Kind wurde um [23:40] von der [Bundespolizei] am Bahnhof [Norderstedt ]übergeben.');
  });

  it('marks nothing in equal texts and everything in texts without a common word', () => {
    expect(wordDiff('gleich bleibt', 'gleich bleibt')).toEqual({
      a: [{ text: 'gleich bleibt', changed: false }],
      b: [{ text: 'gleich bleibt', changed: false }],
    });
    expect(marked(wordDiff('alt', 'neu').a)).toBe('[alt]');
    expect(marked(wordDiff('', 'neu').b)).toBe('[neu]');
  });
});
