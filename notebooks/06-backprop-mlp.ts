/** @file Notebook 06: backpropagation is reverse mode applied to a neural network: a two-layer perceptron, its gradient three ways, and training it on two moons. */

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { grad, withCost } from '../src/index.ts';
import { lossPlot } from './lib/loss-plot.ts';
import { accuracy, checkGradient, initialParams, loss, moons, train } from './lib/mlp.ts';
import { grid, notebook } from './lib/notebook.ts';

const nb = notebook(import.meta.url, '06 · Backpropagation is reverse mode');
const svgFlag = process.argv.indexOf('--svg');
const svgFile = svgFlag >= 0 ? (process.argv[svgFlag + 1] as string) : 'out/06-loss-curve.svg';

nb.say(`A neural network is a function of its weights, and training it needs the
  gradient of one number, the loss, with respect to all of them: many inputs,
  one output, the shape reverse mode is made for. "Backpropagation" is the
  name reverse accumulation got when it was applied to such networks: the
  adjoints flow back layer by layer. Here the layers are matrix primitives
  from the same registry as sin and mul.`);

nb.section('The net');
nb.say(`Two layers: h = σ(W1 x + b1) with σ = tanh and 16 hidden units, then
  y = W2 h + b2, and the loss is the mean squared error against labels ±1. A
  whole batch goes through at once: the N points are the columns of a 2×N
  matrix X, and b1 (16×1) repeats along the columns (broadcasting).`);
const library = new URL('./lib/mlp.ts', import.meta.url);
nb.code('net', library);

nb.section('The data: two moons');
// #region data
const data = moons(200, 7);
const start = initialParams(16, 3);
// #endregion
nb.code('data');
nb.say(`Two interleaved half circles of 100 points each, made from a fixed
  seed: no straight line separates them, so the hidden layer has work to do.`);

nb.section('Backpropagation by hand');
nb.say(`Write Z1 = W1 X + b1, H = tanh(Z1), P = W2 H + b2 and
  L = (1/N) Σ_k (P_k − Y_k)². Reverse mode starts from L̄ = 1 and applies each
  layer's transposed tangent map, last layer first: P̄ = 2(P − Y)/N; from
  P = W2 H + b2 (matmul's rule Ā = C̄Bᵀ, B̄ = AᵀC̄, and a broadcast's transpose
  is a sum) W̄2 = P̄ Hᵀ, b̄2 = Σ_k P̄_k and H̄ = W2ᵀ P̄; through tanh, entry by
  entry, Z̄1 = H̄ ⊙ (1 − H²); and from Z1 = W1 X + b1, W̄1 = Z̄1 Xᵀ and
  b̄1 = Σ_k Z̄1[:, k]. These lines, written as plain loops, are handGradient in
  notebooks/lib/mlp.ts. The toolkit derives the same thing from the recording.`);
// #region gradient
const checks = checkGradient(start, data); // toolkit vs handGradient vs central differences
// #endregion
nb.code('gradient');
nb.table(
  grid(
    ['parameter', 'shape', 'largest |toolkit − hand|', 'largest |toolkit − differences|'],
    checks.map((c) => [c.name, c.shape, c.hand, c.differences]),
  ),
);
const { cost } = withCost(() => grad(loss(data))(start));
nb.say(`All 65 partial derivatives from one recording of
  ${cost.tapeEntries} tape entries and one reverse sweep: the matrix
  primitives make each layer one entry, not thousands.`);
nb.values({
  'gradient by hand vs toolkit, largest difference': Math.max(...checks.map((c) => c.hand)),
  'tape entries (inputs included)': cost.tapeEntries,
  'reverse sweeps': cost.reverseSweeps,
});

nb.section('Training');
nb.say(`Plain gradient descent: step every parameter against its gradient,
  3,000 times with a step size of 0.1.`);
nb.code('train', library);
// #region run
const trained = train(start, data, 3000, 0.1);
// #endregion
nb.code('run');
const losses = trained.losses;
nb.values({
  'loss before training': losses[0] as number,
  'loss after 3,000 steps': losses[losses.length - 1] as number,
  'training accuracy before': accuracy(start, data),
  'training accuracy after': accuracy(trained.params, data),
});
mkdirSync(dirname(svgFile), { recursive: true });
writeFileSync(svgFile, await lossPlot(losses));
nb.say(`The loss curve is written to ${svgFile}. The loss falls by more than an
  order of magnitude and the net labels every training point on the right
  side of the curve between the moons.`);

nb.done();
