import type { ReactNode } from 'react';

import { useDirectory } from '../data/hooks';
import { DocumentButtons } from '../features/documents/DocumentButtons';
import { HandoverReportButton } from '../features/handover-report/HandoverReportButton';

/**
 * The papers printed from a record, given to the record views by the session: features do not import each other
 * (docs/architecture.md), so the night record and the review receive the documents and the report as a slot.
 */
export type RecordPapers = (intakeId: string) => ReactNode;

/** The night record prints the documents. */
export const nightRecordPapers: RecordPapers = (intakeId) => <DocumentButtons intakeId={intakeId} />;

/** The review prints the handover report, signed with the directory's names, and the documents. */
export const reviewPapers: RecordPapers = (intakeId) => <ReviewPapers intakeId={intakeId} />;

function ReviewPapers({ intakeId }: { intakeId: string }) {
  const names = useDirectory();
  return (
    <>
      <HandoverReportButton intakeId={intakeId} names={names} />
      <DocumentButtons intakeId={intakeId} />
    </>
  );
}
