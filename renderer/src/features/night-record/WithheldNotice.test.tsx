import { screen } from '@testing-library/react';

import { de } from '../../../../shared/i18n';
import { withholdFromIntake } from '../../../../shared/privacy/entrusted';
import { renderWithTheme } from '../../test-render';
import { WithheldNotice } from './WithheldNotice';

const AT = Date.parse('2026-11-24T02:10:00+01:00');
const mark = { from: 'Nachbarin', markedBy: 'u1', markedAt: AT };

describe('WithheldNotice', () => {
  it('names the withheld fields and counts the withheld log lines of a received record', () => {
    const received = withholdFromIntake(
      {
        situation: 'vertraulich',
        entrusted: [
          { ...mark, id: 'm1', field: 'situation' },
          { ...mark, id: 'm2', field: 'risk.assessment' },
          { ...mark, id: 'm3', entryId: 'e1' },
        ],
      },
      'handover',
    );
    renderWithTheme(<WithheldNotice intake={received} />);
    const notice = screen.getByTestId('entrusted-withheld');
    expect(notice).toHaveTextContent(de.privacy.withheld.title);
    expect(notice).toHaveTextContent(de.intakeFields.situation);
    expect(notice).toHaveTextContent(de.nightRecord.sections.risk);
    expect(notice).toHaveTextContent(de.privacy.withheld.entries(1));
    expect(notice).not.toHaveTextContent('Nachbarin');
  });

  it('says nothing when nothing was withheld', () => {
    renderWithTheme(<WithheldNotice intake={{ entrusted: [{ ...mark, id: 'm1', field: 'situation' }] }} />);
    expect(screen.queryByTestId('entrusted-withheld')).toBeNull();
  });
});
