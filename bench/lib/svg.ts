/**
 * @file Plain SVG charts, written as text: log-log line charts in side-by-side
 * panels with one legend, and horizontal bar charts on a log scale. Enough
 * for the benchmark's figures, readable without a browser's help.
 */

export interface Series {
  readonly name: string;
  readonly points: readonly (readonly [number, number])[];
  readonly dashed?: boolean;
}

export interface Panel {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly Series[];
}

export interface Bar {
  readonly label: string;
  readonly value: number;
  /** Printed at the end of the bar; the value if left out. */
  readonly text?: string;
}

/** Colours that stay apart for most readers (Tableau 10), by series in legend order. */
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

const PANEL = { width: 440, height: 320, left: 64, right: 16, top: 36, bottom: 48 };
const FONT = 'font-family="Helvetica, Arial, sans-serif"';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function text(x: number, y: number, content: string, attributes = ''): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attributes}>${escapeXml(content)}</text>`;
}

const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** 10ⁿ with a superscript exponent. */
function power(exponent: number): string {
  return `10${[...String(exponent)].map((c) => SUPERSCRIPT[c] ?? c).join('')}`;
}

interface Tick {
  readonly value: number;
  readonly label: string;
}

/**
 * A log axis over whole decades around the data, ticked at each power of
 * ten (and at 2 and 5 times it when it spans two decades or less), labelled
 * as plain numbers when they all lie in 0.01..10,000 and as 10ⁿ otherwise.
 */
function logAxis(data: readonly number[]): { lo: number; hi: number; ticks: Tick[] } {
  const positive = data.filter((v) => v > 0 && Number.isFinite(v));
  const lo = positive.length === 0 ? 0 : Math.floor(Math.log10(Math.min(...positive)) + 1e-9);
  const top = positive.length === 0 ? 1 : Math.ceil(Math.log10(Math.max(...positive)) - 1e-9);
  const hi = Math.max(top, lo + 1);
  const plain = lo >= -2 && hi <= 5;
  const label = (v: number) => v.toLocaleString('en-US', { maximumSignificantDigits: 3 });
  const ticks: Tick[] = [];
  for (let e = lo; e <= hi; e++) {
    ticks.push({ value: 10 ** e, label: plain ? label(10 ** e) : power(e) });
    if (hi - lo <= 2 && e < hi) {
      for (const k of [2, 5])
        ticks.push({ value: k * 10 ** e, label: plain ? label(k * 10 ** e) : '' });
    }
  }
  return { lo, hi, ticks };
}

/** One panel's axes, grid, labels and lines, placed with its top-left corner at (x0, y0). */
function linePanel(panel: Panel, x0: number, y0: number, colour: (name: string) => string): string {
  const all = panel.series.flatMap((s) => s.points);
  const xAxis = logAxis(all.map((p) => p[0]));
  const yAxis = logAxis(all.map((p) => p[1]));
  const plotW = PANEL.width - PANEL.left - PANEL.right;
  const plotH = PANEL.height - PANEL.top - PANEL.bottom;
  const px = (v: number) =>
    x0 + PANEL.left + ((Math.log10(v) - xAxis.lo) / (xAxis.hi - xAxis.lo)) * plotW;
  const py = (v: number) =>
    y0 + PANEL.top + plotH - ((Math.log10(v) - yAxis.lo) / (yAxis.hi - yAxis.lo)) * plotH;
  const parts: string[] = [];
  parts.push(
    text(
      x0 + PANEL.width / 2,
      y0 + 20,
      panel.title,
      'text-anchor="middle" font-size="14" font-weight="bold"',
    ),
  );
  for (const { value: t, label } of xAxis.ticks) {
    const x = px(t);
    parts.push(
      `<line x1="${x.toFixed(1)}" y1="${y0 + PANEL.top}" x2="${x.toFixed(1)}" y2="${y0 + PANEL.top + plotH}" stroke="#e4e4e4"/>`,
    );
    parts.push(text(x, y0 + PANEL.top + plotH + 16, label, 'text-anchor="middle" font-size="11"'));
  }
  for (const { value: t, label } of yAxis.ticks) {
    const y = py(t);
    parts.push(
      `<line x1="${x0 + PANEL.left}" y1="${y.toFixed(1)}" x2="${x0 + PANEL.left + plotW}" y2="${y.toFixed(1)}" stroke="#e4e4e4"/>`,
    );
    parts.push(text(x0 + PANEL.left - 6, y + 4, label, 'text-anchor="end" font-size="11"'));
  }
  parts.push(
    `<rect x="${x0 + PANEL.left}" y="${y0 + PANEL.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#555"/>`,
  );
  parts.push(
    text(
      x0 + PANEL.left + plotW / 2,
      y0 + PANEL.height - 10,
      panel.xLabel,
      'text-anchor="middle" font-size="12"',
    ),
  );
  const yMid = y0 + PANEL.top + plotH / 2;
  parts.push(
    text(
      x0 + 14,
      yMid,
      panel.yLabel,
      `text-anchor="middle" font-size="12" transform="rotate(-90 ${x0 + 14} ${yMid.toFixed(1)})"`,
    ),
  );
  for (const s of panel.series) {
    const points = s.points.filter(([x, y]) => x > 0 && y > 0);
    if (points.length === 0) continue;
    const c = colour(s.name);
    const path = points.map(
      ([x, y], k) => `${k === 0 ? 'M' : 'L'}${px(x).toFixed(1)},${py(y).toFixed(1)}`,
    );
    const dash = s.dashed === true ? ' stroke-dasharray="6 4"' : '';
    parts.push(`<path d="${path.join(' ')}" fill="none" stroke="${c}" stroke-width="2"${dash}/>`);
    for (const [x, y] of points) {
      parts.push(`<circle cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="3.5" fill="${c}"/>`);
    }
  }
  return parts.join('\n');
}

/** A legend of series, in `columns` columns of `columnWidth` from (x0, y0); its height. */
function legend(
  series: readonly Series[],
  x0: number,
  y0: number,
  columns: number,
  columnWidth: number,
  colour: (name: string) => string,
  parts: string[],
): number {
  series.forEach((s, k) => {
    const x = x0 + (k % columns) * columnWidth;
    const y = y0 + Math.floor(k / columns) * 20;
    const dash = s.dashed === true ? ' stroke-dasharray="6 4"' : '';
    parts.push(
      `<line x1="${x}" y1="${y}" x2="${x + 28}" y2="${y}" stroke="${colour(s.name)}" stroke-width="2"${dash}/>`,
    );
    parts.push(`<circle cx="${x + 14}" cy="${y}" r="3.5" fill="${colour(s.name)}"/>`);
    parts.push(text(x + 36, y + 4, s.name, 'font-size="12"'));
  });
  return Math.ceil(series.length / columns) * 20;
}

/**
 * Log-log line charts side by side under one title. Panels that plot the
 * same series share one legend and their colours; otherwise each panel has
 * its own legend beneath it, coloured in its own order.
 */
export function linePanels(title: string, panels: readonly Panel[], note = ''): string {
  const namesOf = (p: Panel) => p.series.map((s) => s.name).join('\n');
  const shared = panels.every((p) => namesOf(p) === namesOf(panels[0] as Panel));
  const width = PANEL.width * panels.length;
  const top = 34;
  const legendTop = top + PANEL.height + 16;
  const parts = [
    text(width / 2, 22, title, 'text-anchor="middle" font-size="16" font-weight="bold"'),
  ];
  let legendHeight = 0;
  panels.forEach((panel, k) => {
    const names = panel.series.map((s) => s.name);
    const colour = (name: string) => PALETTE[names.indexOf(name) % PALETTE.length] as string;
    parts.push(linePanel(panel, k * PANEL.width, top, colour));
    if (shared && k > 0) return;
    const columns = shared ? Math.max(1, Math.floor(width / 260)) : 1;
    const x0 = shared ? 24 : k * PANEL.width + PANEL.left;
    legendHeight = Math.max(
      legendHeight,
      legend(panel.series, x0, legendTop, columns, 260, colour, parts),
    );
  });
  const height = legendTop + legendHeight + (note === '' ? 0 : 22);
  if (note !== '') parts.push(text(12, height - 8, note, 'font-size="11" fill="#555"'));
  return svgDocument(width, height, title, parts);
}

/** Horizontal bars on a log scale, one per label, the value printed at each bar's end. */
export function barChart(title: string, xLabel: string, bars: readonly Bar[], note = ''): string {
  const labelWidth = 250;
  const barHeight = 22;
  const plotW = 420;
  const top = 40;
  const width = labelWidth + plotW + 90;
  const height = top + bars.length * (barHeight + 8) + 46 + (note === '' ? 0 : 20);
  const axis = logAxis([1, ...bars.map((b) => b.value)]);
  const lo = axis.lo;
  const px = (v: number) => labelWidth + ((Math.log10(v) - lo) / (axis.hi - lo)) * plotW;
  const bottom = top + bars.length * (barHeight + 8);
  const parts = [
    text(width / 2, 22, title, 'text-anchor="middle" font-size="16" font-weight="bold"'),
  ];
  for (const { value: t, label } of axis.ticks) {
    parts.push(
      `<line x1="${px(t).toFixed(1)}" y1="${top - 4}" x2="${px(t).toFixed(1)}" y2="${bottom}" stroke="#e4e4e4"/>`,
    );
    parts.push(text(px(t), bottom + 16, label, 'text-anchor="middle" font-size="11"'));
  }
  bars.forEach((bar, k) => {
    const y = top + k * (barHeight + 8);
    const end = Math.max(px(Math.max(bar.value, 10 ** lo)), labelWidth + 1);
    parts.push(
      text(labelWidth - 8, y + barHeight / 2 + 4, bar.label, 'text-anchor="end" font-size="12"'),
    );
    parts.push(
      `<rect x="${labelWidth}" y="${y}" width="${(end - labelWidth).toFixed(1)}" height="${barHeight}" fill="${PALETTE[0]}"/>`,
    );
    parts.push(
      text(end + 6, y + barHeight / 2 + 4, bar.text ?? String(bar.value), 'font-size="12"'),
    );
  });
  parts.push(
    `<line x1="${labelWidth}" y1="${top - 4}" x2="${labelWidth}" y2="${bottom}" stroke="#555"/>`,
  );
  parts.push(
    text(labelWidth + plotW / 2, bottom + 34, xLabel, 'text-anchor="middle" font-size="12"'),
  );
  if (note !== '') parts.push(text(12, height - 8, note, 'font-size="11" fill="#555"'));
  return svgDocument(width, height, title, parts);
}

function svgDocument(
  width: number,
  height: number,
  title: string,
  parts: readonly string[],
): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} fill="#222">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}
