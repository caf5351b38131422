import type { DocumentTemplate } from '../template';
import { antragFamiliengericht } from './antrag-familiengericht';
import { bescheidInobhutnahme } from './bescheid-inobhutnahme';

/** The documents a record can produce, in the order of the buttons. */
export const DOCUMENT_TEMPLATES: readonly DocumentTemplate[] = [bescheidInobhutnahme, antragFamiliengericht];
