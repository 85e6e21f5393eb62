/** @file One small SVG line plot for the notebooks: a curve or two on linear or log axes, with ticks and labels. */

/** One curve: its name for the legend and its points. */
export interface Series {
  readonly name: string;
  readonly points: readonly (readonly [number, number])[];
}

export interface PlotOptions {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  /** Plot y on a base-10 log scale (all y must be positive). */
  readonly logY?: boolean;
}

const W = 640;
const H = 400;
const M = { left: 72, right: 24, top: 40, bottom: 56 };
const COLOURS = ['#1f5fa8', '#c0392b', '#2e8b57', '#8e44ad'];

/** Escapes text for SVG. */
function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Round tick values covering [lo, hi]. */
function ticks(lo: number, hi: number, count = 5): number[] {
  const step = 10 ** Math.floor(Math.log10((hi - lo) / count || 1));
  const nice = [1, 2, 5, 10].map((m) => m * step).find((s) => (hi - lo) / s <= count) as number;
  const out: number[] = [];
  for (let t = Math.ceil(lo / nice) * nice; t <= hi + 1e-12; t += nice)
    out.push(Number(t.toPrecision(12)));
  return out;
}

/** A standalone SVG document plotting the series. */
export function linePlot(series: readonly Series[], options: PlotOptions): string {
  const ty = (y: number) => (options.logY ? Math.log10(y) : y);
  const xs = series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = series.flatMap((s) => s.points.map((p) => ty(p[1])));
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  let [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  if (options.logY) [y0, y1] = [Math.floor(y0), Math.ceil(y1)];
  const px = (x: number) => M.left + ((x - x0) / (x1 - x0 || 1)) * (W - M.left - M.right);
  const py = (y: number) => H - M.bottom - ((ty(y) - y0) / (y1 - y0 || 1)) * (H - M.top - M.bottom);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="13">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="24" text-anchor="middle" font-size="15">${esc(options.title)}</text>`,
  ];
  for (const t of ticks(x0, x1)) {
    parts.push(
      `<line x1="${px(t)}" x2="${px(t)}" y1="${M.top}" y2="${H - M.bottom}" stroke="#ddd"/>`,
      `<text x="${px(t)}" y="${H - M.bottom + 18}" text-anchor="middle">${t}</text>`,
    );
  }
  const yTicks = options.logY
    ? Array.from({ length: y1 - y0 + 1 }, (_, i) => y0 + i)
    : ticks(y0, y1);
  for (const t of yTicks) {
    const v = options.logY ? 10 ** t : t;
    parts.push(
      `<line x1="${M.left}" x2="${W - M.right}" y1="${py(v)}" y2="${py(v)}" stroke="#ddd"/>`,
      `<text x="${M.left - 8}" y="${py(v) + 4}" text-anchor="end">${options.logY ? `1e${t}` : t}</text>`,
    );
  }
  parts.push(
    `<rect x="${M.left}" y="${M.top}" width="${W - M.left - M.right}" height="${H - M.top - M.bottom}" fill="none" stroke="#333"/>`,
    `<text x="${W / 2}" y="${H - 14}" text-anchor="middle">${esc(options.xLabel)}</text>`,
    `<text transform="translate(18 ${H / 2}) rotate(-90)" text-anchor="middle">${esc(options.yLabel)}</text>`,
  );
  series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const d = s.points.map(
      ([x, y], k) => `${k === 0 ? 'M' : 'L'}${px(x).toFixed(1)},${py(y).toFixed(1)}`,
    );
    parts.push(
      `<path d="${d.join('')}" fill="none" stroke="${colour}" stroke-width="2"/>`,
      `<text x="${W - M.right - 8}" y="${M.top + 18 + 18 * i}" text-anchor="end" fill="${colour}">${esc(s.name)}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
