/**
 * Words the clients feature offers as choices: needs (stored lowercase, as the organisation's
 * reports count them), common consent purposes, and how to name a member of staff until the server
 * directory of names reaches the device.
 */
export const NEEDS = [
  'housing',
  'food',
  'benefits',
  'debt',
  'employment',
  'mental health',
  'physical health',
  'substance use',
  'domestic abuse',
  'immigration advice',
  'digital skills',
  'loneliness',
] as const;

export const needLabel = (need: string): string => need.charAt(0).toUpperCase() + need.slice(1);

/** Purposes asked about most often; "Something else" lets the worker type any other. */
export const CONSENT_PURPOSES = [
  'Keeping my information on record',
  'Sharing my information with partner agencies',
  'Contacting me by text message',
  'A helper may sign in to online accounts with me',
] as const;

/** Names come later from the server's directory; until then the current user is "You". */
export function staffName(userId: string | undefined, currentUserId: string): string {
  if (userId === undefined || userId === '') return 'Unknown';
  return userId === currentUserId ? 'You' : 'A colleague';
}

/** Who holds a case, in words: "You", "You and 1 colleague", "2 colleagues", "Nobody yet". */
export function assignedText(assignedTo: readonly string[], currentUserId: string): string {
  const mine = assignedTo.includes(currentUserId);
  const others = assignedTo.filter((id) => id !== currentUserId).length;
  const colleagues = `${others} ${others === 1 ? 'colleague' : 'colleagues'}`;
  if (mine) return others === 0 ? 'You' : `You and ${colleagues}`;
  return others === 0 ? 'Nobody yet' : colleagues;
}
