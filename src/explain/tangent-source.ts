/** @file tangentSource: forward mode written out as a program, each value followed by its tangent. */

import type { Value } from '../core/value.ts';
import { add, mul } from '../primitives/arithmetic.ts';
import type { Node } from '../symbolic/node.ts';
import { treeOf } from '../symbolic/render.ts';
import { toSource } from '../symbolic/typescript.ts';
import { type Operand, type Step, straightLine } from '../transforms/straight-line.ts';
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
 * The source text of f's Jacobian-vector product as a JavaScript function
 * expression `(x, dx) => { ...; return { value, tangent }; }`: the program
 * forward mode runs for f, one sweep in which each tape entry's assignment
 * (`const w3 = w1 * w1;`) is followed by its tangent, the sum over its
 * operands of the local partial times the operand's tangent
 * (`const w3_dot = ...;`), with the rule as a comment. As in the engine, a
 * tangent that is exactly 0 contributes nothing (0 · ∞ never makes a NaN).
 *
 * The partials, the branch guards and the restrictions are adjointSource's:
 * the source is right wherever f takes the branches it took at x0, and
 * `(0, eval)(source)(x, dx)` returns what `jvp(f, x, dx)` returns (to
 * rounding), with `value` and `tangent` shaped as f's output: one number, or
 * an array for an f that returns an array.
 *
 * @example
 * const source = tangentSource(([x, y]: Num[]) => sub(mul(5, mul(x, x)), mul(x, y)), [2, 3]);
 * (0, eval)(source)([2, 3], [1, 0]); // { value: 14, tangent: 17 }
 */
export function tangentSource(
  f: (x: never) => unknown,
  x0: number | readonly number[],
  options: TraceOptions = {},
): string {
  const program = straightLine('tangentSource', f, x0, {
    names: (n) => options.names ?? defaultNames(n),
  });
  const { steps, outputs, outputIsArray } = program;
  const body = [
    ...lengthCheck(program, 'dx'),
    '// one forward sweep: each value, then its tangent, the sum of its local partials',
    "// times its operands' tangents. A term that multiplies by a value first tests the",
    '// tangent for 0: the engine skips a zero tangent, so 0 · ∞ never makes a NaN.',
    ...steps.flatMap((step) => [
      primalLine(step, program, 'jvp'),
      ...(step.kind === 'guard' ? [] : [tangentLine(step, program.inputIsArray)]),
    ]),
    `return { value: ${shaped(outputIsArray, outputs.map(operandSource))}, tangent: ${shaped(
      outputIsArray,
      outputs.map(tangentOf),
    )} };`,
  ];
  return ['(x, dx) => {', ...body.map((line) => `  ${line}`), '}'].join('\n');
}

/** An output's tangent: its SSA tangent, or 0 for a constant. */
function tangentOf(output: Operand): string {
  return typeof output === 'number' ? '0' : output.dot.ts;
}

/**
 * ẇₖ = Σᵢ ∂wₖ/∂wᵢ · ẇᵢ over the operands that are values, each term built
 * with the toolkit's ops on the rule's own partial and skipped where its
 * tangent is 0, as the engine skips it.
 */
function tangentLine(step: Exclude<Step, { kind: 'guard' }>, inputIsArray: boolean): string {
  const { dot } = step.names;
  if (step.kind === 'input') {
    return `const ${dot.ts} = dx${inputIsArray ? `[${step.position}]` : ''};`;
  }
  const { operands, partials, symbol } = step;
  const terms: { dot: string; term: Value }[] = [];
  operands.forEach((operand, i) => {
    const partial = partials[i];
    if (typeof operand === 'number' || partial === null || partial === undefined) return;
    terms.push({ dot: operand.dot.ts, term: mul(partial, symbol(operand.dot)) });
  });
  let code = '';
  terms.forEach(({ dot: d, term }, i) => {
    const tree = treeOf(term);
    if (needsZeroTest(tree)) {
      const guarded = `${d} === 0 ? 0 : ${toSource(tree)}`;
      code += i === 0 ? (terms.length === 1 ? guarded : `(${guarded})`) : ` + (${guarded})`;
    } else if (i > 0 && tree.kind === 'apply' && tree.op.name === 'neg') {
      code += ` - ${toSource(tree.args[0] as Node)}`; // a + (−b) is a − b exactly
    } else {
      code += i === 0 ? toSource(tree) : ` + ${toSource(tree)}`;
    }
  });
  const rule = textOf(treeOf(terms.map((t) => t.term).reduce((a, b) => add(a, b))));
  return `const ${dot.ts} = ${code}; // ${dot.text} = ${rule}`;
}
