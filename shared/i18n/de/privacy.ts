/** Data protection in the app (issue 16): entrusted data (§ 65 SGB VIII), the access request (Art. 15 DSGVO). */
export const privacy = {
  withheld: {
    title: 'Anvertraute Angaben zurückgehalten (§ 65 SGB VIII)',
    intro:
      'Das abgebende Jugendamt hat Angaben als anvertraut markiert und keine Rechtsgrundlage für ihre Weitergabe festgehalten. Sie fehlen in dieser Kopie.',
    fields: (labels: string[]) => `Felder: ${labels.join(', ')}`,
    entries: (n: number) => (n === 1 ? '1 Protokolleintrag ohne Text' : `${n} Protokolleinträge ohne Text`),
  },
} as const;
