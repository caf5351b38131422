import type { MigrationStrategies } from 'rxdb';

/**
 * RxDB migration of stored intakes, one function per schema version (shared/schema/intake.ts).
 * 1: the night record's sections were added, all optional: a record of the walking skeleton is a valid draft of
 *    the night record as it is. Its status stays: a record submitted under the smaller rules stays submitted
 *    (shared/nightRecord/submit.ts lets it be corrected without reopening it).
 * 2: the optional morning review was added; a stored record has none yet, i.e. it is "neu".
 * 3: optional facts of the legal duties (custody, health sheet, § 42a-f) and two sections (custody, health) were
 *    added; a stored record is valid as it is and simply lacks them. Its old codes all stay in the catalogues.
 * 4: the optional markings of entrusted data (§ 65 SGB VIII); a stored record has none.
 * 5: two optional sections (earlier intakes ruled out or counted, the group of children taken in together); a
 *    stored record has neither: it was matched against no earlier record and belongs to no group.
 * 6: a conflict may name the devices and who wrote the value that stayed; a stored conflict names neither (the
 *    panel says so), and the server stamps them on conflicts recorded from now on.
 */
export const intakeMigrations: MigrationStrategies = {
  1: (doc: Record<string, unknown>) => doc,
  2: (doc: Record<string, unknown>) => doc,
  3: (doc: Record<string, unknown>) => doc,
  4: (doc: Record<string, unknown>) => doc,
  5: (doc: Record<string, unknown>) => doc,
  6: (doc: Record<string, unknown>) => doc,
};
