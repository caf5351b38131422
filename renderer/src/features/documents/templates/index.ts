import type { DocumentTemplate } from '../template';
import { antragFamiliengericht } from './antrag-familiengericht';
import { aufnahmeblattEinrichtung } from './aufnahmeblatt-einrichtung';
import { bescheidInobhutnahme } from './bescheid-inobhutnahme';
import { kostenzusageEinrichtung } from './kostenzusage-einrichtung';
import { meldungLandesstelle } from './meldung-landesstelle';
import { mitteilungSchule } from './mitteilung-schule';

/** The documents a record can produce, in the order of the buttons. */
export const DOCUMENT_TEMPLATES: readonly DocumentTemplate[] = [
  bescheidInobhutnahme,
  antragFamiliengericht,
  meldungLandesstelle,
  kostenzusageEinrichtung,
  aufnahmeblattEinrichtung,
  mitteilungSchule,
];
