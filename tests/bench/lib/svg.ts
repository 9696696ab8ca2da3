/**
 * Hand-written SVG line charts of cost against record count (no chart library: the output is a
 * committed file and should diff and render anywhere). One line per series, median solid with dots,
 * p95 dashed in the same colour; targets as grey ticks. Text carries the figures too (title/desc),
 * and the table in docs/benchmarks.md holds every number, so the chart is never the only source.
 */
import { formatCount, formatNumber } from './format';

export interface ChartPoint {
  x: number;
  median: number;
  p95: number;
  target?: number;
}

export interface ChartLine {
  label: string;
  points: ChartPoint[];
}

export interface Chart {
  title: string;
  unit: string;
  /** What the x axis counts, e.g. "clients"; default "records". */
  xLabel?: string;
  lines: ChartLine[];
}

/** Okabe-Ito colours: distinguishable with the common colour-vision deficiencies. */
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];
const WIDTH = 640;
const HEIGHT = 360;
const MARGIN = { top: 64, right: 24, bottom: 48, left: 72 };
/** Log x when sizes span a decade or more (1k-50k), so the small sizes are not squashed together. */
const LOG_X_FROM_RATIO = 10;
/** Gridlines above zero: enough to read a value off, few enough to stay quiet. */
const MAX_Y_TICKS = 5;

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const r1 = (n: number): string => (Math.round(n * 10) / 10).toString();

/** Gridline steps people read at a glance (1, 2, 2.5, 5 × 10^k). */
const NICE_STEPS = [1, 2, 2.5, 5, 10];

/** A round gridline step giving at most MAX_Y_TICKS gridlines up to `max`. */
function niceStep(max: number): number {
  if (max <= 0) return 1;
  const raw = max / MAX_Y_TICKS;
  const base = 10 ** Math.floor(Math.log10(raw));
  for (const step of NICE_STEPS) if (step * base >= raw) return step * base;
  return 10 * base;
}

export function renderChart(chart: Chart): string {
  const points = chart.lines.flatMap((l) => l.points);
  const xs = [...new Set(points.map((p) => p.x))].sort((a, b) => a - b);
  const xMin = xs[0] ?? 0;
  const xMax = xs[xs.length - 1] ?? 1;
  const logX = xMin > 0 && xMax / xMin >= LOG_X_FROM_RATIO;
  // 5% headroom so the highest point and its label are not on the frame.
  const top = Math.max(...points.map((p) => Math.max(p.p95, p.median, p.target ?? 0))) * 1.05;
  const yStep = niceStep(top);
  const yTicks = Math.max(1, Math.ceil(top / yStep));
  const yMax = yStep * yTicks;
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const sx = (x: number): number => {
    if (xMax === xMin) return MARGIN.left + plotW / 2;
    const t = logX ? (Math.log10(x) - Math.log10(xMin)) / (Math.log10(xMax) - Math.log10(xMin)) : (x - xMin) / (xMax - xMin);
    return MARGIN.left + t * plotW;
  };
  const sy = (y: number): number => MARGIN.top + plotH - (y / yMax) * plotH;

  const out: string[] = [];
  const desc = chart.lines
    .map((l) => `${l.label}: ` + l.points.map((p) => `${formatCount(p.x)} median ${formatNumber(p.median)} ${chart.unit}, p95 ${formatNumber(p.p95)}`).join('; '))
    .join('. ');
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="t d" font-family="system-ui, sans-serif" font-size="12">`);
  out.push(`<title id="t">${esc(chart.title)}</title><desc id="d">${esc(desc)}</desc>`);
  out.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`);
  out.push(`<text x="${MARGIN.left}" y="22" font-size="15" font-weight="600" fill="#111">${esc(chart.title)}</text>`);

  for (let i = 0; i <= yTicks; i++) {
    const v = yStep * i;
    const y = r1(sy(v));
    out.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y}" y2="${y}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${MARGIN.left - 8}" y="${y}" text-anchor="end" dominant-baseline="middle" fill="#444">${esc(formatNumber(v))}</text>`);
  }
  out.push(`<text transform="translate(16 ${r1(MARGIN.top + plotH / 2)}) rotate(-90)" text-anchor="middle" fill="#444">${esc(chart.unit)}</text>`);
  for (const x of xs) {
    out.push(`<text x="${r1(sx(x))}" y="${HEIGHT - MARGIN.bottom + 18}" text-anchor="middle" fill="#444">${esc(formatCount(x))}</text>`);
  }
  out.push(`<text x="${r1(MARGIN.left + plotW / 2)}" y="${HEIGHT - 8}" text-anchor="middle" fill="#444">${esc(chart.xLabel ?? 'records')}${logX ? ' (log scale)' : ''}</text>`);
  out.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${r1(sy(0))}" y2="${r1(sy(0))}" stroke="#888"/>`);

  chart.lines.forEach((line, i) => {
    const colour = COLOURS[i % COLOURS.length] ?? '#000';
    const pts = [...line.points].sort((a, b) => a.x - b.x);
    const path = (key: 'median' | 'p95'): string => pts.map((p) => `${r1(sx(p.x))},${r1(sy(p[key]))}`).join(' ');
    out.push(`<polyline points="${path('p95')}" fill="none" stroke="${colour}" stroke-width="1.5" stroke-dasharray="5 4" opacity="0.7"/>`);
    out.push(`<polyline points="${path('median')}" fill="none" stroke="${colour}" stroke-width="2.5"/>`);
    for (const p of pts) {
      out.push(`<circle cx="${r1(sx(p.x))}" cy="${r1(sy(p.median))}" r="4" fill="${colour}"/>`);
      if (p.target !== undefined) {
        const ty = r1(sy(p.target));
        out.push(`<line x1="${r1(sx(p.x) - 10)}" x2="${r1(sx(p.x) + 10)}" y1="${ty}" y2="${ty}" stroke="#666" stroke-width="2"/>`);
      }
    }
    const lx = MARGIN.left + i * 190;
    out.push(`<line x1="${lx}" x2="${lx + 18}" y1="40" y2="40" stroke="${colour}" stroke-width="2.5"/>`);
    out.push(`<text x="${lx + 24}" y="40" dominant-baseline="middle" fill="#111">${esc(line.label)}</text>`);
  });
  const legendY = 56;
  out.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + 18}" y1="${legendY}" y2="${legendY}" stroke="#444" stroke-width="1.5" stroke-dasharray="5 4"/>`);
  out.push(`<text x="${MARGIN.left + 24}" y="${legendY}" dominant-baseline="middle" fill="#444">dashed: p95; solid: median</text>`);
  if (points.some((p) => p.target !== undefined)) {
    out.push(`<line x1="${MARGIN.left + 240}" x2="${MARGIN.left + 258}" y1="${legendY}" y2="${legendY}" stroke="#666" stroke-width="2"/>`);
    out.push(`<text x="${MARGIN.left + 264}" y="${legendY}" dominant-baseline="middle" fill="#444">target</text>`);
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}
