import { de } from '../../../../shared/i18n';
import { contactOwnersFor } from '../../../../shared/rules/contacts';
import {
  type AvailabilityKind,
  type Contact,
  type ContactCategory,
  type ContactOwner,
  contactProblems,
} from '../../../../shared/schema/contact';
import { formatDateTimeText, parseDateTimeText } from '../../app/inputs/german-date-text';
import type { ContactInput } from '../../data/contacts';
import { newId } from '../../data/intakes';

/** The editor's values: texts as typed, turned into an entry on save. */
export type ContactFormValues = {
  officeId: ContactOwner;
  name: string;
  category: ContactCategory;
  /** Comma-separated, as typed. */
  languages: string;
  phones: { id: string; label: string; number: string }[];
  availability: AvailabilityKind;
  from: string;
  to: string;
  areas: string[];
  areaNote: string;
  notes: string;
  /** datetime-local values (Berlin); both empty for a standing number. */
  validFrom: string;
  validTo: string;
};

const f = de.contacts.fields;
const PHONE = /^\+?[0-9][0-9 ()/-]*[0-9]$/;

export function emptyContactValues(owner: ContactOwner): ContactFormValues {
  return {
    officeId: owner,
    name: '',
    category: 'office_duty',
    languages: '',
    phones: [{ id: newId(), label: '', number: '' }],
    availability: 'always',
    from: '',
    to: '',
    areas: [],
    areaNote: '',
    notes: '',
    validFrom: '',
    validTo: '',
  };
}

export function contactValuesOf(c: Contact): ContactFormValues {
  return {
    officeId: c.officeId,
    name: c.name,
    category: c.category,
    languages: c.languages.join(', '),
    phones: c.phones.map((p) => ({ id: p.id, label: p.label ?? '', number: p.number })),
    availability: c.availability.kind,
    from: c.availability.from ?? '',
    to: c.availability.to ?? '',
    areas: [...c.areas],
    areaNote: c.areaNote ?? '',
    notes: c.notes,
    validFrom: c.validFrom === undefined ? '' : formatDateTimeText(c.validFrom),
    validTo: c.validTo === undefined ? '' : formatDateTimeText(c.validTo),
  };
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').replace(/@/g, '').trim();

export function contactInputOf(v: ContactFormValues): ContactInput {
  const validFrom = parseDateTimeText(v.validFrom, Date.now()) ?? undefined;
  const validTo = parseDateTimeText(v.validTo, Date.now()) ?? undefined;
  const areaNote = oneLine(v.areaNote);
  const weekdays = v.availability === 'weekdays';
  return {
    officeId: v.officeId,
    name: oneLine(v.name),
    category: v.category,
    languages: [...new Set(v.languages.split(',').map(oneLine).filter(Boolean))],
    phones: v.phones
      .filter((p) => p.number.trim())
      .map((p) => ({ id: p.id, number: p.number.trim(), ...(oneLine(p.label) ? { label: oneLine(p.label) } : {}) })),
    availability: {
      kind: v.availability,
      ...(weekdays && v.from ? { from: v.from } : {}),
      ...(weekdays && v.to ? { to: v.to } : {}),
    },
    areas: v.areas as Contact['areas'],
    ...(areaNote ? { areaNote } : {}),
    notes: v.notes.trim(),
    ...(validFrom !== undefined ? { validFrom } : {}),
    ...(validTo !== undefined ? { validTo } : {}),
  };
}

/** Field -> German message; empty when the server would accept the entry as far as the form can tell. */
export function validateContact(
  v: ContactFormValues,
  user: { officeId: string; roles: readonly string[] },
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!contactOwnersFor(user).includes(v.officeId)) errors.officeId = de.errors.forbidden;
  if (!oneLine(v.name)) errors.name = `${f.name}: ${de.errors.validation_failed}`;
  const numbers = v.phones.filter((p) => p.number.trim());
  if (numbers.length === 0) errors['phones.0.number'] = `${f.phones}: ${de.errors.validation_failed}`;
  v.phones.forEach((p, i) => {
    if (p.number.trim() && !PHONE.test(p.number.trim())) errors[`phones.${i}.number`] = de.errors.validation_failed;
  });
  if (v.validFrom && parseDateTimeText(v.validFrom, Date.now()) === null)
    errors.validFrom = de.errors.validation_failed;
  if (v.validTo && parseDateTimeText(v.validTo, Date.now()) === null) errors.validTo = de.errors.validation_failed;
  const input = contactInputOf(v);
  for (const problem of contactProblems(input)) {
    const field = problem.startsWith('validity') ? 'validTo' : 'to';
    errors[field] = de.contacts.problems[problem];
  }
  return errors;
}
