import type { KeyboardEvent } from 'react';

/**
 * The keyboard of a list whose table rows are focusable (tabIndex 0): Enter or Space opens the row, the arrow keys
 * move the focus to the row above or below. Used by the review queue and the obligations dashboard.
 */
export function onRowKeyDown(e: KeyboardEvent<HTMLElement>, open: () => void): void {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    open();
    return;
  }
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  e.preventDefault();
  const row = e.currentTarget;
  const next = e.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling;
  if (next instanceof HTMLElement) next.focus();
}
