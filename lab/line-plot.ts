/** @file The lab's own small line plot as plain SVG (axes, ticks, legend, a marked x): drawn in the browser from live measurements, kept apart from the shared Vega-Lite module so the page does not load vega. */

import { formatNumber, lineUpThousands } from '../src/index.ts';

export interface Axis {
  readonly label: string;
  /** Logarithmic (base 10); points that are not positive are left out. */
  readonly log?: boolean;
}

export interface Series {
  readonly label: string;
  readonly points: readonly (readonly [number, number])[];
  readonly color: string;
  readonly dashed?: boolean;
}

export interface PlotOptions {
  readonly title: string;
  readonly x: Axis;
  readonly y: Axis;
  readonly series: readonly Series[];
  /** A vertical line with a label, e.g. where two series cross. */
  readonly marker?: { readonly x: number; readonly label: string };
  /** Which top corner of the plot the legend sits in (default left). */
  readonly legend?: 'left' | 'right';
}

/**
 * The docs' figure size and type (scripts/plot/theme.ts): on a phone the
 * plot is shown about 357 px wide, where 14 px text still reads at 12 px.
 */
const WIDTH = 416;
const HEIGHT = 320;
const BOX = { left: 78, right: WIDTH - 20, top: 48, bottom: HEIGHT - 58 };
const FONT = 'font-family="DejaVu Sans, Helvetica, Arial, sans-serif"';
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** 10ⁿ with the exponent in superscript characters: the same size as the other labels, no raised smaller text. */
const power = (n: number) =>
  `10${n < 0 ? '⁻' : ''}${[...String(Math.abs(n))].map((d) => SUPERSCRIPT[Number(d)]).join('')}`;

const escapeXml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

/** Round tick values (1, 2 or 5 times a power of ten) covering [lo, hi]. */
function linearTicks(lo: number, hi: number): number[] {
  const raw = (hi - lo) / 6 || 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((s) => s * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  for (let t = Math.floor(lo / step) * step; t <= hi + step / 2; t += step) {
    ticks.push(Number(t.toPrecision(12)));
  }
  return ticks;
}

/** How values map to pixels along one axis, and the ticks to draw. */
function scale(axis: Axis, values: readonly number[], from: number, to: number) {
  const v = (x: number) => (axis.log ? Math.log10(x) : x);
  const mapped = values.map(v);
  let lo = Math.min(...mapped);
  let hi = Math.max(...mapped);
  if (axis.log) [lo, hi] = [Math.floor(lo), Math.ceil(hi)];
  if (!axis.log) lo = Math.min(lo, 0); // counts and times read best from zero
  const ticks = axis.log
    ? Array.from({ length: hi - lo + 1 }, (_, i) => lo + i)
    : linearTicks(lo, hi);
  [lo, hi] = [Math.min(lo, ...ticks), Math.max(hi, ...ticks)];
  const at = (x: number) => from + ((v(x) - lo) / (hi - lo || 1)) * (to - from);
  // Many decades: label every other one, so the labels do not run into each other.
  const skip = axis.log && ticks.length > 8;
  // A linear axis's labels as one column: 8,000 beside 10,000, not 8000.
  const linear = axis.log ? [] : lineUpThousands(ticks.map((t) => formatNumber(t)));
  const label = (t: number, i: number) =>
    !axis.log ? (linear[i] ?? '') : skip && t % 2 !== 0 ? '' : power(t);
  return {
    at,
    ticks: ticks.map((t, i) => ({ value: axis.log ? 10 ** t : t, text: label(t, i) })),
  };
}

/**
 * An SVG line plot of the series. Everything is drawn here, from the
 * numbers given: no library, no fonts to load, no script.
 */
export function linePlot({ title, x, y, series, marker, legend }: PlotOptions): string {
  const usable = (axis: Axis, v: number) => Number.isFinite(v) && (!axis.log || v > 0);
  const data = series.map((s) => ({
    ...s,
    points: s.points.filter(([px, py]) => usable(x, px) && usable(y, py)),
  }));
  const xs = scale(
    x,
    data.flatMap((s) => s.points.map((p) => p[0])),
    BOX.left,
    BOX.right,
  );
  const ys = scale(
    y,
    data.flatMap((s) => s.points.map((p) => p[1])),
    BOX.bottom,
    BOX.top,
  );
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" ${FONT} font-size="14">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="24" text-anchor="middle" font-size="16" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  for (const t of xs.ticks) {
    const px = xs.at(t.value).toFixed(1);
    out.push(
      `<line x1="${px}" y1="${BOX.top}" x2="${px}" y2="${BOX.bottom}" stroke="#e4e4e4"/>`,
      `<text x="${px}" y="${BOX.bottom + 18}" text-anchor="middle">${t.text}</text>`,
    );
  }
  for (const t of ys.ticks) {
    const py = ys.at(t.value).toFixed(1);
    out.push(
      `<line x1="${BOX.left}" y1="${py}" x2="${BOX.right}" y2="${py}" stroke="#e4e4e4"/>`,
      `<text x="${BOX.left - 8}" y="${py}" dy="4" text-anchor="end">${t.text}</text>`,
    );
  }
  out.push(
    `<rect x="${BOX.left}" y="${BOX.top}" width="${BOX.right - BOX.left}" height="${BOX.bottom - BOX.top}" fill="none" stroke="#444"/>`,
    `<text x="${(BOX.left + BOX.right) / 2}" y="${HEIGHT - 14}" text-anchor="middle">${escapeXml(x.label)}</text>`,
    `<text transform="translate(18 ${(BOX.top + BOX.bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeXml(y.label)}</text>`,
  );
  if (marker !== undefined) {
    const px = xs.at(marker.x).toFixed(1);
    out.push(
      `<line x1="${px}" y1="${BOX.top}" x2="${px}" y2="${BOX.bottom}" stroke="#777" stroke-dasharray="3 3"/>`,
      // Near an edge the label runs inwards, so it is not cut off.
      `<text x="${px}" y="${BOX.top - 6}" text-anchor="${Number(px) > WIDTH - 110 ? 'end' : Number(px) < 110 ? 'start' : 'middle'}" fill="#444">${escapeXml(marker.label)}</text>`,
    );
  }
  for (const s of data) {
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
    const points = s.points.map(([px, py]) => [xs.at(px).toFixed(1), ys.at(py).toFixed(1)]);
    out.push(
      `<polyline points="${points.map((p) => p.join(',')).join(' ')}" fill="none" stroke="${s.color}" stroke-width="2"${dash}/>`,
      ...points.map(([cx, cy]) => `<circle cx="${cx}" cy="${cy}" r="3" fill="${s.color}"/>`),
    );
  }
  // The legend on a white card, so lines passing under it do not hide its text.
  const width = 56 + 8.5 * Math.max(...data.map((s) => s.label.length));
  const left = legend === 'right' ? BOX.right - width - 8 : BOX.left + 8;
  out.push(
    `<rect x="${left}" y="${BOX.top + 8}" width="${width}" height="${10 + 20 * data.length}" fill="white" fill-opacity="0.9" stroke="#ccc"/>`,
  );
  data.forEach((s, i) => {
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
    const row = BOX.top + 23 + 20 * i;
    out.push(
      `<line x1="${left + 8}" y1="${row}" x2="${left + 32}" y2="${row}" stroke="${s.color}" stroke-width="2"${dash}/>`,
      `<text x="${left + 40}" y="${row + 4}">${escapeXml(s.label)}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('\n');
}
