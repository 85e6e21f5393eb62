/** @file Vega-Lite specification to SVG text, in Node with no browser or canvas: vega's headless SVG renderer. */

import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { CONFIG, WIDTH } from './theme.ts';

/** Lines of at most `width` characters, broken at spaces (titles and notes wrap; SVG text does not). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  // "n = 64" stays on one line: no break beside an equals sign.
  for (const word of text.replaceAll(' = ', '\u00a0=\u00a0').split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * Without a canvas vega guesses 0.8 em per character, far wider than the
 * theme's fonts (about 0.6 em, bold a little more), which pads every figure
 * with empty room; vega lets a renderer without canvas (vl-convert does the
 * same) supply its own measure.
 */
// vega exports textMetrics at run time; its types leave it out.
const { textMetrics } = vega as unknown as {
  textMetrics: {
    width: (item: { fontSize?: number; fontWeight?: string | number }, text?: string) => number;
  };
};
textMetrics.width = (item: { fontSize?: number; fontWeight?: string | number }, text?: string) =>
  String(text ?? '').length * (item.fontSize ?? 11) * (item.fontWeight === 'bold' ? 0.66 : 0.6);

/** The figure as a standalone SVG document, in the theme. */
export async function render(spec: TopLevelSpec): Promise<string> {
  const themed = { ...spec, config: CONFIG } as TopLevelSpec;
  const view = new vega.View(vega.parse(compile(themed).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return `${svg}\n`;
}

/** The width an SVG document declares, in px. */
export function declaredWidth(svg: string): number {
  return Number(/width="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? Number.NaN);
}

/**
 * Draws a figure whose plot is `start` px wide, widens the plot to make the
 * whole figure WIDTH, then narrows it until the figure is at most WIDTH.
 * Axis labels, a label past a bar or a marker's text take room that moves
 * with the plot's width (ticks change), so one correction is not always
 * enough: a figure one pixel too wide shows its text below 12 px on a phone
 * (see WIDTH).
 */
export async function fitWidth(draw: (plotWidth: number) => Promise<string>, start: number) {
  // The first drawing says how much room the labels take; the second uses the rest.
  let width = start;
  let svg = await draw(width);
  if (declaredWidth(svg) !== WIDTH) {
    width += Math.floor(WIDTH - declaredWidth(svg));
    svg = await draw(width);
  }
  for (let tries = 0; tries < 8; tries++) {
    const drawn = declaredWidth(svg);
    if (drawn <= WIDTH) return svg;
    width -= Math.max(1, Math.ceil(drawn - WIDTH));
    svg = await draw(width);
  }
  if (declaredWidth(svg) <= WIDTH) return svg;
  throw new Error(
    `a figure stays ${declaredWidth(svg)} px wide after narrowing; the theme allows ${WIDTH}`,
  );
}
