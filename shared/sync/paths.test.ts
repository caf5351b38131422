import { describe, expect, it } from 'vitest';

import { getAtPath, labelKeyOf, parsePath, setAtPath } from './paths';

const doc = {
  situation: 'A',
  child: { firstName: 'Lena', lastName: 'Muster' },
  custodians: [
    { id: 'c1', name: 'Mutter' },
    { id: 'c2', name: 'Vater', informedAt: 5 },
  ],
};

describe('field paths', () => {
  it.each([
    ['situation', 'A'],
    ['child.firstName', 'Lena'],
    ['custodians[c2].informedAt', 5],
    ['custodians[c1]', { id: 'c1', name: 'Mutter' }],
    ['custodians[c9].name', undefined],
    ['risk.assessment', undefined],
  ])('reads %s', (path, value) => {
    expect(getAtPath(doc, path)).toEqual(value);
  });

  it('writes a copy, leaving the original alone', () => {
    const next = setAtPath(doc, 'custodians[c1].name', 'Mama');
    expect(next.custodians[0]).toEqual({ id: 'c1', name: 'Mama' });
    expect(doc.custodians[0].name).toBe('Mutter');
    expect(next.custodians[1]).toBe(doc.custodians[1]);
  });

  it('creates missing sections and list items, and removes a field given undefined', () => {
    expect(setAtPath({}, 'risk.assessment', 'x')).toEqual({ risk: { assessment: 'x' } });
    expect(setAtPath(doc, 'custodians[c3].name', 'Oma').custodians.at(-1)).toEqual({ id: 'c3', name: 'Oma' });
    expect(setAtPath(doc, 'custodians[c2].informedAt', undefined).custodians[1]).toEqual({ id: 'c2', name: 'Vater' });
    expect(setAtPath(doc, 'custodians[c1]', undefined).custodians.map((c) => c.id)).toEqual(['c2']);
  });

  it('names the label of an item field without its id, and refuses what is no path', () => {
    expect(labelKeyOf('custodians[c1].name')).toBe('custodians.name');
    expect(() => parsePath('a..b')).toThrow();
    expect(() => parsePath('a[b/c]')).toThrow();
  });
});
