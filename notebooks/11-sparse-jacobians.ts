/** @file Notebook 11: sparse Jacobians by colouring: the pattern found through one recording, columns (or rows) that share a pass, pictures of the seed and the compressed Jacobian, and the measured saving. */

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  add,
  colourColumns,
  colourRows,
  formatNumber,
  grad,
  hessian,
  jacobian,
  jvp,
  mul,
  type Num,
  sparsity,
  sub,
  withCost,
} from '../src/index.ts';
import { grid, notebook } from './lib/notebook.ts';
import {
  arrowColumn,
  arrowhead,
  arrowRow,
  bratu,
  point,
  timeJacobians,
} from './lib/sparse-examples.ts';
import { bothSidesFigure, colouringFigure } from './lib/sparse-figures.ts';

const svgFlag = process.argv.indexOf('--svg');
const svgFile =
  svgFlag >= 0 ? (process.argv[svgFlag + 1] as string) : 'out/11-sparse-jacobians.svg';
const arrowFile = svgFile.replace(/(\.svg)?$/, '-arrowhead.svg');

const nb = notebook(import.meta.url, '11 · Sparse Jacobians by colouring');

nb.say(`Forward mode builds a Jacobian one column per pass: n passes for n
  inputs, however many of the entries are zero. But if columns j and k never
  have a nonzero in the same row, one pass seeded with e_j + e_k gives both:
  each row of the result belongs to one of them alone. Colour the columns so
  that no row holds a colour twice, and forward mode needs one pass per
  colour. Reverse mode does the same with rows.`);

nb.section('The pattern, through one recording');
nb.say(`Bratu's problem u″ + eᵘ = 0 by central differences gives n residuals
  F_i = u_{i−1} − 2u_i + u_{i+1} + h²e^{u_i}: each reads its two neighbours,
  so the Jacobian is tridiagonal. sparsity(f, x) records f once and pushes
  index sets through the tape: an input's set is itself, an entry's set the
  union of its operands' sets. No derivative is taken, so a partial that
  happens to be 0 at x still counts (the pattern is structural), and the
  pattern is that of this run's trace.`);
// #region pattern
const f = bratu();
const x = point(12);
const p = sparsity(f, x);
// #endregion
nb.code('pattern');
nb.show(p.toString());
nb.values({ 'nonzeros in the pattern': p.nonzeros.length, 'entries of J': p.rows * p.cols });

nb.section('Colouring the columns');
nb.say(`colourColumns colours greedily in natural order (Curtis, Powell and
  Reid, 1974): column j takes the smallest colour that no earlier column
  sharing a row with it has. On a band of width 3 that is j mod 3, at any n.`);
// #region colour
const columns = colourColumns(p);
// #endregion
nb.code('colour');
nb.values({
  'colours of the columns': columns.count,
  'colour 0': columns.groups[0] ?? [],
  'colour 1': columns.groups[1] ?? [],
  'colour 2': columns.groups[2] ?? [],
});
nb.say(`Seeding a pass with the sum of a colour's unit vectors gives J times
  that seed: the compressed column. Each of its rows holds the one partial
  of that colour the row has, so it is decompressed by the pattern alone.
  Here is colour 0 by hand, one JVP:`);
// #region by-hand
const seed = x.map((_, j) => (columns.colourOf[j] === 0 ? 1 : 0));
const compressed = jvp(f, x, seed).tangent as number[];
// #endregion
nb.code('by-hand');
nb.values({ 'seed of colour 0': seed, 'J · seed': compressed });
nb.say(`jacobian(f, { sparsity: 'detect' }) does all of it: detect, colour,
  one pass per colour, decompress. With mode 'forward' it must take 3 passes:`);
// #region jacobian
const forward = withCost(() => jacobian(f, { sparsity: 'detect', mode: 'forward' })(x));
// #endregion
nb.code('jacobian');
nb.values({
  'forward passes': forward.cost.forwardPasses,
  'colours (ledger)': forward.cost.colours,
  'passes without colouring': forward.cost.denseSeeds,
});

nb.section('Pictures');
mkdirSync(dirname(svgFile), { recursive: true });
writeFileSync(
  svgFile,
  colouringFigure(p, 'columns', `Bratu, n = ${x.length}: colouring the columns`),
);
nb.say(`${svgFile} draws, left to right, the pattern of J, its columns
  coloured, the seed matrix S (column c is the sum of the unit vectors of
  colour c) and the compressed Jacobian J S that the 3 passes compute.`);

nb.section('Arrowheads: which side to colour');
nb.say(`A dense row (one output that reads every input, such as a sum
  constraint) puts every column in a row together: forward mode needs n
  colours. Its rows, though, share columns only with that one row: reverse
  mode needs 2. A dense column is the other way round, and the full
  arrowhead (dense first row and first column) defeats both: colouring one
  side at a time cannot help it. jacobian's 'auto' counts the work of each
  side (2 applications a primitive per pass, 1 per sweep, the detection's
  recording reused) and takes the cheaper:`);
// #region arrows
const examples: [string, (x: Num[]) => Num[]][] = [
  ['Bratu (tridiagonal)', bratu()],
  ['arrow, dense row', arrowRow],
  ['arrow, dense column', arrowColumn],
  ['full arrowhead', arrowhead],
];
const choices = examples.map(([name, g]) => {
  const pattern = sparsity(g, x);
  const { cost } = withCost(() => jacobian(g, { sparsity: 'detect' })(x));
  const mode = cost.forwardPasses > 0 ? 'forward' : 'reverse';
  return [name, colourColumns(pattern).count, colourRows(pattern).count, mode, cost.colours];
});
// #endregion
nb.code('arrows');
nb.table(
  grid(
    ['function (n = 12)', 'column colours', 'row colours', "'auto'", 'passes or sweeps'],
    choices,
  ),
);
writeFileSync(
  arrowFile,
  bothSidesFigure(
    sparsity(arrowRow, x),
    'Arrow with a dense row: 12 colours by columns, 2 by rows',
  ),
);
nb.say(`${arrowFile} shows the arrow with a dense row: its pattern, the
  columns coloured (every column a colour of its own), the rows coloured (2
  colours), the seed Sᵀ and the 2 rows of Sᵀ J that 2 reverse sweeps compute.`);

nb.section('The saving, measured');
nb.say(`At n = 400, dense jacfwd runs 400 passes and jacrev 400 sweeps;
  colouring needs 3 of either, at any n, plus the one recording that finds
  the pattern. Times are medians of interleaved calls (one call for dense
  jacfwd), so a busy machine slows every row alike. (Chapter 11 and
  bench/sparse.ts measure n = 1,000; the notebook keeps to a size that runs
  in seconds.)`);
// #region measure
const runs = timeJacobians(bratu(), point(400), { runs: 3 });
// #endregion
nb.code('measure');
nb.table(
  grid(
    ['Bratu, n = 400', 'passes', 'sweeps', 'colours', 'median ms'],
    runs.map((r) => [
      r.name,
      r.forwardPasses,
      r.reverseSweeps,
      r.colours,
      formatNumber(r.ms, { digits: 3 }),
    ]),
  ),
);
const [dense, , , auto] = runs;
nb.values({
  'dense jacfwd / coloured auto, time': formatNumber((dense?.ms ?? 0) / (auto?.ms ?? 1), {
    digits: 2,
  }),
});
nb.say(`Not all of the coloured time is derivatives: the result is a dense
  400×400 array, 160,000 numbers, which takes its own time to allocate,
  whatever found them.`);

nb.section('A sparse Hessian');
nb.say(`A Hessian is the Jacobian of the gradient, so it colours too. The
  chained Rosenbrock function couples each x_i with x_{i+1} only, and the
  pattern found through the recording of grad (its own reverse sweep
  included) is tridiagonal:`);
// #region hessian
// Σ 100(v_{i+1} − v_i²)² + (1 − v_i)²
const rosen = (v: Num[]) =>
  v.slice(1).reduce<Num>((s, next, i) => {
    const [vi, d] = [v[i] as Num, sub(next, mul(v[i] as Num, v[i] as Num))];
    return add(add(s, mul(100, mul(d, d))), mul(sub(1, vi), sub(1, vi)));
  }, 0);
const sparseH = withCost(() => jacobian((q: Num[]) => grad(rosen)(q), { sparsity: 'detect' })(x));
const denseH = hessian(rosen)(x);
// #endregion
nb.code('hessian');
nb.values({
  'colours of the Hessian': sparseH.cost.colours,
  'largest |H_sparse − H_dense|': Math.max(
    ...sparseH.result.flatMap((row, i) => row.map((v, j) => Math.abs(v - (denseH[i]?.[j] ?? 0)))),
  ),
});

nb.done();
