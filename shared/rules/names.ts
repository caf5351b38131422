/**
 * Control and formatting characters in a name: C0/C1 controls, bidirectional overrides and isolates, zero-width
 * joiners and the like (Unicode categories Cc and Cf). A name is shown to colleagues and printed in records; such
 * characters can make one name look like another (a right-to-left override reverses what follows), so they are
 * refused wherever a person is named (CVE-2021-42574 "Trojan Source" describes the trick for source code).
 */
const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

export function hasUnsafeCharacters(text: string): boolean {
  return UNSAFE.test(text);
}
