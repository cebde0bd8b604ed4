/**
 * Tiny SVG charts for the offline report, as strings: the report is one file that must open
 * from a USB stick or a mail attachment, so no chart library, no script, no external font.
 *
 * Every chart draws in a fixed 520-unit-wide viewBox and is shown at `width="100%"`. On a
 * 375 px phone the chart gets about 320 px, a scale of ≈ 0.62, so 18-unit text renders at
 * ≈ 11 px — the smallest size still comfortable to read; the stylesheet caps the width on
 * desktop so the text does not grow huge either.
 */

const WIDTH = 520;
const HEIGHT = 320;
const FONT = 18;
const TOP = 40;
const RIGHT = 14;
const BOTTOM = 62;
const INK = '#374151';
const GRID = '#e5e7eb';
const AXIS = '#9ca3af';

/** Escapes text for HTML and SVG content and attribute values alike. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const num = (v: number) => (Math.round(v * 10) / 10).toString();

/** Rough rendered width in viewBox units: CJK glyphs are square, Latin digits about 0.6 em. */
export function textWidth(text: string, size = FONT): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! >= 0x2e80 ? size : size * 0.6;
  return width;
}

/** 0 … a round number ≥ max in about `target` steps of 1, 2 or 5 × 10^k. */
export function niceTicks(max: number, target = 4): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const raw = max / target;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const fraction = raw / power;
  const step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
  const ticks: number[] = [];
  for (let k = 0; k * step < max + step * 1e-9 || ticks.length < 2; k++) ticks.push(k * step);
  if (ticks[ticks.length - 1]! < max) ticks.push(ticks.length * step);
  return ticks;
}

export interface Axis {
  min: number;
  max: number;
  ticks: readonly number[];
  format: (value: number) => string;
  label?: string;
}

interface Frame {
  left: number;
  plotWidth: number;
  plotHeight: number;
  sx: (x: number) => number;
  sy: (y: number) => number;
}

function frameFor(x: Axis, y: Axis, right = RIGHT): Frame {
  const widest = Math.max(...y.ticks.map((t) => textWidth(y.format(t))));
  const left = Math.ceil(widest + 12);
  const plotWidth = WIDTH - left - right;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const spanX = x.max - x.min || 1;
  const spanY = y.max - y.min || 1;
  return {
    left,
    plotWidth,
    plotHeight,
    sx: (v) => left + ((v - x.min) / spanX) * plotWidth,
    sy: (v) => TOP + plotHeight - ((v - y.min) / spanY) * plotHeight,
  };
}

function open(title: string): string {
  const t = escapeXml(title);
  return (
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" role="img" aria-label="${t}" ` +
    `font-size="${FONT}" fill="${INK}"><title>${t}</title>`
  );
}

/** Horizontal grid lines with the y tick labels, and both axis labels. */
function axes(frame: Frame, y: Axis, xLabel: string | undefined): string {
  const parts: string[] = [];
  for (const t of y.ticks) {
    const py = num(frame.sy(t));
    parts.push(
      `<line x1="${frame.left}" x2="${frame.left + frame.plotWidth}" y1="${py}" y2="${py}" stroke="${t === y.min ? AXIS : GRID}"/>`,
    );
    parts.push(`<text x="${frame.left - 8}" y="${py}" dy="0.35em" text-anchor="end">${escapeXml(y.format(t))}</text>`);
  }
  // The y label sits above the plot, horizontal: a rotated label costs width a phone lacks.
  if (y.label) parts.push(`<text x="4" y="${TOP - 16}">${escapeXml(y.label)}</text>`);
  if (xLabel)
    parts.push(
      `<text x="${num(frame.left + frame.plotWidth / 2)}" y="${HEIGHT - 6}" text-anchor="middle">${escapeXml(xLabel)}</text>`,
    );
  return parts.join('');
}

export interface LineChartInput {
  title: string;
  points: readonly { x: number; y: number }[];
  x: Axis;
  y: Axis;
  /** A dashed guide from both axes to one point of the curve, with a dot and a label. */
  reference?: { x: number; y: number; label: string };
}

export function lineChart(input: LineChartInput): string {
  const { x, y } = input;
  // The last x label is centred on the plot's right edge: leave room for its half.
  const lastTick = x.ticks[x.ticks.length - 1];
  const frame = frameFor(
    x,
    y,
    Math.max(RIGHT, lastTick === undefined ? 0 : Math.ceil(textWidth(x.format(lastTick)) / 2) + 4),
  );
  const parts = [open(input.title), axes(frame, y, x.label)];
  for (const t of x.ticks)
    parts.push(
      `<text x="${num(frame.sx(t))}" y="${TOP + frame.plotHeight + 24}" text-anchor="middle">${escapeXml(x.format(t))}</text>`,
    );
  const path = input.points.map((p) => `${num(frame.sx(p.x))},${num(frame.sy(p.y))}`).join(' ');
  parts.push(`<polyline points="${path}" fill="none" stroke="#2563eb" stroke-width="3" stroke-linejoin="round"/>`);
  const ref = input.reference;
  if (ref) {
    const px = num(frame.sx(ref.x));
    const py = num(frame.sy(ref.y));
    const dash = `stroke="#dc2626" stroke-width="2" stroke-dasharray="6 5"`;
    parts.push(`<line x1="${px}" x2="${px}" y1="${num(frame.sy(y.min))}" y2="${py}" ${dash}/>`);
    parts.push(`<line x1="${frame.left}" x2="${px}" y1="${py}" y2="${py}" ${dash}/>`);
    parts.push(`<circle cx="${px}" cy="${py}" r="6" fill="#dc2626"/>`);
    // Right of the dot when it fits, otherwise to its left.
    const fitsRight = frame.sx(ref.x) + 12 + textWidth(ref.label) <= WIDTH - 4;
    parts.push(
      `<text x="${fitsRight ? Number(px) + 12 : Number(px) - 12}" y="${Number(py) + 26}" text-anchor="${fitsRight ? 'start' : 'end'}" ` +
        `fill="#b91c1c" font-weight="600">${escapeXml(ref.label)}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

export interface BarDatum {
  label: string;
  value: number;
  /** An interval drawn as a whisker over the bar. */
  low?: number;
  high?: number;
  /** Drawn lighter (a partial month, say). */
  muted?: boolean;
  /** Hover text (a desktop nicety; the tables carry the same numbers). */
  tooltip?: string;
}

export interface BarChartInput {
  title: string;
  bars: readonly BarDatum[];
  y: { format: (value: number) => string; label?: string };
  xLabel?: string;
}

export function barChart(input: BarChartInput): string {
  const { bars } = input;
  const top = Math.max(0, ...bars.map((b) => Math.max(b.value, b.high ?? 0)));
  const ticks = niceTicks(top, 4);
  const y: Axis = { min: 0, max: ticks[ticks.length - 1]!, ticks, format: input.y.format, label: input.y.label };
  const x: Axis = { min: 0, max: Math.max(1, bars.length), ticks: [], format: String };
  const frame = frameFor(x, y);
  const parts = [open(input.title), axes(frame, y, input.xLabel)];
  const slot = frame.plotWidth / Math.max(1, bars.length);
  // Label every k-th bar so labels never collide, whatever the locale's label length.
  const widest = Math.max(0, ...bars.map((b) => textWidth(b.label)));
  const every = Math.max(1, Math.ceil((widest + 10) / slot));
  bars.forEach((bar, k) => {
    const x0 = frame.left + k * slot;
    const barWidth = Math.max(2, slot * 0.72);
    const bx = x0 + (slot - barWidth) / 2;
    const by = frame.sy(Math.max(0, bar.value));
    const tip = bar.tooltip ? `<title>${escapeXml(bar.tooltip)}</title>` : '';
    parts.push(
      `<rect x="${num(bx)}" y="${num(by)}" width="${num(barWidth)}" height="${num(frame.sy(0) - by)}" ` +
        `fill="${bar.muted ? '#bfdbfe' : '#3b82f6'}" rx="2">${tip}</rect>`,
    );
    if (bar.low !== undefined && bar.high !== undefined) {
      const cx = num(x0 + slot / 2);
      const cap = Math.min(8, barWidth / 3);
      const [lo, hi] = [num(frame.sy(Math.max(0, bar.low))), num(frame.sy(bar.high))];
      const stroke = `stroke="#1e3a8a" stroke-width="2"`;
      parts.push(`<line x1="${cx}" x2="${cx}" y1="${lo}" y2="${hi}" ${stroke}/>`);
      for (const end of [lo, hi])
        parts.push(
          `<line x1="${num(Number(cx) - cap)}" x2="${num(Number(cx) + cap)}" y1="${end}" y2="${end}" ${stroke}/>`,
        );
    }
    if (k % every === 0)
      parts.push(
        `<text x="${num(x0 + slot / 2)}" y="${TOP + frame.plotHeight + 24}" text-anchor="middle">${escapeXml(bar.label)}</text>`,
      );
  });
  parts.push('</svg>');
  return parts.join('');
}
