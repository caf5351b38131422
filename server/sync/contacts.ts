import { contacts as labels } from '../../shared/i18n/de/contacts';
import { mayWriteContact } from '../../shared/rules/contacts';
import { contactProblems, type ContactWire, contactWireSchema } from '../../shared/schema/contact';
import type { CollectionDef } from './collections';
import { compileValidator, type Invalid } from './validate';

const validate = compileValidator(contactWireSchema, labels.fields);

/**
 * `contacts`, the night directory: read by every Verbund user; an office's supervisors and admins keep their
 * office's entries, the coordination the Verbund-wide ones (shared/rules/contacts.ts). An entry names its last
 * writer, who must be the caller.
 */
export const contacts: CollectionDef = {
  name: 'contacts',
  validate,
  readScope: () => 'all',
  checkWrite(user, nextDoc, storedDoc) {
    const next = nextDoc as ContactWire;
    if (!mayWriteContact(user, next.officeId)) return next.officeId === user.officeId ? 'forbidden' : 'other_office';
    if (storedDoc && !mayWriteContact(user, storedDoc.officeId)) return 'other_office';
    if (next.updatedBy !== user.id) return 'author_mismatch';
    return null;
  },
  checkChange(nextDoc) {
    const next = nextDoc as ContactWire;
    if (next._deleted) return null;
    const problems = contactProblems(next);
    if (problems.length === 0) return null;
    const invalid: Invalid = {
      code: 'validation_failed',
      message: problems.map((p) => labels.problems[p]).join(' '),
    };
    return invalid;
  },
};
