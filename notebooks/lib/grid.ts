/** @file A grid-of-squares SVG: matrices drawn side by side as coloured cells, for sparsity patterns and their colourings. */

/** One matrix to draw: a fill for each cell (a CSS colour, or null for a zero), a title above and a caption below. */
export interface Panel {
  readonly title: string;
  readonly cells: readonly (readonly (string | null)[])[];
  readonly caption?: string;
  /** Text inside cells, where there is any (a colour's number, say); drawn only if cells are big enough. */
  readonly labels?: readonly (readonly (string | null)[])[];
}

export interface GridOptions {
  /** A heading over the whole figure. */
  readonly title: string;
  /** The side of one cell in pixels (default 14). */
  readonly cell?: number;
}

const FONT = 'font-family="DejaVu Sans, Helvetica, Arial, sans-serif"';
const GAP = 36;
const PAD = 16;
const HEAD = 44;
const EMPTY = '#ffffff';
const LINE = '#c8c8c8';

/** Okabe and Ito's eight colours, told apart by colour-blind readers; beyond eight, hues spread by the golden angle. */
const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
];

/** Fills light enough to need dark text (Okabe and Ito's sky blue and yellow). */
const LIGHT = new Set(['#56B4E9', '#F0E442', EMPTY]);

/** The fill of colour c (0, 1, 2, ...), the same in every figure. */
export function colourFill(c: number): string {
  return PALETTE[c] ?? `hsl(${Math.round((c * 137.508) % 360)}, 60%, 50%)`;
}

const escapeXml = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** A panel's cells and title at (x, y), and its width. */
function drawPanel(
  panel: Panel,
  x: number,
  y: number,
  size: number,
): { svg: string; width: number } {
  const rows = panel.cells.length;
  const cols = panel.cells[0]?.length ?? 0;
  // Text is about 7 px a character at these sizes: a long title or caption widens the panel.
  const width = Math.max(cols * size, 7.5 * panel.title.length, 6.5 * (panel.caption?.length ?? 0));
  const parts: string[] = [
    `<text x="${x}" y="${y - 8}" font-size="13" ${FONT}>${escapeXml(panel.title)}</text>`,
  ];
  const thin = size >= 6 ? ` stroke="${LINE}" stroke-width="0.5"` : '';
  panel.cells.forEach((row, i) => {
    row.forEach((fill, j) => {
      const [cx, cy] = [x + j * size, y + i * size];
      parts.push(
        `<rect x="${cx}" y="${cy}" width="${size}" height="${size}" fill="${fill ?? EMPTY}"${thin}/>`,
      );
      const label = panel.labels?.[i]?.[j];
      if (label && size >= 12) {
        parts.push(
          `<text x="${cx + size / 2}" y="${cy + size * 0.72}" font-size="${Math.round(size * 0.6)}" ` +
            `text-anchor="middle" fill="${LIGHT.has(fill ?? EMPTY) ? '#000000' : '#ffffff'}" ${FONT}>` +
            `${escapeXml(label)}</text>`,
        );
      }
    });
  });
  parts.push(
    `<rect x="${x}" y="${y}" width="${cols * size}" height="${rows * size}" fill="none" stroke="#555555"/>`,
  );
  if (panel.caption !== undefined) {
    parts.push(
      `<text x="${x}" y="${y + rows * size + 18}" font-size="12" ${FONT}>${escapeXml(panel.caption)}</text>`,
    );
  }
  return { svg: parts.join('\n'), width };
}

/**
 * Panels side by side in one SVG, their tops aligned, with a title over
 * them all. The SVG has a viewBox, so it scales down on a narrow page.
 *
 * @example
 * gridSvg([{ title: 'pattern', cells: [['#000', null], [null, '#000']] }], { title: 'A diagonal' });
 */
export function gridSvg(panels: readonly Panel[], { title, cell = 14 }: GridOptions): string {
  const parts: string[] = [];
  let x = PAD;
  let tallest = 0;
  for (const panel of panels) {
    const { svg, width } = drawPanel(panel, x, PAD + HEAD, cell);
    parts.push(svg);
    x += width + GAP;
    tallest = Math.max(tallest, panel.cells.length * cell);
  }
  const width = x - GAP + PAD;
  const height = PAD + HEAD + tallest + 28 + PAD;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${PAD}" y="${PAD + 14}" font-size="15" font-weight="bold" ${FONT}>${escapeXml(title)}</text>`,
    ...parts,
    '</svg>',
  ].join('\n');
}
