import { makeIntake } from '../../test/support/api';
import { collectionByName } from './collections';

const intakes = collectionByName('intakes')!;

describe('intake validation messages', () => {
  it('accepts a valid intake', () => {
    expect(intakes.validate(makeIntake('segeberg'))).toBeNull();
  });

  it('names an unknown field', () => {
    expect(intakes.validate({ ...makeIntake('segeberg'), religion: 'x' })).toEqual({
      code: 'unknown_field',
      message: 'Der Datensatz enthält ein Feld, das diese Version nicht kennt: religion.',
    });
  });

  it('names wrong and missing fields by their German labels', () => {
    const doc = makeIntake('segeberg');
    const { firstName: _omit, ...child } = doc.child;
    expect(intakes.validate({ ...doc, updatedAt: 'gestern', child })).toEqual({
      code: 'validation_failed',
      message: 'Der Datensatz ist unvollständig oder fehlerhaft: Geändert am, Vorname.',
    });
  });

  it('reports a bad entry of a list as the list field', () => {
    const doc = makeIntake('segeberg', {
      conflicts: [{ id: 'c1', field: 'situation', value: '"x"', by: 'u', at: -1 }],
    });
    expect(intakes.validate(doc)?.message).toBe('Der Datensatz ist unvollständig oder fehlerhaft: Konflikte.');
  });

  it('refuses text PostgreSQL cannot store (NUL, lone surrogates) as invalid, not as a server error', () => {
    expect(intakes.validate(makeIntake('segeberg', { situation: 'a\u0000b' }))?.code).toBe('validation_failed');
    expect(intakes.validate(makeIntake('segeberg', { situation: 'a\ud800b' }))?.code).toBe('validation_failed');
    expect(intakes.validate(makeIntake('segeberg', { situation: 'Emoji 🙂 ok' }))).toBeNull();
  });

  it('lists what is missing before a submit', () => {
    const doc = makeIntake('segeberg', {
      status: 'submitted',
      situation: ' ',
      child: { firstName: 'A', lastName: 'B' },
    });
    expect(intakes.checkChange(doc, undefined)).toEqual({
      code: 'incomplete_submission',
      message: 'Zur Vorlage fehlen noch Angaben: Geburtsdatum oder geschätztes Alter, Situation (kurz).',
    });
  });
});
