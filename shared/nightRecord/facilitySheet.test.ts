import { describe, expect, it } from 'vitest';

import { de } from '../i18n';
import {
  FACILITY_SHEET_SECTIONS,
  type FacilitySheet,
  facilitySheetOf,
  type FacilitySheetSource,
} from './facilitySheet';

const ADMITTED_AT = Date.UTC(2026, 2, 29, 1, 30); // Sun 29.03.2026 03:30 Berlin, the night clocks go forward

const record = (overrides: Partial<FacilitySheetSource> = {}): FacilitySheetSource => ({
  officeId: 'segeberg',
  child: { firstName: 'Amir', lastName: 'Beispiel', claimedAge: 16, estimatedAge: 16 },
  placement: { facilityName: 'Jugendschutzhaus Norderstedt (fiktiv)', admittedAt: ADMITTED_AT },
  transport: {
    belongings: 'Rucksack, Handy',
    medication: 'Salbutamol-Spray',
    insuranceCard: false,
    documents: 'Kopie der Registrierung',
  },
  health: {
    insurer: 'noch ungeklärt (Leistungen nach § 40 SGB VIII)',
    allergies: 'Penicillin',
    medicationPlan: 'Salbutamol 2 Hübe bei Atemnot, höchstens 4× täglich',
    injuries: 'Schürfwunde am linken Unterarm',
    injuriesPhotographed: true,
    photographedBy: 'Fachkraft Jana Fiktiv',
    medicalExamination: 'Kinderärztliche Untersuchung vereinbart',
    medicalExaminationAt: ADMITTED_AT + 6 * 3_600_000,
    medicalExaminationConsent: 'Jugendlicher mündlich, mit Dolmetscher',
    contactAllowed: 'Bruder (fiktiv), telefonisch',
    contactForbidden: 'Begleitperson aus der Unterkunft',
    locationSecret: true,
    locationSecretReason: 'Hinweise auf Menschenhandel',
    pickupForbidden: 'Begleitperson aus der Unterkunft',
  },
  handover: { caseworker: 'Herr Muster (ASD Nord)' },
  ...overrides,
});

const value = (sheet: FacilitySheet, field: string) =>
  sheet.sections.flatMap((s) => s.rows).find((r) => r.field === field)?.value;

describe('Aufnahmeblatt für die Einrichtung (§ 42 Abs. 2 S. 3 SGB VIII)', () => {
  it('§ 42 Abs. 2 S. 3 SGB VIII: the sheet has the health, injury, examination, contact and handed-over sections in order', () => {
    const sheet = facilitySheetOf(record());
    expect(sheet.title).toBe(de.facilitySheet.title);
    expect(sheet.sections.map((s) => s.key)).toEqual([...FACILITY_SHEET_SECTIONS]);
    expect(sheet.sections.map((s) => s.heading)).toEqual(
      FACILITY_SHEET_SECTIONS.map((k) => de.facilitySheet.sections[k]),
    );
  });

  it('§ 42 Abs. 2 S. 3 SGB VIII: insurer, allergies, medication with dosage and times, injuries with who photographed them', () => {
    const sheet = facilitySheetOf(record());
    expect(value(sheet, 'health.insurer')).toBe('noch ungeklärt (Leistungen nach § 40 SGB VIII)');
    expect(value(sheet, 'transport.insuranceCard')).toBe('Nein');
    expect(value(sheet, 'health.allergies')).toBe('Penicillin');
    expect(value(sheet, 'health.medicationPlan')).toBe('Salbutamol 2 Hübe bei Atemnot, höchstens 4× täglich');
    expect(value(sheet, 'transport.medication')).toBe('Salbutamol-Spray');
    expect(value(sheet, 'health.injuries')).toBe('Schürfwunde am linken Unterarm');
    expect(value(sheet, 'health.injuriesPhotographed')).toBe('Ja');
    expect(value(sheet, 'health.photographedBy')).toBe('Fachkraft Jana Fiktiv');
  });

  it('§ 42 Abs. 2 S. 3 SGB VIII: the examination with its consent; times in Berlin across the spring clock change', () => {
    const sheet = facilitySheetOf(record());
    // 01:30 UTC on 29.03.2026 is 03:30 CEST (the clock went from 02:00 to 03:00); six hours later 09:30.
    expect(value(sheet, 'placement.admittedAt')).toBe('29.03.2026 03:30');
    expect(value(sheet, 'health.medicalExaminationAt')).toBe('29.03.2026 09:30');
    expect(value(sheet, 'health.medicalExaminationConsent')).toBe('Jugendlicher mündlich, mit Dolmetscher');
  });

  it('§ 42 Abs. 2 S. 3 SGB VIII: who may and may not have contact, a secret location and forbidden pick-ups are alerts on top', () => {
    const sheet = facilitySheetOf(record());
    expect(value(sheet, 'health.contactAllowed')).toBe('Bruder (fiktiv), telefonisch');
    expect(value(sheet, 'health.locationSecret')).toBe('Ja');
    expect(value(sheet, 'health.locationSecretReason')).toBe('Hinweise auf Menschenhandel');
    expect(sheet.alerts).toEqual([
      de.facilitySheet.alerts.locationSecret,
      de.facilitySheet.alerts.contactForbidden('Begleitperson aus der Unterkunft'),
      de.facilitySheet.alerts.pickupForbidden('Begleitperson aus der Unterkunft'),
    ]);
  });

  it('§ 42 Abs. 2 S. 3 SGB VIII: a fact not recorded keeps its row without a value, so it prints as "nicht erfasst", never as "keine"', () => {
    const sheet = facilitySheetOf(record({ health: undefined, transport: undefined }));
    const rows = sheet.sections.find((s) => s.key === 'health')!.rows;
    expect(rows.map((r) => r.field)).toEqual([
      'health.insurer',
      'transport.insuranceCard',
      'health.allergies',
      'health.medicationPlan',
      'transport.medication',
    ]);
    expect(rows.every((r) => r.value === undefined)).toBe(true);
    expect(sheet.alerts).toEqual([]);
  });

  it('shows the claimed and estimated age only while the birth date is unknown', () => {
    expect(value(facilitySheetOf(record()), 'child.claimedAge')).toBe('16 Jahre');
    const known = facilitySheetOf(
      record({ child: { firstName: 'A', lastName: 'B', birthDate: '2010-02-28', claimedAge: 16 } }),
    );
    expect(value(known, 'child.birthDate')).toBe('28.02.2010');
    expect(value(known, 'child.claimedAge')).toBeUndefined();
  });
});
