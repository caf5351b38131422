import { contacts as labels } from '../i18n/de/contacts';
import { domain } from '../i18n/de/domain';
import type { Contact } from '../schema/contact';
import { foldedWords } from './fold';
import { inForce } from './roster';

type Searchable = Pick<
  Contact,
  'id' | 'name' | 'category' | 'languages' | 'phones' | 'areas' | 'areaNote' | 'officeId' | 'validFrom' | 'validTo'
>;

/** The words an entry can be found by, those of its name apart (they weigh more). */
function wordsOf(c: Searchable): { name: string[]; other: string[] } {
  const areaLabels = c.areas.map((a) => (a === 'outside' ? labels.outsideArea : domain.offices[a]));
  const owner = c.officeId === 'verbund' ? labels.owners.verbund : domain.offices[c.officeId];
  const other = [
    labels.categories[c.category],
    labels.categorySynonyms[c.category],
    ...c.languages,
    ...areaLabels,
    c.areaNote ?? '',
    owner,
    ...c.phones.map((p) => `${p.label ?? ''} ${p.number.replace(/\D/g, '')}`),
  ];
  return { name: foldedWords(c.name), other: foldedWords(other.join(' ')) };
}

function tokenScore(token: string, words: { name: string[]; other: string[] }): number {
  if (words.name.some((w) => w.startsWith(token))) return 3;
  if (words.other.some((w) => w.startsWith(token))) return 2;
  // Inside a compound ("schutz" in "Kinderschutzambulanz"), only for tokens long enough not to match everything.
  if (token.length >= 3 && [...words.name, ...words.other].some((w) => w.includes(token))) return 1;
  return 0;
}

/**
 * The directory's search (Ctrl+K): every typed word must be the start of a word of the entry ("dolm arab",
 * "polizei bad seg", "kjp") or, from three letters on, a part of one. Only entries in force at `at` are found (a
 * past or future roster entry never answers "who is on call tonight"). Best first: matches in the name, then
 * the current roster entries before standing numbers, then by name.
 */
export function searchContacts<C extends Searchable>(list: readonly C[], query: string, at: number): C[] {
  const tokens = foldedWords(query);
  const candidates = inForce(list, at);
  const scored = candidates
    .map((c) => {
      const words = wordsOf(c);
      let score = 0;
      for (const t of tokens) {
        const s = tokenScore(t, words);
        if (s === 0) return null;
        score += s;
      }
      if (c.validFrom !== undefined) score += 0.5;
      return { c, score };
    })
    .filter((x): x is { c: C; score: number } => x !== null);
  return scored.sort((a, b) => b.score - a.score || a.c.name.localeCompare(b.c.name, 'de')).map((x) => x.c);
}
