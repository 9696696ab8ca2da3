/** The words of the sign-out warning when records have not synced (shared tablets: nothing is lost). */
export function unsyncedSignOutWarning(count: number): string {
  const records = count === 1 ? '1 record that has' : `${count.toLocaleString('en-GB')} records that have`;
  return `You have ${records} not synced yet. If you sign out now they stay on this device and sync when you next sign in.`;
}
