/** @file Chapter 11: the pattern, the colourings as pictures, the colours of four shapes, the measured saving, a sparse Hessian. */

import {
  arrowColumn,
  arrowhead,
  arrowRow,
  bratu,
  type JacobianRun,
  point,
  timeJacobians,
} from '../../../notebooks/lib/sparse-examples.ts';
import { bothSidesFigure, colouringFigure } from '../../../notebooks/lib/sparse-figures.ts';
import {
  add,
  colourColumns,
  colourRows,
  grad,
  hessian,
  jacobian,
  mul,
  type Num,
  sparsity,
  sub,
  withCost,
} from '../../../src/index.ts';
import { example } from '../examples.ts';
import { num, table } from '../format.ts';
import { fullSizeImage } from '../full-size.ts';
import type { Context, Generator } from '../generate.ts';

/** The size everything is measured at. */
const N = 1000;

function pattern() {
  // #region pattern
  const p = sparsity(bratu(), point(8)); // Bratu's residuals at 8 points
  console.log(p.toString());
  console.log(p.nonzeros.length, 'of', p.rows * p.cols, 'entries may be nonzero');
  // #endregion
}

function hessianExample() {
  // #region hessian
  // the chained Rosenbrock function, Σ 100(x_{i+1} − x_i²)² + (1 − x_i)²
  const rosen = (x: Num[]) =>
    x.slice(1).reduce<Num>((s, next, i) => {
      const xi = x[i] as Num;
      const d = sub(next, mul(xi, xi));
      return add(add(s, mul(100, mul(d, d))), mul(sub(1, xi), sub(1, xi)));
    }, 0);
  const x = point(200);
  const sparseHessian = jacobian((q: Num[]) => grad(rosen)(q), { sparsity: 'detect' });
  const { result, cost } = withCost(() => sparseHessian(x));
  const H = hessian(rosen)(x).flat(); // forward over reverse: 200 passes
  const gap = Math.max(...result.flat().map((v, k) => Math.abs(v - (H[k] ?? 0))));
  console.log(`${cost.colours} colours, not ${cost.denseSeeds}; largest difference ${gap}`);
  // #endregion
}

/** One timing of Bratu at n = N, shared by the table and the sentences that quote it. */
let timing: JacobianRun[] | undefined;
const timed = () => {
  timing ??= timeJacobians(bratu(), point(N), { runs: 3 });
  return timing;
};
const find = (name: string) => timed().find((r) => r.name.startsWith(name)) as JacobianRun;

/** The colours of each shape at n = N, and what 'auto' ran (from the ledger). */
function coloursTable(): string {
  const shapes: [string, (x: Num[]) => Num[]][] = [
    ['Bratu (tridiagonal)', bratu()],
    ['arrow, dense last row', arrowRow],
    ['arrow, dense first column', arrowColumn],
    ['full arrowhead', arrowhead],
  ];
  const x = point(N);
  const rows = shapes.map(([name, f]) => {
    const p = sparsity(f, x);
    const { cost } = withCost(() => jacobian(f, { sparsity: 'detect' })(x));
    const ran =
      cost.forwardPasses > 0
        ? `${num(cost.forwardPasses)} passes`
        : `${num(cost.reverseSweeps)} sweeps`;
    return [name, num(colourColumns(p).count), num(colourRows(p).count), ran, num(cost.denseSeeds)];
  });
  return table(
    ['function', 'column colours', 'row colours', "'auto' ran", 'dense, same mode'],
    rows,
  );
}

function timingTable(): string {
  return table(
    ['Bratu, $n = 1{,}000$', 'forward passes', 'reverse sweeps', 'colours', 'median time (ms)'],
    timed().map((r) => [
      r.name,
      num(r.forwardPasses),
      num(r.reverseSweeps),
      num(r.colours),
      num(r.ms, 3),
    ]),
  );
}

export const sparseJacobians: Record<string, Generator> = {
  'sparse-pattern': () => example(import.meta.url, 'pattern', pattern),
  'sparse-bratu-figure': (context: Context) =>
    fullSizeImage(
      context.figure(
        'sparse-bratu.svg',
        colouringFigure(
          sparsity(bratu(), point(12)),
          'columns',
          'Bratu, n = 12: colouring the columns',
        ),
      ),
      "Bratu's pattern, its columns in 3 colours, the seed S and the compressed Jacobian J S",
    ),
  'sparse-arrow-figure': (context: Context) =>
    fullSizeImage(
      context.figure(
        'sparse-arrow.svg',
        bothSidesFigure(
          sparsity(arrowRow, point(12)),
          'Arrow with a dense row: 12 colours by columns, 2 by rows',
        ),
      ),
      'An arrow with a dense last row: 12 column colours, 2 row colours, the seed and the compressed rows',
    ),
  'sparse-colours': coloursTable,
  'sparse-timing': timingTable,
  'sparse-speedup': () => num(find('dense, jacfwd').ms / find("coloured, mode 'auto'").ms, 2),
  'sparse-hessian': () => example(import.meta.url, 'hessian', hessianExample),
};
