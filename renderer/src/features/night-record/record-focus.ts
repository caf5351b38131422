import { inputId } from '../../record/fields';

/** The app's sticky header (Session.tsx). */
export const APP_HEADER_PX = 56;

/** A section jumped to: its heading (links), or its first field (Alt+digit, to type at once). */
export function focusSection(sectionId: string, what: 'heading' | 'field'): void {
  const section = document.getElementById(`section-${sectionId}`);
  const target =
    what === 'heading'
      ? document.getElementById(`section-${sectionId}-title`)
      : section?.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea:not([disabled])');
  target?.focus({ preventScroll: true });
  (what === 'heading' ? section : target)?.scrollIntoView?.({ block: what === 'heading' ? 'start' : 'nearest' });
}

/** The element that takes the cursor for a field path: its input, a group's first box, a list's add button. */
function fieldTarget(path: string): HTMLElement | null {
  const id = inputId(path);
  const el = document.getElementById(id);
  return el && ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON'].includes(el.tagName)
    ? el
    : document.getElementById(`${id}-first`);
}

/** Focuses the input of a field path (the missing list's links); a group of checkboxes by its first box. */
export function focusField(path: string): void {
  const target = fieldTarget(path);
  target?.focus();
  target?.scrollIntoView?.({ block: 'center' });
}

/**
 * Alt+N: the next field still missing for "Zur Prüfung vorlegen" after the cursor, in the order of the form (then
 * from the top); when nothing is missing, the button itself. The night's path through the record without Tab runs.
 */
export function focusNextMissing(missing: readonly string[]): void {
  const active = document.activeElement;
  // The field being left counts as done: a choice typed there is taken as the cursor leaves it.
  const targets = missing
    .map(fieldTarget)
    .filter((el): el is HTMLElement => el !== null && el !== active && !el.hasAttribute('disabled'));
  if (targets.length === 0) {
    document.querySelector<HTMLElement>('[data-testid="submit"]')?.focus();
    return;
  }
  const after = (el: HTMLElement) =>
    active !== null && (active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  const ordered = targets.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const next = ordered.find(after) ?? ordered[0];
  next.focus({ preventScroll: true });
  next.scrollIntoView?.({ block: 'center' });
}
