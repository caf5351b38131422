import { app } from './de/app';
import { audit } from './de/audit';
import { contacts } from './de/contacts';
import { deadlines } from './de/deadlines';
import { desktop } from './de/desktop';
import { documents } from './de/documents';
import { domain } from './de/domain';
import { errors } from './de/errors';
import { facilitySheet } from './de/facilitySheet';
import { nightRecord } from './de/nightRecord';
import { obligations } from './de/obligations';
import { overview } from './de/overview';
import { placement } from './de/placement';
import { privacy } from './de/privacy';
import { problems } from './de/problems';
import { relatedRecords } from './de/relatedRecords';
import { report } from './de/report';
import { review } from './de/review';
import { security } from './de/security';
import { statistics } from './de/statistics';

/** The one German catalogue of every string users see. A second locale would mirror this shape. */
export const de = {
  ...domain,
  app,
  audit,
  errors,
  deadlines,
  placement,
  nightRecord,
  review,
  report,
  facilitySheet,
  documents,
  desktop,
  security,
  statistics,
  obligations,
  overview,
  problems,
  contacts,
  relatedRecords,
  privacy,
} as const;
export type Catalogue = typeof de;
export type { ErrorCode } from './de/errors';
