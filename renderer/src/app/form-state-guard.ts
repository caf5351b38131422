/**
 * Chromium keeps what is typed into form fields on disk: in the session files (to restore a tab's form state) and
 * in the autofill database. Neither may ever hold a child's name or the note of a night (the stolen-laptop
 * test, test/e2e/security-stolen-laptop.test.ts, found a note in the session files). Blink saves neither for a
 * field marked autocomplete="off", so every text field without its own autocomplete value gets it, including
 * those that appear later: a field a feature forgets cannot leak.
 */
const FIELDS = 'input:not([autocomplete]), textarea:not([autocomplete])';

function guard(root: ParentNode) {
  for (const el of Array.from(root.querySelectorAll(FIELDS))) el.setAttribute('autocomplete', 'off');
}

export function guardFormState(root: HTMLElement): () => void {
  guard(root);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) {
        if (!(node instanceof Element)) continue;
        if (node.matches(FIELDS)) node.setAttribute('autocomplete', 'off');
        guard(node);
      }
      // A re-render that removed the attribute (React sets what the component says; absence is removal).
      if (record.type === 'attributes' && record.target instanceof Element && record.target.matches(FIELDS)) {
        record.target.setAttribute('autocomplete', 'off');
      }
    }
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['autocomplete'] });
  return () => observer.disconnect();
}
