import { createContext, useContext } from 'react';

/** The areas of the logged-in app; which ones a user sees depends on the roles (see Session.tsx). */
export type View =
  /** `intakeId`: open that record (e.g. from the statistics' list of incomplete records). */
  | { kind: 'intakes'; intakeId?: string }
  | { kind: 'board'; intakeId?: string }
  /** The supervisor's review queue; `intakeId`: open that record's review. */
  | { kind: 'review'; intakeId?: string }
  | { kind: 'obligations' }
  | { kind: 'overview' }
  | { kind: 'coordination' }
  | { kind: 'admin' }
  | { kind: 'statistics' }
  /**
   * A person's request for information (Art. 15 DSGVO), answered by the office's supervisor: opened from the review
   * page, not an area of its own (a seventh area would push the supervisor's areas into the menu at 1280 px).
   */
  | { kind: 'accessRequest' }
  /** The night directory (everyone reads it; keepers edit their entries). */
  | { kind: 'directory' };

export type Navigation = {
  view: View;
  go: (view: View) => void;
};

export const NavigationContext = createContext<Navigation>({ view: { kind: 'intakes' }, go: () => {} });

/** Lets a feature open another area, e.g. the placement board for one intake. */
export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}
