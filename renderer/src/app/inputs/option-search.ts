/**
 * Which options a search typed into a select means. Native selects only jump by first letters, useless where every
 * option starts alike ("§ 42 Abs. 1 …", "Kreis …"). Here each word typed must begin a word of the option's label or
 * of its code: "2b" finds "§ 42 … Nr. 2 Buchst. b" by its code 42_1_2b, "Stormarn" finds "Kreis Stormarn",
 * "Polizei" finds "Polizei/Ordnungsbehörde". An option whose code is the search itself comes first ("42a").
 */
export type SearchOption = { value: string; label: string };

const words = (text: string) =>
  text
    .toLocaleLowerCase('de')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

export function matchOptions<T extends SearchOption>(options: readonly T[], search: string): T[] {
  const typed = words(search);
  if (typed.length === 0) return [...options];
  const found = options.filter((o) => {
    const own = [...words(o.label), ...words(o.value)];
    return typed.every((w) => own.some((word) => word.startsWith(w)));
  });
  const exact = search.trim().toLocaleLowerCase('de');
  return [
    ...found.filter((o) => o.value.toLocaleLowerCase('de') === exact),
    ...found.filter((o) => o.value.toLocaleLowerCase('de') !== exact),
  ];
}
