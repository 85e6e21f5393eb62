/**
 * @file `npm start`: one function differentiated by both modes, and one
 * Jacobian built by columns and by rows with what each cost.
 */

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

const say = (text = '') => console.log(text);

say(
  'wengert: forward mode and reverse mode are the same local derivatives, applied in two directions.',
);
say();

// f(x, y) = 5x² − xy, the worked example of the docs.
const f = ([x, y]: Num[]) => sub(mul(5, mul(x as Num, x as Num)), mul(x as Num, y as Num));
const at = [2, 3];

const { value, grad: reverse } = valueAndGrad(f)(at);
const [forward] = jacfwd(f)(at);
say('f(x, y) = 5x² − xy at (x, y) = (2, 3)');
say(`  f(2, 3)                          = ${value}`);
say(`  gradient, reverse mode (1 sweep) = (${reverse.join(', ')})`);
say(`  gradient, forward mode (2 JVPs)  = (${(forward ?? []).join(', ')})`);
say('  by hand: ∂f/∂x = 10x − y = 17, ∂f/∂y = −x = −2');
say();

// g: R³ → R², a small vector function with a non-square Jacobian.
const g = ([x, y, z]: Num[]) => [
  mul(sin(x as Num), y as Num),
  add(exp(mul(y as Num, z as Num)), x as Num),
];
const comparison = compareModes(g, [0.5, 1, -1]);
say('g(x, y, z) = (sin(x)·y, e^(yz) + x) at (0.5, 1, −1): a 2×3 Jacobian');
say('  by columns (forward mode, one JVP per input):');
for (const row of comparison.forward.jacobian)
  say(`    [${row.map((v) => v.toFixed(6)).join(', ')}]`);
say('  by rows (reverse mode, one sweep per output):');
for (const row of comparison.reverse.jacobian)
  say(`    [${row.map((v) => v.toFixed(6)).join(', ')}]`);
say(`  largest difference between the two: ${comparison.maxAbsDifference}`);
say();
say(costTable(comparison));
say();

// The shape decides the cost: n = 1000 inputs, one output.
const sumOfSquares = (x: Num[]) => x.reduce<Num>((s, xi) => add(s, mul(xi, xi)), 0);
const wide = compareModes(
  sumOfSquares,
  Array.from({ length: 1000 }, (_, i) => i / 1000),
);
say('h(x) = Σ x_i² with n = 1000 inputs and one output:');
say(
  `  forward mode: ${wide.forward.cost.forwardPasses} passes, ` +
    `${wide.forward.cost.tangent.toLocaleString('en-US')} tangent applications, no tape`,
);
say(
  `  reverse mode: ${wide.reverse.cost.reverseSweeps} sweep, ` +
    `${wide.reverse.cost.adjoint.toLocaleString('en-US')} adjoint applications, ` +
    `${wide.reverse.cost.peakTapeBytes.toLocaleString('en-US')} bytes of tape`,
);
say('  Reverse mode wins on time for many inputs and few outputs; it pays in memory.');
