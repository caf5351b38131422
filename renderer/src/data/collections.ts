import type { RxJsonSchema } from 'rxdb';

import { type Contact, contactRxSchema } from '../../../shared/schema/contact';
import { type Entry, entryRxSchema } from '../../../shared/schema/entry';
import { type Facility, facilityRxSchema } from '../../../shared/schema/facility';
import { type Hold, holdRxSchema } from '../../../shared/schema/hold';
import { type Intake, intakeRxSchema } from '../../../shared/schema/intake';
import {
  contactConflictHandler,
  entryConflictHandler,
  facilityConflictHandler,
  holdConflictHandler,
  intakeConflictHandler,
} from './conflict-handler';
import { contactMigrations } from './migrations/contact';
import { facilityMigrations } from './migrations/facility';
import { holdMigrations } from './migrations/hold';
import { intakeMigrations } from './migrations/intake';
import { rejectionSchema } from './rejections';

/** The collections of the local database. Each costs one of the 13 RxDB allows per process (free tier). */
export const COLLECTIONS = {
  intakes: {
    schema: intakeRxSchema as unknown as RxJsonSchema<Intake>,
    conflictHandler: intakeConflictHandler,
    migrationStrategies: intakeMigrations,
  },
  entries: {
    schema: entryRxSchema as unknown as RxJsonSchema<Entry>,
    conflictHandler: entryConflictHandler,
  },
  facilities: {
    schema: facilityRxSchema as unknown as RxJsonSchema<Facility>,
    conflictHandler: facilityConflictHandler,
    migrationStrategies: facilityMigrations,
  },
  holds: {
    schema: holdRxSchema as unknown as RxJsonSchema<Hold>,
    conflictHandler: holdConflictHandler,
    migrationStrategies: holdMigrations,
  },
  contacts: {
    schema: contactRxSchema as unknown as RxJsonSchema<Contact>,
    conflictHandler: contactConflictHandler,
    migrationStrategies: contactMigrations,
  },
  rejections: { schema: rejectionSchema },
};
