/**
 * Text folded for matching what a worker types at night: case, diacritics and the German spellings without
 * umlauts all fold to one form ("Müller", "Mueller", "MULLER" -> "muller"; "Straße" -> "strasse"). The same fold
 * is applied to both sides, so it only has to be consistent, not reversible.
 */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/([aou])e/g, '$1');
}

/** The words of a text, folded: letters and digits only. */
export function foldedWords(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}
