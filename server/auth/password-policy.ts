import { dictionary } from '@zxcvbn-ts/language-common';

import type { ErrorCode } from '../../shared/i18n/de/errors';
import { OFFICE_IDS } from '../../shared/offices';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;

/**
 * Passwords that come first in every guessing list, plus the ones people in this job would pick. Not a full
 * breach corpus (the server has no network): the length rule does most of the work, this catches the obvious.
 * Compared case-insensitively and after removing separators, so "Passwort-1234" is caught as "passwort1234".
 */
const COMMON = [
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456123456',
  '111111111111',
  '000000000000',
  '123123123123',
  'abcdefghijkl',
  'qwertzuiopü',
  'qwertzuiopas',
  'qwertyuiopas',
  'asdfghjklöä',
  'asdfghjkl123',
  'password1234',
  'password12345',
  'password123456',
  'passwort1234',
  'passwort12345',
  'passwort123456',
  'passwortpasswort',
  'passwordpassword',
  'geheimgeheim',
  'geheim123456',
  'hallohallo12',
  'hallo1234567',
  'willkommen12',
  'willkommen123',
  'willkommen1234',
  'sommer202425',
  'winter202425',
  'fruehling2025',
  'iloveyou1234',
  'letmein12345',
  'admin1234567',
  'administrator',
  'administrator1',
  'adminadmin12',
  'jugendamt123',
  'jugendamt1234',
  'jugendamt2025',
  'bereitschaft',
  'bereitschaft1',
  'bereitschaft123',
  'inobhutnahme',
  'inobhutnahme1',
  'kinderschutz',
  'kinderschutz1',
  'kinderschutz123',
  'obhutobhut12',
  'obhutdemo',
  'obhut1234567',
  'obhutpasswort',
  'segeberg1234',
  'stormarn1234',
  'pinneberg123',
  'norderstedt1',
  'norderstedt12',
  'lauenburg123',
  'schleswigholstein',
  'deutschland1',
  'deutschland12',
  'fussball1234',
  'schalke04schalke',
  'borussia1909',
  'sonnenschein',
  'sonnenschein1',
  'schatzischatzi',
  'mausimausi12',
  'hallowelt123',
  'starwars1234',
  'dragon123456',
  'monkey123456',
  'football1234',
  'baseball1234',
  'superman1234',
  'trustno1trustno1',
  'changeme1234',
  'startstart12',
  'start1234567',
  'zxcvbnm12345',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'qwer1234qwer',
  'abc123abc123',
  'aaaaaaaaaaaa',
] as const;
/**
 * The breach-derived list of zxcvbn-ts (about 49,000 passwords most often found in leaks), compared in the same
 * skeleton form; with the list above for what people in this job pick.
 */
const COMMON_SET = new Set<string>([...COMMON, ...dictionary['passwords-common'].map((p) => skeleton(p))]);

/**
 * Words of the job and the place, which with a number or a season make the passwords guessed first here
 * ("Jugendamt2026!", "Sommer2026Segeberg"): refused when the letters of a password consist of these alone.
 */
const LOCAL_WORDS = new Set<string>([
  'jugendamt',
  'jugend',
  'amt',
  'kreis',
  'kinderschutz',
  'kinder',
  'schutz',
  'inobhutnahme',
  'obhut',
  'bereitschaft',
  'bereitschaftsdienst',
  'dienst',
  'leitung',
  'passwort',
  'password',
  'geheim',
  'willkommen',
  'sommer',
  'winter',
  'herbst',
  'fruehling',
  'frühling',
  'januar',
  'februar',
  'maerz',
  'märz',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'dezember',
  'bad',
  'schleswig',
  'holstein',
  'sh',
  ...OFFICE_IDS.flatMap((id) => id.split('-')),
]);

/** Whether `letters` is nothing but local words strung together ("sommerjugendamt"). */
function onlyLocalWords(letters: string): boolean {
  if (!letters || letters.length > 64) return false;
  const reachable = [true, ...Array<boolean>(letters.length).fill(false)];
  for (let end = 1; end <= letters.length; end++) {
    for (let start = 0; start < end && !reachable[end]; start++) {
      reachable[end] = reachable[start] && LOCAL_WORDS.has(letters.slice(start, end));
    }
  }
  return reachable[letters.length];
}

/** Lowercase, letters and digits only: how passwords are compared with the list and the user name. */
function skeleton(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export type PasswordProblem = Extract<
  ErrorCode,
  'password_too_short' | 'password_too_long' | 'password_contains_username' | 'password_too_common'
>;

/** null if the password may be set for this user; else why not (German message in shared/i18n/de/errors.ts). */
export function checkPasswordPolicy(password: string, username: string): PasswordProblem | null {
  const length = [...password.normalize('NFC')].length; // code points: "ä" is one character
  if (length < PASSWORD_MIN_LENGTH) return 'password_too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'password_too_long';
  const pw = skeleton(password);
  const name = skeleton(username);
  // The user name itself, or any of its parts ("bereitschaft.segeberg" -> "segeberg2025!!" is refused too).
  const nameParts = [
    name,
    ...username
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .map(skeleton),
  ].filter((p) => p.length >= 4);
  if (nameParts.some((part) => pw.includes(part))) return 'password_contains_username';
  if (COMMON_SET.has(pw) || /^(.)\1+$/u.test(pw) || isSequence(pw)) return 'password_too_common';
  // A common password or local words with digits added anywhere ("Password12345!", "Jugendamt2026!").
  const letters = pw.replace(/\p{N}/gu, '');
  if (COMMON_SET.has(letters) || onlyLocalWords(letters)) return 'password_too_common';
  return null;
}

/** "123456789012", "abcdefghijklm", "987654321098": an ascending or descending run (digits wrap around). */
function isSequence(text: string): boolean {
  const codes = [...text].map((c) => c.codePointAt(0)!);
  const isDigit = (c: number) => c >= 48 && c <= 57;
  const follows = (a: number, b: number, step: number) =>
    b - a === step || (isDigit(a) && isDigit(b) && (b - a + 10) % 10 === (step + 10) % 10);
  return [1, -1].some((step) => codes.every((c, i) => i === 0 || follows(codes[i - 1], c, step)));
}
