/** @file The report's figures, as SVG files named for the sections that link them. */

import type { Case } from './lib/case.ts';
import { applications } from './lib/ledger.ts';
import { duration, times } from './lib/markdown.ts';
import { type Results, ratio } from './lib/result.ts';
import { barChart, linePanels, type Series } from './lib/svg.ts';

/** One series per variant of these cases for a task: (n, ratio) points; array ops dashed. */
function ratioSeries(results: Results, cases: readonly Case[], task: string): Series[] {
  return cases.flatMap((c) =>
    c.variants
      .filter((v) => v.task === task)
      .map((v) => ({
        name: `${v.name}${c.form === 'array ops' ? ' (array ops)' : ''}`,
        dashed: c.form === 'array ops',
        points: results
          .of(c.id)
          .filter((m) => m.variant === v.name)
          .map((m) => [m.sizeValue, ratio(m)] as const),
      }))
      .filter((s) => s.points.length > 0),
  );
}

/** Every figure this run has data for, by file name. */
export function charts(results: Results, cases: readonly Case[]): Map<string, string> {
  const files = new Map<string, string>();
  const byId = (id: string) => cases.find((c) => c.id === id) as Case;
  const rosenbrock = [byId('rosenbrock-scalar'), byId('rosenbrock-vector')];
  if (rosenbrock.some((c) => results.of(c.id).length > 0)) {
    const axes = { xLabel: 'n (inputs)', yLabel: 'time / plain-JS primal' };
    files.set(
      'rosenbrock.svg',
      linePanels(
        'Extended Rosenbrock: time as a multiple of the plain-JS primal',
        [
          { title: 'Gradient', ...axes, series: ratioSeries(results, rosenbrock, 'gradient') },
          { title: 'One JVP', ...axes, series: ratioSeries(results, rosenbrock, 'jvp') },
        ],
        'Each point: medians in one fresh process, divided by the primal timed in that process. Dashed: array ops (float32).',
      ),
    );
  }
  const mlp = results.of('mlp');
  if (mlp.length > 0) {
    files.set(
      'mlp.svg',
      barChart(
        'MLP 2-16-1, 256 points: one step (loss and gradient)',
        'time / plain-JS forward pass (log scale)',
        mlp.map((m) => ({
          label: m.variant,
          value: ratio(m),
          text: `${times(ratio(m))} (${duration(m.ms)})`,
        })),
      ),
    );
  }
  const shapes = results.of('shapes');
  if (shapes.length > 0) {
    const modes = ['jacfwd', 'jacrev'];
    const series = (y: (m: (typeof shapes)[number]) => number) =>
      modes.map((mode) => ({
        name: mode,
        points: shapes.filter((m) => m.variant === mode).map((m) => [m.sizeValue, y(m)] as const),
      }));
    // The sweep runs from n = 1 to n = n·m (one output), so its largest n is n·m.
    const total = Math.max(...shapes.map((m) => m.sizeValue));
    files.set(
      'shapes.svg',
      linePanels(
        `Full Jacobian of y_j = Σ sin(a_ji x_i) with n·m = ${total.toLocaleString('en-US')}`,
        [
          {
            title: 'Time',
            xLabel: `n inputs (m = ${total.toLocaleString('en-US')} / n outputs)`,
            yLabel: 'milliseconds',
            series: series((m) => m.ms),
          },
          {
            title: 'Primitive applications',
            xLabel: `n inputs (m = ${total.toLocaleString('en-US')} / n outputs)`,
            yLabel: 'primal + tangent + adjoint',
            series: series((m) => applications(m.note)),
          },
        ],
        'jacfwd: n forward passes; jacrev: one recording, m reverse sweeps. Counts from the cost ledger.',
      ),
    );
  }
  return files;
}
