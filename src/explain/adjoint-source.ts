/** @file adjointSource: reverse mode written out as a program, a forward sweep of assignments and a reverse sweep of `+=`. */

import { mul } from '../primitives/arithmetic.ts';
import { numberNode } from '../symbolic/node.ts';
import { treeOf } from '../symbolic/render.ts';
import { toSource } from '../symbolic/typescript.ts';
import { type Names, type Operand, type Step, straightLine } from '../transforms/straight-line.ts';
import {
  lengthCheck,
  needsZeroTest,
  operandSource,
  primalLine,
  shaped,
  textOf,
} from './source-lines.ts';
import { defaultNames, type TraceOptions } from './wengert-list.ts';

/**
 * The source text of f's gradient as a JavaScript function expression
 * `(x) => { ...; return { value, grad }; }`: the program reverse mode runs
 * for f, written out as Tapenade and Clad show it. First the forward sweep,
 * one `const` per tape entry (`const w3 = w1 * w1;`); then the reverse
 * sweep, one line per entry from last to first, adding the entry's adjoint
 * times each local partial into its operands' adjoints
 * (`w1_bar += w3_bar * (2 * w1);`), with the rule as a comment.
 *
 * The partials come from running each rule's own partial functions on
 * symbols that stand for any point, so a piecewise partial (abs, relu, max,
 * min) is a choice made where the code runs, and the source is right
 * wherever f takes the branches it took at x0: a branch taken with lt, le,
 * gt or ge is a guard that throws where it would flip, as compile's replay
 * does (a decision made with toNumber is refused while recording). As in
 * the engine, an adjoint that is exactly 0 adds nothing, so 0 · ∞ never
 * makes a NaN.
 *
 * Plain arithmetic and Math.* only: `(0, eval)(source)` is a working
 * function that returns what `valueAndGrad(f)` returns, to rounding
 * (partials are simplified as a person writes them: 2·(3·x) becomes 6·x).
 * x0 is a number or an array of numbers (the source takes the same); f must
 * return one number, as for grad. Input names for the comments are
 * `options.names` (default x, y, z, then x1, x2, ...).
 *
 * @example
 * const source = adjointSource(([x, y]: Num[]) => sub(mul(5, mul(x, x)), mul(x, y)), [2, 3]);
 * (0, eval)(source)([2, 3]); // { value: 14, grad: [17, -2] }
 */
export function adjointSource(
  f: (x: never) => unknown,
  x0: number | readonly number[],
  options: TraceOptions = {},
): string {
  const program = straightLine('adjointSource', f, x0, {
    names: (n) => options.names ?? defaultNames(n),
  });
  const { outputs, steps, inputs } = program;
  if (program.outputIsArray) {
    throw new Error(
      `wengert: adjointSource needs a scalar output, as grad does; f returned an array of ` +
        `${outputs.length}. For several outputs use tangentSource (one forward sweep carries ` +
        'every output) or jacobian, or generate the source of each output on its own',
    );
  }
  const output = outputs[0] as Operand;
  const seeded = typeof output === 'number' ? null : output;
  const body = [
    ...lengthCheck(program),
    '// forward sweep: the Wengert list, one assignment per tape entry',
    ...steps.map((step) => primalLine(step, program, 'grad')),
    "// reverse sweep: seed f's adjoint with 1, then go through the entries from last",
    "// to first, adding each one's adjoint times its local partials into its operands'",
    '// adjoints. A line that multiplies by a value first tests the adjoint for 0: the',
    '// engine skips a zero adjoint, so 0 · ∞ never makes a NaN.',
    ...(seeded === null ? [] : [`let ${seeded.bar.ts} = 1; // the seed: f = ${seeded.w.text}`]),
    ...declarations(steps, seeded),
    ...steps.toReversed().flatMap((step) => (step.kind === 'entry' ? [adjointLine(step)] : [])),
    `return { value: ${operandSource(output)}, grad: ${shaped(
      program.inputIsArray,
      inputs.map((n) => n.bar.ts),
    )} };`,
  ];
  return ['(x) => {', ...body.map((line) => `  ${line}`), '}'].join('\n');
}

/** `let w1_bar = 0, ...;` for every adjoint but the seed's, eight to a line. */
function declarations(steps: readonly Step[], seeded: Names | null): string[] {
  const bars = steps.flatMap((s) =>
    s.kind === 'guard' || s.names === seeded ? [] : [`${s.names.bar.ts} = 0`],
  );
  const lines: string[] = [];
  for (let i = 0; i < bars.length; i += 8) lines.push(`let ${bars.slice(i, i + 8).join(', ')};`);
  return lines;
}

/**
 * Entry k's reverse step: w̄ᵢ += w̄ₖ · ∂wₖ/∂wᵢ for each operand that is a
 * value (constants get nothing), each term built with the toolkit's ops on
 * the rule's own partial, printed as source and as text; a negated term is
 * written `-=`. Where a term could be NaN at w̄ₖ = 0 (w̄ₖ · w2 with w2
 * infinite), the line runs only if w̄ₖ is not 0, as the engine's sweep.
 */
function adjointLine(step: Extract<Step, { kind: 'entry' }>): string {
  const { names, operands, partials, symbol } = step;
  const bar = symbol(names.bar);
  const code: string[] = [];
  const rule: string[] = [];
  let test = false;
  operands.forEach((operand, i) => {
    const partial = partials[i];
    if (typeof operand === 'number' || partial === null || partial === undefined) return;
    let term = treeOf(mul(bar, partial));
    test ||= needsZeroTest(term);
    let sign = '+=';
    if (term.kind === 'apply' && term.op.name === 'neg') {
      // a − b is a + (−b) exactly, in floating point too
      term = term.args[0] ?? numberNode(0);
      sign = '-=';
    }
    code.push(`${operand.bar.ts} ${sign} ${toSource(term)};`);
    rule.push(`${operand.bar.text} ${sign} ${textOf(term)}`);
  });
  const comment = `// ${names.w.text} = ${textOf(step.operation)}: ${rule.join(', ')}`;
  if (!test) return `${code.join(' ')} ${comment}`;
  const run = code.length === 1 ? code[0] : `{ ${code.join(' ')} }`;
  return `if (${names.bar.ts} !== 0) ${run} ${comment}`;
}
