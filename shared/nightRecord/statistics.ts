import type { AgeGroup } from '../catalogues/ageGroup';
import { ageGroupAt } from '../placement/newHold';
import type { Intake } from '../schema/intake';

/**
 * The federal statistics of vorläufige Schutzmaßnahmen (§§ 98, 99 Abs. 2 SGB VIII; domain.md) derived from the raw
 * facts of a night record. The record stores facts; the codes are derived here at export, so that a report year
 * with other categories maps the same facts anew. Undefined where the record does not (yet) say.
 */
export type StatisticsCodes = {
  measure?: '42' | '42a';
  occasion?: 'self_referral' | 'urgent_danger' | 'unaccompanied_entry';
  providerType?: 'public' | 'free';
  sex?: string;
  ageGroup?: AgeGroup;
  foreignOriginParent?: string;
  residenceBefore?: string;
  accommodation?: string;
  initiatedBy?: string;
  previousAssessment8a?: boolean;
  repeatedThisYear?: boolean;
  objection: boolean;
  ranAwayBefore?: boolean;
  reasons: string[];
  startAt?: number;
  endAt?: number;
  /** Calendar days from start to end, both counted (a measure ending the day it began lasts 1 day). */
  durationDays?: number;
  endReason?: string;
};

const OCCASION = {
  '42_1_1': 'self_referral',
  '42_1_2a': 'urgent_danger',
  '42_1_2b': 'urgent_danger',
  '42_1_3': 'unaccompanied_entry',
  '42a': 'unaccompanied_entry',
} as const;

const DAY = 86_400_000;
const berlinDayNumber = (ms: number) => {
  const [d, m, y] = new Intl.DateTimeFormat('de-DE', {
    timeZone: 'Europe/Berlin',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  })
    .format(ms)
    .split('.')
    .map(Number);
  return Date.UTC(y, m - 1, d) / DAY;
};

export function statisticsOf(intake: Partial<Intake> & Pick<Intake, 'child'>): StatisticsCodes {
  const ground = intake.decision?.ground;
  const startAt =
    ground === '42a' ? (intake.provisional?.startAt ?? intake.decision?.startAt) : intake.decision?.startAt;
  const endAt = intake.end?.endedAt;
  // "notfalls geschätzt": the birth date, else the estimate, else the age assessment of §42f.
  const child =
    intake.child.birthDate || intake.child.estimatedAge !== undefined
      ? intake.child
      : { estimatedAge: intake.ageAssessment?.assessedAge };
  const free = intake.placement?.freeProvider;
  return {
    measure: ground === undefined ? undefined : ground === '42a' ? '42a' : '42',
    occasion: ground && OCCASION[ground],
    providerType: free === undefined ? undefined : free ? 'free' : 'public',
    sex: intake.statistics?.sex,
    ageGroup: startAt === undefined ? undefined : ageGroupAt(child, startAt),
    foreignOriginParent: intake.statistics?.foreignOriginParent,
    residenceBefore: intake.statistics?.residenceBefore,
    accommodation: intake.placement?.accommodation,
    initiatedBy: intake.initiatedBy,
    previousAssessment8a: intake.risk?.previousAssessment8a,
    repeatedThisYear: intake.statistics?.repeatedThisYear,
    objection: (intake.custodians ?? []).some((c) => c.objection),
    ranAwayBefore: intake.statistics?.ranAwayBefore,
    reasons: intake.statistics?.reasons ?? [],
    startAt,
    endAt,
    durationDays:
      startAt !== undefined && endAt !== undefined ? berlinDayNumber(endAt) - berlinDayNumber(startAt) + 1 : undefined,
    endReason: intake.end?.reason,
  };
}
