import type { FromSchema } from 'json-schema-to-ts';

import { docId, timestampMs, userRef } from './common';

/**
 * The legal bases under which entrusted data (§ 65 Abs. 1 S. 1 SGB VIII) may be passed on: Nr. 1 the consent of
 * the person who entrusted it, Nr. 2 the family court (§ 8a Abs. 2), Nr. 3 the worker who takes over the case on a
 * change of responsibility where the child's welfare is at risk, Nr. 4 the Fachkräfte consulted for the risk
 * assessment (§ 8a), Nr. 5 where a person named in § 203 StGB would be authorised. Which basis opens which
 * disclosure is decided in shared/privacy/entrusted.ts.
 */
export const ENTRUSTED_BASES = [
  'nr1_consent',
  'nr2_family_court',
  'nr3_responsibility',
  'nr4_risk',
  'nr5_stgb',
] as const;
export type EntrustedBasis = (typeof ENTRUSTED_BASES)[number];

/**
 * One marking "anvertraut" on a night record: a field (`situation` or `section.field`) or a log line (`entryId`),
 * who entrusted it, and the legal basis once one is recorded. `withheld` is set by the server only, in the copy an
 * office receives that may not read the content (the record then shows that something was withheld).
 */
export const entrustedMark = {
  type: 'object',
  properties: {
    id: docId,
    field: { type: 'string', minLength: 1, maxLength: 200, pattern: '^(situation|[A-Za-z]+\\.[A-Za-z]+)$' },
    entryId: docId,
    from: { type: 'string', maxLength: 300 },
    markedBy: userRef,
    markedAt: timestampMs,
    basis: { type: 'string', enum: ENTRUSTED_BASES },
    basisNote: { type: 'string', maxLength: 2000 },
    basisBy: userRef,
    basisAt: timestampMs,
    withheld: { type: 'boolean' },
  },
  required: ['id', 'markedBy', 'markedAt'],
  additionalProperties: false,
} as const;

export type EntrustedMark = FromSchema<typeof entrustedMark>;
