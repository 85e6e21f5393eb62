/** @file The cost explorer panel: read n, m and the axis, measure each size in turn without freezing the page, plot both. */

import { crossover, type Measured, measure, sizes } from '../explorer.ts';
import { type Axis, explorerPlots } from '../plot.ts';
import { byId, make } from './dom.ts';

/** A whole number from a number field, clamped to its min and max. */
function whole(id: string): number {
  const field = byId<HTMLInputElement>(id);
  const value = Math.round(Number(field.value));
  const clamped = Math.min(
    Number(field.max),
    Math.max(Number(field.min), Number.isFinite(value) ? value : 1),
  );
  field.value = String(clamped);
  return clamped;
}

/** Lets the page paint (and stay responsive) between two sizes. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A plot into its figure, with a caption that says in words what it shows. */
function figure(id: string, svg: string, caption: string): void {
  const box = byId(id);
  box.innerHTML = svg;
  const plot = box.querySelector('svg');
  plot?.setAttribute('role', 'img');
  plot?.setAttribute('aria-label', caption);
  box.append(make('figcaption', '', caption));
}

/** Where a series crossed, in words. */
function verdict(points: readonly Measured[], axis: Axis, key: 'Work' | 'Ms'): string {
  const series = points.map((p) => ({
    at: p[axis],
    forward: p[`forward${key}`],
    reverse: p[`reverse${key}`],
  }));
  const cross = crossover(series);
  const last = series.at(-1);
  if (cross !== undefined) return `${cross.leader} mode ahead from ${axis} = ${cross.at}`;
  if (last === undefined) return '';
  return last.forward < last.reverse
    ? 'forward mode ahead throughout'
    : 'reverse mode ahead (or tied) throughout';
}

/** Wires the explorer's form: each run measures every size along the chosen axis, then plots. */
export function watchExplorer(): void {
  const form = byId<HTMLFormElement>('explorer');
  const status = byId('explorer-status');
  const run = byId<HTMLButtonElement>('explorer-run');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (run.getAttribute('aria-busy') === 'true') return;
    const n = whole('explorer-n');
    const m = whole('explorer-m');
    const axis: Axis =
      form.querySelector<HTMLInputElement>('input[name="axis"]:checked')?.value === 'n' ? 'n' : 'm';
    const along = sizes(axis === 'm' ? m : n);
    run.setAttribute('aria-busy', 'true');
    form.dataset.state = 'running';
    status.textContent = 'Warming the engine up…';
    await breathe();
    // The first sizes measured would otherwise also time the JIT compiling the engine.
    measure(n, m);
    const points: Measured[] = [];
    for (const size of along) {
      status.textContent = `Measuring ${axis} = ${size} (${points.length + 1} of ${along.length})…`;
      await breathe();
      points.push(axis === 'm' ? measure(n, size) : measure(size, m));
    }
    const plots = explorerPlots(points, axis);
    const work = verdict(points, axis, 'Work');
    const time = verdict(points, axis, 'Ms');
    figure(
      'plot-work',
      plots.work,
      `Counted primitive applications of jacfwd and jacrev against ${axis}: ${work}.`,
    );
    figure('plot-time', plots.time, `Measured time per Jacobian against ${axis}: ${time}.`);
    status.textContent = `Done: ${along.length} sizes. Counted work: ${work}. Measured time: ${time}.`;
    run.removeAttribute('aria-busy');
    form.dataset.state = 'done';
  });
}
