/** @file The training loss of notebook 06 and chapter 6 as one figure, drawn by the shared plotting module. */

import { linePlot } from '../../scripts/plot/line.ts';

/** Every tenth step and the last: a 340-pixel-wide curve shows no more, and vega lays it out ten times faster. */
const sampled = (losses: readonly number[]) =>
  losses.map((l, s) => [s, l] as const).filter(([s]) => s % 10 === 0 || s === losses.length - 1);

/** The loss at each gradient-descent step, on a log scale. */
export function lossPlot(losses: readonly number[]): Promise<string> {
  return linePlot({
    title: 'Training loss of the two-moons network',
    panels: [
      {
        x: { label: 'gradient descent step' },
        y: { label: 'mean squared error', log: true },
        series: [{ name: 'training loss', points: sampled(losses) }],
      },
    ],
  });
}
