/**
 * Words the clients feature offers as choices: needs (stored lowercase, as the organisation's
 * reports count them), common consent purposes, and how to name a member of staff (from the people
 * directory when it has reached the device).
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

/** A person's name by id from the directory (useDirectory().nameOf); undefined while unknown. */
export type NameOf = (userId: string) => string | undefined;

const noNames: NameOf = () => undefined;

/** "You" for the signed-in user, the person's name once the directory has reached the device, else "A colleague". */
export function staffName(userId: string | undefined, currentUserId: string, nameOf: NameOf = noNames): string {
  if (userId === undefined || userId === '') return 'Unknown';
  if (userId === currentUserId) return 'You';
  return nameOf(userId) ?? 'A colleague';
}

/** A staff name inside a sentence: "by you", "by a colleague", "by Aisha Rahman". */
export function staffNameInSentence(userId: string | undefined, currentUserId: string, nameOf: NameOf = noNames): string {
  const name = staffName(userId, currentUserId, nameOf);
  return name === 'You' || name === 'A colleague' || name === 'Unknown' ? name.toLowerCase() : name;
}

const joinAnd = (parts: readonly string[]): string => (parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`);

/**
 * Who holds a case, in words: "You", "You and Aisha Rahman", "Aisha Rahman and 1 colleague",
 * "2 colleagues" (names not on this device yet), "Nobody yet".
 */
export function assignedText(assignedTo: readonly string[], currentUserId: string, nameOf: NameOf = noNames): string {
  const mine = assignedTo.includes(currentUserId);
  const others = assignedTo.filter((id) => id !== currentUserId);
  const named = others.flatMap((id) => {
    const name = nameOf(id);
    return name === undefined ? [] : [name];
  });
  const unnamed = others.length - named.length;
  const parts = [...(mine ? ['You'] : []), ...named, ...(unnamed > 0 ? [`${unnamed} ${unnamed === 1 ? 'colleague' : 'colleagues'}`] : [])];
  return parts.length === 0 ? 'Nobody yet' : joinAnd(parts);
}
