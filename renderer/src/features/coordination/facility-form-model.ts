import { de } from '../../../../shared/i18n';
import type { OfficeId } from '../../../../shared/offices';
import {
  DEFAULT_HOLD_EXPIRY_HOURS,
  type Exclusion,
  type Facility,
  type FacilityArea,
  facilityProblems,
  type FacilityType,
  type Specialisation,
} from '../../../../shared/schema/facility';
import type { FacilityInput } from '../../data/facilities';

const v = de.app.coordination.facilities;
type Sex = Facility['sexes'][number];

/** The inputs of the facility form (numbers as numbers, optional street as text). */
export type FacilityFormValues = {
  name: string;
  provider: string;
  officeId: OfficeId;
  type: FacilityType;
  area: FacilityArea;
  street: string;
  postalCode: string;
  town: string;
  dutyPhone: string;
  ageMin: number;
  ageMax: number;
  sexes: Sex[];
  /** Places of the mother-and-child room, 0 = none. */
  motherChildPlaces: number;
  siblingGroupMax: number;
  specialisations: Specialisation[];
  exclusions: Exclusion[];
  totalPlaces: number;
  holdExpiryHours: number;
  /** Only for a new facility: its first report. */
  initialFree: number;
};

export function emptyFacilityValues(officeId: OfficeId): FacilityFormValues {
  return {
    name: '',
    provider: '',
    officeId,
    type: 'inobhutnahme',
    area: officeId,
    street: '',
    postalCode: '',
    town: '',
    dutyPhone: '',
    ageMin: 0,
    ageMax: 17,
    sexes: ['male', 'female', 'diverse'],
    motherChildPlaces: 0,
    siblingGroupMax: 1,
    specialisations: [],
    exclusions: [],
    totalPlaces: 1,
    holdExpiryHours: DEFAULT_HOLD_EXPIRY_HOURS,
    initialFree: 0,
  };
}

export function facilityValuesOf(f: Facility): FacilityFormValues {
  const {
    id: _id,
    updatedAt: _u,
    updatedBy: _b,
    freeReports: _r,
    motherChildFreeReports: _m,
    conflicts: _c,
    address,
    ...rest
  } = f;
  void [_id, _u, _b, _r, _m, _c];
  return {
    ...rest,
    sexes: [...rest.sexes],
    specialisations: [...rest.specialisations],
    exclusions: [...rest.exclusions],
    street: address.street ?? '',
    postalCode: address.postalCode,
    town: address.town,
    initialFree: 0,
  };
}

/** The document fields from the form; texts trimmed, an empty street left out. */
export function facilityInputOf(values: FacilityFormValues): FacilityInput {
  const { street, postalCode, town, initialFree: _free, ...rest } = values;
  void _free;
  const trimmedStreet = street.trim();
  return {
    ...rest,
    name: rest.name.trim(),
    provider: rest.provider.trim(),
    dutyPhone: rest.dutyPhone.trim(),
    address: { ...(trimmedStreet ? { street: trimmedStreet } : {}), postalCode: postalCode.trim(), town: town.trim() },
  };
}

/** One line, no "@", as the schema's pattern for facility texts (shared/schema/facility.ts). */
const SHORT_TEXT = /^[^\s@]([^@\r\n\t]*[^\s@])?$/;
const PHONE = /^\+?[0-9][0-9 ()/-]*[0-9]$/;

/**
 * What the schema and the server would refuse, said in German at the field: the same rules, checked before the
 * write so that the coordinator is not told later through a rejection.
 */
export function validateFacility(
  values: FacilityFormValues,
  isNew: boolean,
): Partial<Record<keyof FacilityFormValues, string>> {
  const errors: Partial<Record<keyof FacilityFormValues, string>> = {};
  const text = (key: 'name' | 'provider' | 'town', max: number) => {
    const value = values[key].trim();
    if (!value) errors[key] = v.required;
    else if (!SHORT_TEXT.test(value) || value.length > max) errors[key] = v.invalidText;
  };
  text('name', 80);
  text('provider', 80);
  text('town', 60);
  const street = values.street.trim();
  if (street && values.type === 'bereitschaftspflege') errors.street = v.noStreetForFoster;
  else if (street && (!SHORT_TEXT.test(street) || street.length > 80)) errors.street = v.invalidText;
  if (!/^[0-9]{5}$/.test(values.postalCode.trim())) errors.postalCode = v.invalidPostalCode;
  const phone = values.dutyPhone.trim();
  if (!PHONE.test(phone) || phone.length < 6 || phone.length > 30) errors.dutyPhone = v.invalidPhone;
  if (values.sexes.length === 0) errors.sexes = v.atLeastOneSex;
  const free = isNew ? values.initialFree : 0;
  for (const problem of facilityProblems({
    ageMin: values.ageMin,
    ageMax: values.ageMax,
    totalPlaces: values.totalPlaces,
    freeReports: [{ id: 'form', free, reportedAt: 0, reportedBy: 'form' }],
  })) {
    if (problem === 'age_range_inverted') errors.ageMax = de.placement.facilityProblems[problem];
    else errors.initialFree = de.placement.facilityProblems[problem];
  }
  return errors;
}
