/** Millisecond arithmetic for the demo generator; every date is derived from `now`, never the clock. */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** Average Gregorian year, so ages come out right across leap years. */
export const YEAR = 365.2425 * DAY;

export const iso = (ms: number): string => new Date(ms).toISOString();
/** `YYYY-MM-DD` in UTC (the same calendar day as UK time for the demo's default November `now`). */
export const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
/** Midnight UTC at the start of the day containing `ms`. */
export const startOfDay = (ms: number): number => ms - (((ms % DAY) + DAY) % DAY);

/** Staff work 08:00-19:00 (UTC, which is UK time in winter): a moment in that window on `ms`'s day. */
export const WORK_START_HOUR = 8;
export const WORK_END_HOUR = 19;
export function duringWorkingHours(dayMs: number, fraction: number): number {
  return startOfDay(dayMs) + (WORK_START_HOUR + fraction * (WORK_END_HOUR - WORK_START_HOUR)) * HOUR;
}
