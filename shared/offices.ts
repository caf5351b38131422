/** The five member offices of the Kooperationsverbund. Ids are part of the sync contract (docs/api.md). */
export const OFFICE_IDS = ['segeberg', 'stormarn', 'herzogtum-lauenburg', 'pinneberg', 'norderstedt'] as const;
export type OfficeId = (typeof OFFICE_IDS)[number];

export function isOfficeId(value: unknown): value is OfficeId {
  return typeof value === 'string' && (OFFICE_IDS as readonly string[]).includes(value);
}
