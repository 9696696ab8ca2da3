/**
 * Calendar dates as the app stores them: `YYYY-MM-DD` strings with no time zone (a due date or a
 * date of birth is a day, not a moment). Day arithmetic goes through UTC so a clock change never
 * makes a day 23 or 25 hours long. "Today" is always the device's local date, passed in by the
 * caller, so every rule here is pure and testable.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Day, month and year as people in the UK type them: 5/3/1980, 05-03-1980 or 05.03.1980. */
const UK_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const MS_PER_DAY = 86_400_000;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The device's local calendar date, `YYYY-MM-DD`. */
export function localDate(d: Date): string {
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function realDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const t = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear keeps the year as typed.
  t.setUTCFullYear(year, month - 1, day);
  if (t.getUTCFullYear() !== year || t.getUTCMonth() !== month - 1 || t.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * A date typed as `YYYY-MM-DD` (what `<input type="date">` gives) or `DD/MM/YYYY`, as a canonical
 * `YYYY-MM-DD` string; `null` when it is not a real calendar date (31/02/2000, 2023-13-01, "soon").
 */
export function toIsoDate(s: string): string | null {
  const t = s.trim();
  const iso = ISO_DATE.exec(t);
  if (iso) return realDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const uk = UK_DATE.exec(t);
  if (uk) return realDate(Number(uk[3]), Number(uk[2]), Number(uk[1]));
  return null;
}

function utcDay(isoDate: string): number {
  const m = ISO_DATE.exec(isoDate);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
}

/** Whole days from `from` to `to` (negative when `to` is earlier); NaN if either is malformed. */
export function daysBetween(from: string, to: string): number {
  return utcDay(to) - utcDay(from);
}

/** The date `days` after `isoDate` (before, for a negative number). */
export function addDays(isoDate: string, days: number): string {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new Error(`Not a YYYY-MM-DD date: ${isoDate}`);
  const t = new Date(0);
  t.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}
