/** Deeper than any document of Obhut nests (intake: 4 levels); far below where recursion would break. */
export const MAX_JSON_DEPTH = 32;

/** A NUL, or half of a surrogate pair (JSON text can encode one as an escape; PostgreSQL refuses both). */
// eslint-disable-next-line no-control-regex -- NUL is exactly what PostgreSQL text cannot hold
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether a parsed JSON body can be handled and stored: not nested deeper than MAX_JSON_DEPTH (JSON.stringify,
 * validators and PostgreSQL recurse) and no NUL or lone surrogate in any string or key (PostgreSQL's text and
 * jsonb refuse them: they would fail at the database instead of being refused up front). Iterative, so a
 * hostile body can't overflow it.
 */
export function isStorableJson(body: unknown): boolean {
  const stack: [unknown, number][] = [[body, 0]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (typeof value === 'string') {
      if (UNSTORABLE.test(value)) return false;
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_JSON_DEPTH) return false;
    if (Array.isArray(value)) {
      for (const item of value) stack.push([item, depth + 1]);
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      if (UNSTORABLE.test(key)) return false;
      stack.push([item, depth + 1]);
    }
  }
  return true;
}
