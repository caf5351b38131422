import { describe, expect, it } from 'vitest';

import { INITIATED_BY } from '../catalogues/initiatedBy';
import {
  ACCOMMODATION,
  END_REASONS,
  INTAKE_REASONS,
  RESIDENCE_BEFORE,
  SEXES,
  YES_NO_UNKNOWN,
} from '../catalogues/nightRecord';
import { de } from '../i18n';
import { catalogueFor, REPORT_YEARS } from './catalogue';

describe('statistics catalogues per report year', () => {
  it('exists for 2024 to 2026 and for no other year', () => {
    expect(REPORT_YEARS).toEqual([2024, 2025, 2026]);
    expect(() => catalogueFor(2023)).toThrow(RangeError);
    expect(() => catalogueFor(2027)).toThrow(RangeError);
  });

  it.each(REPORT_YEARS)('%i maps every stored code, each category has its German label', (year) => {
    const c = catalogueFor(year);
    const labels = de.statistics.categories;
    const check = (
      raw: readonly string[],
      mapping: Record<string, string | null>,
      categoryLabels: Record<string, string>,
    ) => {
      expect(Object.keys(mapping).sort()).toEqual([...raw].sort());
      for (const category of Object.values(mapping))
        if (category !== null) expect(categoryLabels[category]).toBeTruthy();
    };
    check(SEXES, c.sex, labels.sex);
    check(YES_NO_UNKNOWN, c.foreignOrigin, labels.yesNo);
    check(RESIDENCE_BEFORE, c.residenceBefore, labels.residenceBefore);
    check(ACCOMMODATION, c.accommodation, labels.accommodation);
    check(INITIATED_BY, c.initiatedBy, labels.initiatedBy);
    check(INTAKE_REASONS, c.reasons, labels.reasons);
    check(END_REASONS, c.endReason, labels.endReason);
    for (const reason of c.reasonColumns) expect(labels.reasons[reason]).toBeTruthy();
    expect(c.year).toBe(year);
  });

  it('marks what is not verified, and 2026 as not yet published', () => {
    for (const year of REPORT_YEARS) {
      for (const note of catalogueFor(year).verify) expect(de.statistics.verify[note]).toMatch(/\S/);
    }
    expect(catalogueFor(2025).verify).not.toContain('unpublished');
    expect(catalogueFor(2026).verify).toContain('unpublished');
  });
});
