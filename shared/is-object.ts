/** A JSON object - not null, not an array: what a document, a section of it or an item of a list is. */
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
