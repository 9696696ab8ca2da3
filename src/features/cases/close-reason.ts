/**
 * How the close-case form's reason and note become the stored `closedReason`: the chosen reason,
 * then the note after a colon ("Referred to another service: to the council's tenancy team"); with
 * 'Other' the note is the reason. The chosen reason always comes first, so reports can group by it.
 * The domain's closeCase then checks it is present and fits the schema.
 */
export const OTHER_REASON = 'Other';

export function composeReason(reason: string, note: string): string {
  const n = note.trim();
  if (reason === OTHER_REASON) return n;
  return n === '' ? reason : `${reason}: ${n}`;
}
