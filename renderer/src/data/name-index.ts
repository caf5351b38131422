import type { RxCollection } from 'rxdb';
import type { Subscription } from 'rxjs';

import { nameKey } from '../../../shared/intakes/repeatIntakes';
import type { Intake } from '../../../shared/schema/intake';

/** Case, umlauts and accents do not matter: "muller" finds "Müller", "strasse" finds "Straße". */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/ß/g, 'ss')
    .toLocaleLowerCase('de');
}

function words(text: string): string[] {
  return foldName(text)
    .split(/[\s-]+/)
    .filter(Boolean);
}

/**
 * The children's names of the local records, in memory only: names are sealed on disk, so no IndexedDB index can
 * hold them, and a search must not open every record. Built once after unlock from the records (which the sealed
 * storage then has decrypted in its session cache) and kept current by the collection's change events, local
 * writes and sync alike. A search matches when every word typed is the start of a word of the first or last name.
 * Beside the words it keeps each child's name key of the repeat-intake matcher (shared/intakes/repeatIntakes.ts), so
 * the earlier intakes of a child are found by the matcher's own rule: a prefix search folds differently ("Mueller"
 * is not "muller" here, "O'Brien" one word) and would miss records the matcher accepts. And it keeps each record's
 * group of children taken in together (shared/intakes/childGroups.ts): the group id is sealed on disk as well, and
 * the members of a group are otherwise only found by opening every record.
 */
export class NameIndex {
  /** Per record: the words of the child's name, its name key and its group (if any). */
  private readonly entries = new Map<string, { words: string[]; key: string | null; group?: string }>();
  private readonly subscription: Subscription;

  private constructor(collection: RxCollection<Intake>) {
    this.subscription = collection.$.subscribe((event) => {
      if (event.operation === 'DELETE') this.entries.delete(event.documentId);
      else this.put(event.documentData);
    });
  }

  static async open(collection: RxCollection<Intake>): Promise<NameIndex> {
    const index = new NameIndex(collection);
    for (const doc of await collection.find().exec()) index.put(doc);
    return index;
  }

  private put(intake: Pick<Intake, 'id' | 'child' | 'group'>): void {
    this.entries.set(intake.id, {
      words: words(`${intake.child.firstName} ${intake.child.lastName}`),
      key: nameKey(intake.child),
      group: intake.group?.id,
    });
  }

  /** Ids of the records whose names match every word of `text`; none for an empty text. */
  search(text: string): string[] {
    const wanted = words(text);
    if (wanted.length === 0) return [];
    return this.idsWhere((e) => wanted.every((w) => e.words.some((n) => n.startsWith(w))));
  }

  /** Ids of the records whose child's name key (repeatIntakes.ts `nameKey`) is `key`. */
  withNameKey(key: string): string[] {
    return this.idsWhere((e) => e.key === key);
  }

  /** Ids of the records in the group `groupId` of children taken in together. */
  inGroup(groupId: string): string[] {
    return this.idsWhere((e) => e.group === groupId);
  }

  close(): void {
    this.subscription.unsubscribe();
    this.entries.clear();
  }

  private idsWhere(test: (entry: { words: string[]; key: string | null; group?: string }) => boolean): string[] {
    const out: string[] = [];
    for (const [id, entry] of this.entries) if (test(entry)) out.push(id);
    return out;
  }
}
