/** Records related to the open one: the child's earlier intakes in this office, and the children taken in with it. */
export const relatedRecords = {
  earlier: {
    title: 'Frühere Inobhutnahmen in diesem Amt',
    summary: (n: number, last: string, facility?: string) =>
      `${n === 1 ? '1 frühere Inobhutnahme' : `${n} frühere Inobhutnahmen`} in diesem Amt, zuletzt ${last}` +
      (facility ? `, ${facility}` : ''),
    item: (date: string, facility?: string) => (facility ? `${date}, ${facility}` : `${date}, ohne Unterbringung`),
    dismiss: 'Anderes Kind',
    dismissLabel: (date: string) => `Treffer vom ${date} verwerfen: ein anderes Kind`,
    filled: '„Wiederholte Maßnahme in diesem Jahr“ ist daraus gesetzt.',
    dismissed: (n: number) =>
      n === 1 ? '1 Treffer als anderes Kind verworfen.' : `${n} Treffer als anderes Kind verworfen.`,
  },
  group: {
    title: 'Gemeinsam aufgenommene Kinder',
    none: 'Kein anderes Kind ist mit diesem verbunden.',
    members: (kind: string) => `${kind}:`,
    member: (name: string, role?: string) => (role ? `${name} (${role})` : name),
    link: 'Kind verbinden',
    linkWith: 'Mit Inobhutnahme von',
    linkWithPlaceholder: 'Namen eingeben oder Kind wählen',
    noMatch: 'Keine Inobhutnahme mit diesem Namen',
    kind: 'Art',
    role: 'Dieses Kind ist',
    leave: 'Aus der Gruppe lösen',
    placeOnce: (n: number) => `Der Platz wird einmal für alle ${n} Kinder gesucht.`,
    boardGroup: (kind: string, names: string, n: number) =>
      `${kind}: ${names}. Der Platz wird einmal für alle ${n} Kinder gesucht und gehalten.`,
    failed: 'Verbinden nicht möglich:',
    lockedOther: (name: string) =>
      `Die Inobhutnahme von ${name} ist abgeschlossen und kann nicht mehr verbunden werden.`,
  },
} as const;
