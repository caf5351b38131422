import { errors } from '../../shared/i18n/de/errors';
import { checkPasswordPolicy, PASSWORD_MIN_LENGTH } from './password-policy';

describe('password policy', () => {
  it('accepts a long passphrase that has nothing to do with the user', () => {
    expect(checkPasswordPolicy('Leuchtturm am Deich 7', 'bereitschaft.segeberg')).toBeNull();
    expect(checkPasswordPolicy('wolkig-Elbe-Fähre-42', 'anna.schmidt')).toBeNull();
  });

  it('needs at least 12 characters, counting an umlaut as one', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(checkPasswordPolicy('Kurz!Pass1', 'anna')).toBe('password_too_short');
    expect(checkPasswordPolicy('Fähre-Elb-42', 'anna')).toBeNull(); // 12 code points
    expect(checkPasswordPolicy('Fa\u0308hre-Elb-4', 'anna')).toBe('password_too_short'); // 11 after NFC
    expect(checkPasswordPolicy('x'.repeat(1025), 'anna')).toBe('password_too_long');
  });

  it('refuses the user name and its parts, whatever the case or separators', () => {
    expect(checkPasswordPolicy('bereitschaft.segeberg', 'bereitschaft.segeberg')).toBe('password_contains_username');
    expect(checkPasswordPolicy('BEREITSCHAFT-SEGEBERG!', 'bereitschaft.segeberg')).toBe('password_contains_username');
    expect(checkPasswordPolicy('Segeberg-Deich-2025', 'bereitschaft.segeberg')).toBe('password_contains_username');
    expect(checkPasswordPolicy('mein name ist Schmidt', 'anna.schmidt')).toBe('password_contains_username');
  });

  it('refuses common passwords and trivial patterns, also with separators and capitals', () => {
    for (const pw of [
      'Passwort1234',
      'passwort-1234',
      'Password1234',
      'Kinderschutz!',
      '123456789012',
      'aaaaaaaaaaaaaa',
      'abcdefghijklmn',
      '987654321098',
      'Jugendamt2025',
      'Jugendamt2026!',
      'Sommer2026Segeberg',
      'Winter-2025-Norderstedt',
      'Kreis Stormarn 2026',
      'Password12345!',
      'Dragonball2026',
      'Bereitschaftsdienst',
    ]) {
      expect(checkPasswordPolicy(pw, 'anna'), pw).toBe('password_too_common');
    }
  });

  it('keeps passphrases of ordinary words, which no list catches', () => {
    for (const pw of [
      'Leuchtturm am Deich 7',
      'wolkig-Elbe-Fähre-42',
      'Krabbenbrot mit Dill 9',
      'Segeln auf der Trave',
    ]) {
      expect(checkPasswordPolicy(pw, 'anna'), pw).toBeNull();
    }
  });

  it('has a German message for every problem', () => {
    for (const code of [
      'password_too_short',
      'password_too_long',
      'password_contains_username',
      'password_too_common',
    ] as const) {
      expect(errors[code]).toMatch(/Passwort/);
    }
  });
});
