/** @file Vega-Lite specification to SVG text, in Node with no browser or canvas: vega's headless SVG renderer. */

import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { CONFIG } from './theme.ts';

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
