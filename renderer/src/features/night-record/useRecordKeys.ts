import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';

import type { SectionSpec } from '../../record/fields';
import { APP_HEADER_PX, focusNextMissing, focusSection } from './record-focus';

type KeyActions = {
  close: () => Promise<void>;
  visible: readonly SectionSpec[];
  missingNow: () => readonly string[];
};

/**
 * Enter never leaves the record (out of habit it ended a field and threw the worker back to the list); Ctrl+Enter
 * does, from anywhere, also when the focus has left the form (e.g. after submitting). Esc is left to dialogs and
 * menus. Alt+1 … 9 jump to a section's first field, Alt+N to the next field still missing.
 */
export function useRecordKeys(actions: KeyActions): void {
  const keysRef = useRef(actions);
  useLayoutEffect(() => {
    keysRef.current = actions;
  });
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.defaultPrevented) return;
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void keysRef.current.close();
        return;
      }
      if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyN') {
        e.preventDefault();
        focusNextMissing(keysRef.current.missingNow());
        return;
      }
      const digit = e.altKey && !e.ctrlKey && !e.metaKey ? /^Digit([1-9])$/.exec(e.code) : null;
      const section = digit ? keysRef.current.visible[Number(digit[1]) - 1] : undefined;
      if (section) {
        e.preventDefault();
        focusSection(section.id, 'field');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/**
 * A returned record opens at the supervisor's comment, one with conflicts at the conflicts panel: what the worker
 * must see first, once per record (opensAt: the element's id, or null to leave the cursor in the first field).
 */
export function useOpenAt(id: string, loaded: boolean, opensAt: string | null): void {
  const openedAt = useRef<string | null>(null);
  useEffect(() => {
    if (!loaded || openedAt.current === id) return;
    openedAt.current = id;
    const target = opensAt ? document.getElementById(opensAt) : null;
    target?.focus({ preventScroll: true });
    target?.scrollIntoView?.({ block: 'start' });
  }, [loaded, id, opensAt]);
}

/**
 * The record's own header is sticky below the app's: whatever is scrolled to (a jump, a focused field) must land
 * below both, so the page's scroll padding follows the header's height while the record is open.
 */
export function useStickyScrollPadding(stickyRef: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = stickyRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const root = document.documentElement;
    const update = () => {
      root.style.scrollPaddingTop = `${APP_HEADER_PX + el.offsetHeight + 12}px`;
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.style.scrollPaddingTop = '';
    };
  }, [stickyRef]);
}
