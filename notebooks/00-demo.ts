/**
 * @file `npm start`: a short guided tour. One function differentiated by both
 * modes, one Jacobian built by columns and by rows with what each cost, then
 * the notebooks to run next.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  add,
  compareModes,
  costTable,
  exp,
  jacfwd,
  mul,
  type Num,
  sin,
  sub,
  valueAndGrad,
} from '../src/index.ts';
import { notebook, wrap } from './lib/notebook.ts';

const nb = notebook(import.meta.url, 'wengert: a guided tour');

nb.say(`Forward mode and reverse mode are the same local derivatives, applied
  in two directions. Here is f(x, y) = 5x² − xy at (x, y) = (2, 3), the worked
  example of the docs, differentiated both ways.`);
// #region f
const f = ([x, y]: [Num, Num]) => sub(mul(5, mul(x, x)), mul(x, y));
const { value, grad: reverse } = valueAndGrad(f)([2, 3]);
const [forward] = jacfwd(f)([2, 3]);
// #endregion
nb.code('f');
nb.values({
  'f(2, 3)': value,
  'gradient, reverse mode (1 sweep)': reverse,
  'gradient, forward mode (2 JVPs)': forward ?? [],
  'by hand (10x − y, −x)': [10 * 2 - 3, -2],
});

nb.say(`g(x, y, z) = (sin(x)·y, e^(yz) + x) at (0.5, 1, −1) has a 2×3 Jacobian.
  Forward mode builds it by columns (one JVP per input), reverse mode by rows
  (one sweep per output), and compareModes counts what each did.`);
// #region g
const g = ([x, y, z]: [Num, Num, Num]) => [mul(sin(x), y), add(exp(mul(y, z)), x)];
const comparison = compareModes(g, [0.5, 1, -1]);
// #endregion
nb.code('g');
nb.values({
  'by columns (forward)': comparison.forward.jacobian,
  'by rows (reverse)': comparison.reverse.jacobian,
  'largest difference': comparison.maxAbsDifference,
});
nb.table(costTable(comparison));

nb.say(`The shape decides the cost. For h(x) = Σ xᵢ² with 1000 inputs and one
  output, forward mode needs a pass per input, reverse mode one sweep.`);
// #region wide
const sumOfSquares = (x: Num[]) => x.reduce<Num>((s, xi) => add(s, mul(xi, xi)), 0);
const wide = compareModes(
  sumOfSquares,
  Array.from({ length: 1000 }, (_, i) => i / 1000),
);
// #endregion
nb.code('wide');
nb.values({
  'forward passes': wide.forward.cost.forwardPasses,
  'forward tangent applications': wide.forward.cost.tangent,
  'reverse sweeps': wide.reverse.cost.reverseSweeps,
  'reverse adjoint applications': wide.reverse.cost.adjoint,
  'reverse tape entries': wide.reverse.cost.tapeEntries,
  'reverse tape bytes in use': wide.reverse.cost.peakTapeBytesInUse,
  'reverse tape capacity (bytes)': wide.reverse.cost.peakTapeBytes,
});
nb.say(`Reverse mode wins on time for many inputs and few outputs; it pays in
  memory, bytes in use in proportion to the entries recorded (the capacity is
  what the tape reserved, in blocks of 1,024 entries). Notebook 07 measures both.`);

nb.section('Next: the notebooks');
nb.say(`Each notebook is a short literate script: prose, the code that runs,
  and what it printed. Run one with the command next to it; add
  --markdown FILE to also write it as Markdown.`);
const folder = fileURLToPath(new URL('.', import.meta.url));
const lines = readdirSync(folder)
  .filter((name) => /^\d\d-.*\.ts$/.test(name) && !name.startsWith('00-'))
  .sort()
  .map((name) => {
    const header = /@file\s+(?:Notebook \d+:\s*)?([^\n]*?)\s*\*\//.exec(
      readFileSync(`${folder}${name}`, 'utf8'),
    );
    return `npx tsx notebooks/${name}\n${wrap(header?.[1] ?? '', 72).replace(/^/gm, '    ')}`;
  });
nb.show(lines.join('\n'));

nb.done();
