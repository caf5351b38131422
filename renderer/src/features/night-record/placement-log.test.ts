import type { Entry } from '../../../../shared/schema/entry';
import { placesAsked } from './placement-log';

const line = (
  id: string,
  at: number,
  facilityName: string,
  answer: 'requested' | 'refused' | 'accepted',
  extra: Partial<Entry['placement']> = {},
): Entry => ({
  id,
  officeId: 'segeberg',
  intakeId: 'i1',
  kind: 'placement',
  at,
  createdBy: 'u',
  createdAt: at,
  updatedAt: at,
  text: '',
  placement: { facilityName, answer, ...extra },
});

describe('placement search from the log', () => {
  it('shows each place once with its latest answer, in the order first asked', () => {
    const places = placesAsked([
      line('e4', 40, 'Kinderschutzhaus Elmshorn', 'accepted', { facilityId: 'kinderschutzhaus-elmshorn' }),
      line('e1', 10, 'Jugendschutzhaus Norderstedt', 'requested'),
      line('e2', 20, 'jugendschutzhaus norderstedt ', 'refused', { reason: 'age' }),
      line('e3', 30, 'Kinderschutzhaus Elmshorn', 'requested', { facilityId: 'kinderschutzhaus-elmshorn' }),
    ]);
    expect(places.map((p) => [p.facilityName, p.answer, p.askedAt, p.answeredAt, p.reason])).toEqual([
      ['Jugendschutzhaus Norderstedt', 'refused', 10, 20, 'age'],
      ['Kinderschutzhaus Elmshorn', 'accepted', 30, 40, undefined],
    ]);
  });

  it('ignores lines that are no placement attempt', () => {
    expect(placesAsked([{ ...line('n', 1, 'X', 'requested'), kind: 'note', placement: undefined }])).toEqual([]);
  });
});
