/** @file The cost explorer's two plots, counted work and measured time against the varied size, drawn by the docs' own line plot. */

import { colours } from '../scripts/plot/theme.ts';
import { crossover, type Measured } from './explorer.ts';
import { linePlot } from './line-plot.ts';

/** The colours the docs' plots give the two modes, so the lab's plots read like the chapters'. */
const [FORWARD, REVERSE] = colours(['forward mode (jacfwd)', 'reverse mode (jacrev)']) as [
  string,
  string,
];

export type Axis = 'm' | 'n';

/** Counted applications and milliseconds per Jacobian of both modes against m (or n), each with its crossover marked. */
export function explorerPlots(
  points: readonly Measured[],
  axis: Axis,
): { work: string; time: string } {
  const fixed = axis === 'm' ? `n = ${points[0]?.n}` : `m = ${points[0]?.m}`;
  const x = {
    label:
      axis === 'm' ? `m, the number of outputs (${fixed})` : `n, the number of inputs (${fixed})`,
    log: true,
  };
  const plot = (
    title: string,
    unit: string,
    forward: (p: Measured) => number,
    reverse: (p: Measured) => number,
  ) => {
    const series = points.map((p) => ({ at: p[axis], forward: forward(p), reverse: reverse(p) }));
    const cross = crossover(series);
    return linePlot({
      title,
      x,
      y: { label: unit, log: true },
      series: [
        {
          label: 'forward mode (jacfwd)',
          color: FORWARD,
          points: series.map((s) => [s.at, s.forward]),
        },
        {
          label: 'reverse mode (jacrev)',
          color: REVERSE,
          dashed: true,
          points: series.map((s) => [s.at, s.reverse]),
        },
      ],
      ...(cross === undefined
        ? {}
        : { marker: { x: cross.at, label: `${cross.leader} ahead from ${axis} = ${cross.at}` } }),
    });
  };
  return {
    work: plot(
      'Counted work (predicted)',
      'primitive applications',
      (p) => p.forwardWork,
      (p) => p.reverseWork,
    ),
    time: plot(
      'Measured time',
      'milliseconds per Jacobian',
      (p) => p.forwardMs,
      (p) => p.reverseMs,
    ),
  };
}
