/** Fills `{name}` placeholders of a catalogue string; an unknown name stays visible rather than vanishing. */
export function fill(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
