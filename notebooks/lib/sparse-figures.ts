/**
 * @file Pictures of a sparse Jacobian: its pattern, its columns (or rows) coloured, the
 * compressed seed matrix and the compressed Jacobian. Shared by notebook 11 and chapter 11.
 */

import {
  type Colouring,
  colourColumns,
  colourRows,
  type SparsityPattern,
} from '../../src/index.ts';
import { colourFill, gridSvg, type Panel } from './grid.ts';

const INK = '#333333';

/** An r×c grid of empty cells, filled by `fill(i, j)` where it returns a colour number. */
function cells(r: number, c: number, fill: (i: number, j: number) => number | null) {
  const colour = Array.from({ length: r }, (_, i) =>
    Array.from({ length: c }, (_, j) => fill(i, j)),
  );
  return {
    cells: colour.map((row) => row.map((k) => (k === null ? null : k < 0 ? INK : colourFill(k)))),
    labels: colour.map((row) => row.map((k) => (k === null || k < 0 ? null : String(k)))),
  };
}

/** The four panels for colouring the columns (forward) or the rows (reverse) of `pattern`. */
export function colouringPanels(
  pattern: SparsityPattern,
  side: 'columns' | 'rows',
): { panels: Panel[]; colouring: Colouring } {
  const { rows: m, cols: n } = pattern;
  const byColumns = side === 'columns';
  const colouring = byColumns ? colourColumns(pattern) : colourRows(pattern);
  const p = colouring.count;
  const colourOf = (k: number) => colouring.colourOf[k] as number;
  const has = (i: number, j: number) => pattern.has(i, j);
  const plural = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const panels: Panel[] = [
    {
      title: `pattern of J (${m}×${n})`,
      ...cells(m, n, (i, j) => (has(i, j) ? -1 : null)),
      caption: `${pattern.nonzeros.length} of ${m * n} may be nonzero`,
    },
    {
      title: `${side} coloured`,
      ...cells(m, n, (i, j) => (has(i, j) ? colourOf(byColumns ? j : i) : null)),
      caption: plural(p, 'colour', 'colours'),
    },
    byColumns
      ? {
          title: `seed S (${n}×${p})`,
          ...cells(n, p, (j, c) => (colourOf(j) === c ? c : null)),
          caption: 'column c: Σ e_j, j of colour c',
        }
      : {
          title: `seed Sᵀ (${p}×${m})`,
          ...cells(p, m, (c, i) => (colourOf(i) === c ? c : null)),
          caption: 'row c: Σ e_i, i of colour c',
        },
    byColumns
      ? {
          title: `J S (${m}×${p})`,
          ...cells(m, p, (i, c) =>
            (pattern.byRow[i] ?? []).some((j) => colourOf(j) === c) ? c : null,
          ),
          caption: `${plural(p, 'forward pass', 'forward passes')}, not ${n}`,
        }
      : {
          title: `Sᵀ J (${p}×${n})`,
          ...cells(p, n, (c, j) =>
            (pattern.byColumn[j] ?? []).some((i) => colourOf(i) === c) ? c : null,
          ),
          caption: `${plural(p, 'reverse sweep', 'reverse sweeps')}, not ${m}`,
        },
  ];
  return { panels, colouring };
}

/**
 * The side of a cell in pixels: the colour numbers inside cells are 0.6 of
 * it, so 20 gives them 12 px, the smallest text a figure may have.
 */
const CELL = 20;

/**
 * Panels two to a row, stacked into one SVG (four or five side by side
 * would be too wide to read anywhere but a wide screen); the title heads
 * the first row. Each row is a `gridSvg`, nested at its height.
 */
function twoPerRow(panels: readonly Panel[], title: string): string {
  const rows: { svg: string; width: number; height: number }[] = [];
  for (let i = 0; i < panels.length; i += 2) {
    const svg = gridSvg(panels.slice(i, i + 2), { title: i === 0 ? title : '', cell: CELL });
    const [, width, height] = (/width="([\d.]+)" height="([\d.]+)"/.exec(svg) ?? []).map(Number);
    rows.push({ svg, width: width ?? 0, height: height ?? 0 });
  }
  const width = Math.max(...rows.map((r) => r.width));
  const height = rows.reduce((sum, r) => sum + r.height, 0);
  let y = 0;
  const nested = rows.map((r) => {
    const placed = r.svg.replace('<svg ', `<svg y="${y}" `);
    y += r.height;
    return placed;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...nested,
    '</svg>',
  ].join('\n');
}

/**
 * One figure: pattern, colouring, seed and compressed Jacobian, two by two.
 *
 * @example
 * writeFileSync('bratu.svg', colouringFigure(sparsity(bratu(), point(12)), 'columns', 'Bratu'));
 */
export function colouringFigure(
  pattern: SparsityPattern,
  side: 'columns' | 'rows',
  title: string,
): string {
  return twoPerRow(colouringPanels(pattern, side).panels, title);
}

/**
 * Both sides of one pattern: the pattern, its columns coloured, its rows
 * coloured, and the row seed with the compressed rows (for a pattern where
 * rows colour better than columns, such as an arrow with a dense row).
 *
 * @example
 * writeFileSync('arrow.svg', bothSidesFigure(sparsity(arrowRow, point(12)), 'Arrow'));
 */
export function bothSidesFigure(pattern: SparsityPattern, title: string): string {
  const [plain, columns] = colouringPanels(pattern, 'columns').panels;
  const rows = colouringPanels(pattern, 'rows').panels.slice(1);
  return twoPerRow(
    [plain, columns, ...rows].filter((q) => q !== undefined),
    title,
  );
}
