/** @file The lines adjointSource and tangentSource share: reading the inputs, the primal assignments, the branch guards. */

import { COMPARISONS } from '../primitives/comparison.ts';
import { toLatex } from '../symbolic/latex.ts';
import { type Node, numberNode } from '../symbolic/node.ts';
import { toSource } from '../symbolic/typescript.ts';
import type { Operand, Step, StraightLine } from '../transforms/straight-line.ts';
import { latexToText } from './notation.ts';

/** A tree as plain text for a comment (`w̄3·2·w1`). */
export const textOf = (node: Node): string => latexToText(toLatex(node));

/**
 * Whether a term (a tangent or an adjoint times a partial) could be NaN
 * where that tangent or adjoint is 0: true unless it is ±the symbol itself
 * or a finite constant times it. The engine skips a zero tangent or
 * adjoint (0 · ∞ is not NaN there), so the source must test for 0 exactly
 * where the test can change the result, and nowhere else.
 */
export function needsZeroTest(term: Node): boolean {
  // a number is what ± the symbol times a zero partial folds to (stopGradient): 0 either way
  if (term.kind === 'symbol' || term.kind === 'number') return false;
  if (term.kind !== 'apply') return true;
  const [a, b] = term.args as [Node, Node];
  if (term.op.name === 'neg') return needsZeroTest(a);
  if (term.op.name !== 'mul') return true;
  const finite = (n: Node) => n.kind === 'number' && Number.isFinite(n.value);
  return !((finite(a) && b.kind === 'symbol') || (a.kind === 'symbol' && finite(b)));
}

/** A number as JavaScript reads it back (NaN, -Infinity and -0 included). */
export const literal = (v: number): string => toSource(numberNode(v));

/** An operand as source: its SSA name, or the constant. */
export function operandSource(o: Operand): string {
  return typeof o === 'number' ? literal(o) : o.w.ts;
}

/** Items in the shape of x0: an array literal for an array, else the one item. */
export function shaped(isArray: boolean, items: readonly string[]): string {
  return isArray ? `[${items.join(', ')}]` : (items[0] as string);
}

/**
 * For an array x0, a check that the call passes as many inputs (and, with
 * `also`, as many tangents), so that a wrong call throws instead of
 * computing with undefined.
 */
export function lengthCheck({ inputIsArray, labels, fn }: StraightLine, also?: string): string[] {
  if (!inputIsArray) return [];
  const n = labels.length;
  const test =
    also === undefined ? `x.length !== ${n}` : `x.length !== ${n} || ${also}.length !== ${n}`;
  const got = also === undefined ? 'x.length' : `x.length + ' and ' + ${also}.length`;
  const expected =
    `wengert: ${fn}: the source was generated for ${n} input${n === 1 ? '' : 's'} ` +
    `(${labels.join(', ')}); got `;
  return [`if (${test}) throw new Error(${JSON.stringify(expected)} + ${got});`];
}

/**
 * The forward-sweep line of a step: an input read from x, an assignment of
 * the one primitive the entry recorded (not simplified, so it computes
 * exactly what the engine computed), or a guard; `instead` is what a guard
 * suggests where its branch flips.
 */
export function primalLine(step: Step, program: StraightLine, instead: string): string {
  switch (step.kind) {
    case 'input': {
      const read = program.inputIsArray ? `x[${step.position}]` : 'x';
      return `const ${step.names.w.ts} = ${read}; // ${step.label}`;
    }
    case 'guard':
      return guardLine(step, program.fn, instead);
    case 'entry':
      return `const ${step.names.w.ts} = ${toSource(step.operation)};`;
  }
}

const RELATION = ['<', '<=', '>', '>=', '===', '!=='] as const;

/**
 * A guard that throws where the branch taken at the recording point would
 * flip, with a message like compile's that shows the values compared.
 */
function guardLine(step: Extract<Step, { kind: 'guard' }>, fn: string, instead: string): string {
  const relation = RELATION[step.code] as string;
  const name = COMPARISONS[step.code] as string;
  const [a, b] = step.operands.map(operandSource) as [string, string];
  // The message is an expression: literal pieces joined by + to the values compared.
  const pieces: string[] = [];
  let text = `wengert: ${fn}: a branch flips at this point: the comparison ${name} (`;
  step.operands.forEach((o, i) => {
    if (i === 1) text += ` ${relation} `;
    if (typeof o === 'number') {
      text += literal(o);
      return;
    }
    pieces.push(JSON.stringify(`${text}${o.w.ts} = `), o.w.ts);
    text = '';
  });
  text +=
    `) was ${step.result} when the source was generated and is ${!step.result} now, so the ` +
    `source no longer describes f here; generate it again at this point, or use ${instead}`;
  pieces.push(JSON.stringify(text));
  const test = `${a} ${relation} ${b}`;
  return (
    `if (${step.result ? `!(${test})` : test}) throw new Error(${pieces.join(' + ')}); ` +
    `// the branch taken: ${name}(${a}, ${b}) was ${step.result}`
  );
}
