import type { ReviewState } from '../../schema/intake';
import { domain } from './domain';

const office = (id: string) => domain.offices[id as keyof typeof domain.offices] ?? id;

/** The morning review (issue 7): states, actions and the log lines the server writes for each step. */
export const review = {
  states: {
    new: 'neu',
    in_review: 'in Prüfung',
    returned: 'zurückgegeben',
    countersigned: 'gegengezeichnet',
    handed_over: 'übergeben',
    closed: 'beendet',
  } satisfies Record<ReviewState, string>,
  log: {
    returned: (who: string, comment: string) => `Zurückgegeben von ${who}: ${comment}`,
    countersigned: (who: string) => `Gegengezeichnet von ${who} (Vier-Augen-Prinzip). Der Bericht ist gesperrt; Nachträge bitte als Protokolleintrag.`,
    handedOver: (who: string, to: string) => `Übergeben an das zuständige Jugendamt ${office(to)} von ${who}.`,
    received: (who: string, from: string) => `Übernommen vom Jugendamt ${office(from)}, übergeben von ${who}.`,
    resubmitted: (who: string) => `Nach Korrektur erneut zur Prüfung vorgelegt von ${who}.`,
    step: (who: string, to: ReviewState) => `Prüfstand „${review.states[to]}“ gesetzt von ${who}.`,
  },
} as const;
