import { OFFICE_IDS } from '../../shared/offices';

/** The office a listing is asked for; without it, every office the caller's scope covers (officesFor). */
export const officeQuery = { type: 'object', properties: { officeId: { type: 'string', enum: OFFICE_IDS } } } as const;
