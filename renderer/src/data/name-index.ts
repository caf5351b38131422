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
  private readonly names = new Map<string, string[]>();
  private readonly keys = new Map<string, string | null>();
  private readonly groups = new Map<string, string>();
  private readonly subscription: Subscription;

  private constructor(collection: RxCollection<Intake>) {
    this.subscription = collection.$.subscribe((event) => {
      if (event.operation === 'DELETE') {
        this.names.delete(event.documentId);
        this.keys.delete(event.documentId);
        this.groups.delete(event.documentId);
      } else this.put(event.documentData);
    });
  }

  static async open(collection: RxCollection<Intake>): Promise<NameIndex> {
    const index = new NameIndex(collection);
    for (const doc of await collection.find().exec()) index.put(doc);
    return index;
  }

  private put(intake: Pick<Intake, 'id' | 'child' | 'group'>): void {
    this.names.set(intake.id, words(`${intake.child.firstName} ${intake.child.lastName}`));
    this.keys.set(intake.id, nameKey(intake.child));
    if (intake.group) this.groups.set(intake.id, intake.group.id);
    else this.groups.delete(intake.id);
  }

  /** Ids of the records whose names match every word of `text`; none for an empty text. */
  search(text: string): string[] {
    const wanted = words(text);
    if (wanted.length === 0) return [];
    const out: string[] = [];
    for (const [id, name] of this.names) {
      if (wanted.every((w) => name.some((n) => n.startsWith(w)))) out.push(id);
    }
    return out;
  }

  /** Ids of the records whose child's name key (repeatIntakes.ts `nameKey`) is `key`. */
  withNameKey(key: string): string[] {
    const out: string[] = [];
    for (const [id, k] of this.keys) if (k === key) out.push(id);
    return out;
  }

  /** Ids of the records in the group `groupId` of children taken in together. */
  inGroup(groupId: string): string[] {
    const out: string[] = [];
    for (const [id, g] of this.groups) if (g === groupId) out.push(id);
    return out;
  }

  close(): void {
    this.subscription.unsubscribe();
    this.names.clear();
    this.keys.clear();
    this.groups.clear();
  }
}
