import type { OfficeId } from '../offices';

/**
 * The 24/7 numbers of the five offices' Bereitschaftsdienst, shown when holds of two offices collide so that the
 * workers can call each other (issue 4): a number, never case data. Fictional demo numbers (555 range); the real
 * ones come with each office's configuration.
 */
export const OFFICE_DUTY_PHONES: Record<OfficeId, string> = {
  segeberg: '04551 555-0100',
  stormarn: '04531 555-0100',
  'herzogtum-lauenburg': '04541 555-0100',
  pinneberg: '04121 555-0199',
  norderstedt: '040 555-0199',
};
