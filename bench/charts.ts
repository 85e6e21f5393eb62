/** @file The report's figures, as SVG files named for the sections that link them. */

import { barChart } from '../scripts/plot/bar.ts';
import { linePlot, type Series } from '../scripts/plot/line.ts';
import type { Case } from './lib/case.ts';
import { applications } from './lib/ledger.ts';
import { duration, times } from './lib/markdown.ts';
import { type Results, ratio } from './lib/result.ts';

/**
 * A variant's name without its task, so that "wengert grad" and "wengert
 * jvp" (or "jax-js jit(grad)" and "jax-js jit(jvp)") share a colour across
 * the panels; array ops are told apart by dashes.
 */
const family = (name: string) =>
  name
    .replace(/, matrix ops$/, '')
    .replace(/(?<!\.)\b(grad|gradient|jvp)\b|∇f·v/, '')
    .replace(/\(\)/, '(…)')
    .replace(/ ,/, ',')
    .replace(/\s+/g, ' ')
    .trim();

/** One series per variant of these cases for a task: (n, ratio) points; array ops dashed. */
function ratioSeries(results: Results, cases: readonly Case[], task: string): Series[] {
  return cases.flatMap((c) =>
    c.variants
      .filter((v) => v.task === task)
      .map((v) => ({
        name: family(v.name),
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
export async function charts(
  results: Results,
  cases: readonly Case[],
): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const byId = (id: string) => cases.find((c) => c.id === id) as Case;
  const rosenbrock = [byId('rosenbrock-scalar'), byId('rosenbrock-vector')];
  if (rosenbrock.some((c) => results.of(c.id).length > 0)) {
    const axes = {
      x: { label: 'n, the number of inputs', log: true },
      y: { label: 'times the plain-JS primal', log: true },
    };
    files.set(
      'rosenbrock.svg',
      await linePlot({
        title: 'Extended Rosenbrock: time as a multiple of the plain-JS primal',
        panels: [
          { title: 'Gradient', ...axes, series: ratioSeries(results, rosenbrock, 'gradient') },
          { title: 'One JVP', ...axes, series: ratioSeries(results, rosenbrock, 'jvp') },
        ],
        note: "Each point: a median in one fresh process, divided by the primal timed in that process. Dashed: array ops (wengert's in float64, the peers' in float32).",
      }),
    );
  }
  const mlp = results.of('mlp');
  if (mlp.length > 0) {
    files.set(
      'mlp.svg',
      await barChart(
        'MLP 2-16-1, 256 points: one step (loss and gradient)',
        'times the plain-JS forward pass',
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
      await linePlot({
        title: `A full Jacobian of sines, n inputs and m outputs, n·m = ${total.toLocaleString('en-US')}`,
        panels: [
          {
            title: 'Time',
            x: { label: 'n, the number of inputs', log: true },
            y: { label: 'milliseconds', log: true },
            series: series((m) => m.ms),
          },
          {
            title: 'Primitive applications',
            x: { label: 'n, the number of inputs', log: true },
            y: { label: 'primal + tangent + adjoint', log: true },
            series: series((m) => applications(m.note)),
          },
        ],
        note: 'jacfwd: n forward passes; jacrev: one recording, m reverse sweeps. Counts from the cost ledger.',
      }),
    );
  }
  return files;
}
