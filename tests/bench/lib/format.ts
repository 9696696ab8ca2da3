/** Number formatting shared by the Markdown report and the SVG charts. */

const GROUPED = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** Three significant figures at most, grouped thousands: 0.412, 41.2, 412, 4,120. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n === 0) return '0';
  const abs = Math.abs(n);
  if (abs >= 1000) return GROUPED.format(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return n.toFixed(digits);
}

/** Record counts as people say them: 1k, 10k, 50k, 1.5k, 300. */
export function formatCount(n: number): string {
  if (n >= 1_000_000 && n % 100_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1000 && n % 100 === 0) return `${n / 1000}k`;
  return GROUPED.format(n);
}

export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
