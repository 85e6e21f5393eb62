/** @file Chapter 6: the two-moons perceptron of notebook 06, its gradient checked three ways, and its training curve. */

import { lossPlot } from '../../../notebooks/lib/loss-plot.ts';
import {
  accuracy,
  checkGradient,
  initialParams,
  loss,
  moons,
  train,
} from '../../../notebooks/lib/mlp.ts';
import { grad, registry, withCost } from '../../../src/index.ts';
import { region } from '../examples.ts';
import { display, num, table, tex } from '../format.ts';
import type { Generator } from '../generate.ts';

const library = new URL('../../../notebooks/lib/mlp.ts', import.meta.url).href;
const data = moons(200, 7);
const start = initialParams(16, 3);
const trained = train(start, data, 3000, 0.1);
const losses = trained.losses;

/** The matrix rules the chapter derives from, as the registry states them. */
function rules(): string {
  // The name on a line of its own above its rules, and the reverse rule's accumulations one a line:
  // side by side, either makes the block wider than a phone.
  const rows = [registry.matmul, registry.broadcast, registry.mseLoss].map(
    (r) =>
      `& \\text{${r.name}:} \\\\ & \\quad ${r.latex.op} \\\\ & \\quad ${r.latex.forward} \\\\ ${r.latex.reverse
        .split(/,\s*\\quad\s*/)
        .map((line) => `& \\quad ${line}`)
        .join(' \\\\ ')}`,
  );
  return display(`\\begin{aligned} ${rows.join(' \\\\[6pt] ')} \\end{aligned}`);
}

export const backpropagation: Record<string, Generator> = {
  'mlp-net-code': () => `\`\`\`ts\n${region(library, 'net')}\n\`\`\``,
  'mlp-train-code': () => `\`\`\`ts\n${region(library, 'train')}\n\`\`\``,
  'mlp-matrix-rules': rules,
  'mlp-gradient-check': () =>
    table(
      ['parameter', 'shape', 'largest |toolkit − hand|', 'largest |toolkit − central differences|'],
      checkGradient(start, data).map((c) => [
        c.name,
        c.shape,
        `$${tex(c.hand, 3)}$`,
        `$${tex(c.differences, 3)}$`,
      ]),
    ),
  'mlp-tape': () => {
    const { cost } = withCost(() => grad(loss(data))(start));
    return `${num(cost.tapeEntries)} tape entries (the four parameters and six primitive applications) and ${num(cost.reverseSweeps)} reverse sweep`;
  },
  'mlp-loss-before': () => num(losses[0] as number, 4),
  'mlp-loss-after': () => num(losses[losses.length - 1] as number, 4),
  'mlp-accuracy-before': () => `${num(100 * accuracy(start, data), 3)}%`,
  'mlp-accuracy-after': () => `${num(100 * accuracy(trained.params, data), 3)}%`,
  'mlp-loss-curve': async (context) => {
    const svg = await lossPlot(losses);
    return `![The training loss on a log scale, falling from about 0.9 to about 0.03 over 3,000 steps](${context.figure('mlp-loss-curve.svg', svg)})`;
  },
};
