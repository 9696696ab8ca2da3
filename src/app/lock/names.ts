/** One database per user (`resonance-<userId>`), so a shared tablet never mixes people's records. */
export function databaseName(userId: string): string {
  return `resonance-${userId}`;
}
