/** The badge colour of a review state, the same in the list, the night record and the review. */
const STATE_COLOR: Record<string, string> = {
  new: 'blue',
  in_review: 'cyan',
  returned: 'orange',
  countersigned: 'teal',
  handed_over: 'grape',
  closed: 'gray',
};
export const reviewStateColor = (state: string) => STATE_COLOR[state] ?? 'gray';
