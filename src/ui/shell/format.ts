/**
 * Dates, times and ages in plain British English for the screens ("5 March 1980", "2 hours ago").
 * Pure and presentational: callers pass `now` so a screen reads one consistent time.
 */
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const SHORT_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A calendar date `YYYY-MM-DD` as "5 March 1980" (or "5 Mar 1980" when `short`); other text is returned as is. */
export function formatDate(isoDate: string, short = false): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (short ? SHORT_DATE : DATE).format(d);
}

const LOCAL_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/** The day of a moment (ISO date-time) in the device's time zone: "5 March 2025". */
export function formatDayOf(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : LOCAL_DAY.format(d);
}

/** A moment (ISO date-time) as "5 Mar 2025, 14:05" in the device's time zone. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DATE_TIME.format(d);
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** How long ago, in the largest whole unit: "just now", "5 minutes", "3 hours", "2 days". */
export function formatDuration(ms: number): string {
  if (ms < MINUTE) return 'less than a minute';
  if (ms < HOUR) return plural(Math.floor(ms / MINUTE), 'minute');
  if (ms < DAY) return plural(Math.floor(ms / HOUR), 'hour');
  return plural(Math.floor(ms / DAY), 'day');
}

/** "5 minutes ago", "just now". */
export function formatAgo(iso: string, now: number): string {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return 'at an unknown time';
  const ms = Math.max(0, now - t);
  return ms < MINUTE ? 'just now' : `${formatDuration(ms)} ago`;
}

/** "1 record", "3 records". */
export function countOf(n: number, singular: string, pluralWord = `${singular}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? singular : pluralWord}`;
}

/** A stored slug as words for a person: 'rough-sleeping' → 'Rough sleeping', 'digital-inclusion' → 'Digital inclusion'. */
export function labelFromSlug(slug: string): string {
  const words = slug.replace(/[-_]+/g, ' ').trim();
  return words === '' ? slug : words.charAt(0).toUpperCase() + words.slice(1);
}
