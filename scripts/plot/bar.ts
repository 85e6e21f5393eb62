/** @file Horizontal bars on a log scale, each with its value written at its end: how many times slower each variant is. */

import type { TopLevelSpec } from 'vega-lite';
import { fitWidth, render, wrap } from './render.ts';
import { colours, FONT, WIDTH } from './theme.ts';
import { logAxis } from './ticks.ts';

export interface Bar {
  readonly label: string;
  readonly value: number;
  /** Written at the end of the bar; the value if left out. */
  readonly text?: string;
}

/**
 * The bars as one SVG document, labels above their bars (a phone has no
 * room beside them), one colour per variant as in the line plots.
 *
 * @example
 * await barChart('One step', 'times the plain-JS step', [{ label: 'wengert', value: 12 }]);
 */
export async function barChart(
  title: string,
  xLabel: string,
  bars: readonly Bar[],
  note?: string,
): Promise<string> {
  const names = bars.map((b) => b.label);
  // Room past the longest bar for its text.
  const most = Math.max(...bars.map((b) => b.value));
  const { domain } = logAxis([1, ...bars.map((b) => b.value), most * 8]);
  const data = bars.map((b) => ({ ...b, text: b.text ?? String(b.value), base: domain[0] }));
  const x = {
    field: 'value',
    type: 'quantitative',
    title: xLabel,
    scale: { type: 'log', domain, nice: false },
    axis: null,
  };
  const spec = (width: number) => ({
    title: {
      text: wrap(title, Math.floor((WIDTH - 16) / (0.66 * FONT.title))),
      // The bars carry their values, so no axis: the subtitle says what the lengths are.
      subtitle: wrap(
        `Bar lengths: ${xLabel}, on a log scale.${note === undefined ? '' : ` ${note}`}`,
        Math.floor((WIDTH - 16) / (0.6 * FONT.text)),
      ),
      subtitleFontSize: FONT.text,
    },
    width,
    // Each row: the variant's name, and under it its bar (a phone has no room beside).
    height: 46 * bars.length,
    data: { values: data },
    encoding: {
      y: {
        field: 'label',
        type: 'nominal',
        sort: names,
        axis: null,
        scale: { paddingInner: 0, paddingOuter: 0 },
      },
    },
    layer: [
      {
        mark: { type: 'bar', height: 16, yOffset: 9 },
        encoding: {
          x,
          x2: { field: 'base' },
          color: {
            field: 'label',
            type: 'nominal',
            legend: null,
            scale: { domain: names, range: colours(names) },
          },
        },
      },
      {
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'middle',
          dx: 4,
          yOffset: 9,
          fontSize: FONT.text,
        },
        encoding: { x, text: { field: 'text' } },
      },
      {
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'middle',
          yOffset: -10,
          fontSize: FONT.text,
        },
        encoding: {
          x: { field: 'base', type: 'quantitative', scale: x.scale, axis: null },
          text: { field: 'label' },
        },
      },
    ],
  });
  // A value written past its bar may reach beyond the plot, and the bars' scale moves with the width.
  return fitWidth((width) => render(spec(width) as unknown as TopLevelSpec), WIDTH - 24);
}
