import { describe, expect, it } from 'vitest';

import { AGE_GROUP_BOUNDS, AGE_GROUPS, ageGroupOf } from './ageGroup';

describe('statistics age groups', () => {
  it.each([
    [0, 'under_3'],
    [2, 'under_3'],
    [2.99, 'under_3'],
    [3, '3_to_6'],
    [11, '9_to_12'],
    [13, '12_to_14'],
    [14, '14_to_16'],
    [15, '14_to_16'],
    [17, '16_to_18'],
  ])('puts age %s into %s', (age, group) => {
    expect(ageGroupOf(age)).toBe(group);
  });

  it.each([18, -1, Number.NaN])('has no group for %s', (age) => {
    expect(ageGroupOf(age)).toBeUndefined();
  });

  it('covers 0 to 18 without gaps or overlaps', () => {
    const bounds = AGE_GROUPS.map((g) => AGE_GROUP_BOUNDS[g]);
    expect(bounds[0][0]).toBe(0);
    expect(bounds.at(-1)?.[1]).toBe(18);
    for (let i = 1; i < bounds.length; i++) expect(bounds[i][0]).toBe(bounds[i - 1][1]);
  });
});
