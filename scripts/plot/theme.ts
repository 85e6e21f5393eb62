/**
 * @file The one look of every figure: its size, its type sizes and a fixed
 * colour for each variant, so a variant keeps its colour across panels,
 * pages, the notebooks and the benchmark report.
 */

/**
 * Width of one figure in CSS pixels. Pages show figures at their own width
 * up to the text column (about 740 px) and shrink them to fit below that; a
 * phone's column is about 357 px. At 416 px a 14 px label still shows at
 * 12 px there (14 · 357 / 416), and at full size beside the text.
 */
export const WIDTH = 416;
export const HEIGHT = 300;

/** Type sizes in px at the figure's own width; none below 14 (see WIDTH). */
export const FONT = { family: 'DejaVu Sans, Helvetica, Arial, sans-serif', title: 16, text: 14 };

/**
 * Colours (Tableau 10, which stay apart for most readers) by variant name.
 * A name not listed takes the next unused colour of the palette, in the
 * order the series come.
 */
const PALETTE = [
  '#4e79a7',
  '#e15759',
  '#59a14f',
  '#f28e2b',
  '#b07aa1',
  '#76b7b2',
  '#9c755f',
  '#edc948',
  '#ff9da7',
  '#bab0ac',
  '#1b1b1b',
];
const VARIANTS: Readonly<Record<string, string>> = {
  jacfwd: '#e15759',
  'forward mode (jacfwd)': '#e15759',
  'forward (f(x+h) − f(x))/h': '#e15759',
  jacrev: '#4e79a7',
  'reverse mode (jacrev)': '#4e79a7',
  'central (f(x+h) − f(x−h))/2h': '#4e79a7',
  wengert: '#4e79a7',
  'wengert (array ops)': '#4e79a7',
  'jax-js': '#59a14f',
  'jax-js (array ops)': '#59a14f',
  'tfjs (array ops)': '#f28e2b',
  tfjs: '#f28e2b',
  'plain JS': '#9c755f',
  'hand-written': '#9c755f',
};

/** The colour of each name, fixed where the theme knows the variant. */
export function colours(names: readonly string[]): string[] {
  const taken = new Set(names.map((n) => VARIANTS[n]).filter((c) => c !== undefined));
  const free = PALETTE.filter((c) => !taken.has(c));
  return names.map((n) => VARIANTS[n] ?? free.shift() ?? '#555');
}

/** Vega-Lite config: the theme above, grid lines faint, no frame. */
export const CONFIG = {
  // Figures are images with alt text on the page; per-mark ARIA labels only make the files long.
  aria: false,
  font: FONT.family,
  background: 'white',
  padding: 8,
  title: { fontSize: FONT.title, fontWeight: 'bold', anchor: 'start', offset: 12 },
  axis: {
    labelFontSize: FONT.text,
    titleFontSize: FONT.text,
    titleFontWeight: 'normal',
    gridColor: '#e6e6e6',
    domainColor: '#666',
    tickColor: '#666',
    labelColor: '#222',
    titleColor: '#222',
  },
  legend: {
    labelFontSize: FONT.text,
    titleFontSize: FONT.text,
    orient: 'bottom',
    direction: 'vertical',
    symbolType: 'stroke',
    symbolStrokeWidth: 2.5,
    symbolSize: 400,
    labelLimit: WIDTH - 40,
  },
  view: { stroke: null },
  line: { strokeWidth: 2.5 },
  point: { size: 36, filled: true },
} as const;
