/**
 * @file The loops behind vectorize: a function of numbers, recorded once
 * and read back as straight-line steps, written out as one JavaScript loop
 * over the entries of its inputs for its value, and one for its reverse
 * sweep.
 */

import type { Num } from '../core/value.ts';
import { treeOf } from '../symbolic/render.ts';
import { toSource } from '../symbolic/typescript.ts';
import { type Operand, type Step, type StraightLine, straightLine } from './straight-line.ts';

/**
 * $out[k] = f(x₀[k·s₀], x₁[k·s₁], ...) for k < n: each input is read with
 * its stride, 1 for a matrix and 0 for a number repeated to every entry.
 */
export type ValueLoop = (
  x: readonly Float64Array[],
  s: readonly number[],
  out: Float64Array,
  n: number,
) => void;

/**
 * The reverse sweep of f at every entry, for the wanted inputs (the
 * others' arrays are not touched):
 * - with `bar`: g_i[k·s_i] += x̄_i, the sweep seeded with bar[k]; an entry
 *   whose bar is exactly 0 is skipped, as the sweep skips a zero adjoint (so
 *   a stride-0 input sums its contributions into g_i[0]);
 * - with `bar` null: g_i[k] = ∂f/∂x_i, the sweep seeded with 1.
 */
export type PartialsLoop = (
  x: readonly Float64Array[],
  s: readonly number[],
  bar: Float64Array | null,
  g: readonly (Float64Array | null)[],
  n: number,
) => void;

/**
 * Records f once, with `inputs` numbers (an array of them when `isArray`),
 * as compile records: a comparison is kept as a guard and toNumber refused.
 * Its partials are the registry's rules run on symbols, left as the rules
 * write them (no simplification), so the loops compute what the engine
 * computes, operation for operation.
 */
export function recordEntry(
  f: (x: never) => unknown,
  inputs: number,
  isArray: boolean,
  unit: 'entry' | 'row' = 'entry',
): StraightLine {
  const x0 = Array.from({ length: inputs }, () => 0.5);
  let program: StraightLine;
  try {
    program = straightLine('vectorize', f, isArray ? x0 : x0[0], { names, exact: true });
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    if (error.message.includes('(toNumber of')) throw branch('toNumber');
    const matrixOp = /^wengert: (\w+): trace, explain, compile/.exec(error.message);
    if (matrixOp !== null) {
      throw new TypeError(
        `wengert: vectorize: f applied ${matrixOp[1]} to a matrix; f is a function of the ` +
          `numbers of one ${unit}, made of scalar ops`,
      );
    }
    if (unit === 'row' && error.message.includes('f may read more inputs than it was given')) {
      throw new TypeError(
        `wengert: vectorize: f read more numbers than a row has: the matrix has ${inputs} ` +
          `column${inputs === 1 ? '' : 's'}`,
        { cause: error },
      );
    }
    throw error;
  }
  if (program.steps.some((s) => s.kind === 'guard')) {
    throw branch('a comparison op (lt, le, gt, ge, eq, ne)');
  }
  if (program.outputIsArray) {
    throw new TypeError(
      `wengert: vectorize: f must return one number for the numbers of one ${unit}; it returned ` +
        `an array of ${program.outputs.length}`,
    );
  }
  return program;
}

/** The inputs' names in the recording's messages (x0, x1, ...); the loops name values w1, w2, ... */
function names(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `x${i}`);
}

// One recording stands for every entry, so f may not decide anything by
// the value of one entry: a branch would be taken for all of them alike.
function branch(how: string): TypeError {
  return new TypeError(
    `wengert: vectorize: f decides by the value of its inputs with ${how}; one loop serves ` +
      'every entry, so it cannot branch on them. Write the choice with max, min, abs or relu, ' +
      'whose partials choose entry by entry, or apply f to numbers one at a time',
  );
}

/** JavaScript for an operand: an earlier value's name, or the constant written exactly. */
function operand(o: Operand): string {
  return typeof o === 'number' ? toSource({ kind: 'number', value: o }) : o.w.ts;
}

type Entry = Extract<Step, { kind: 'entry' }>;
const entries = (p: StraightLine): Entry[] => p.steps.filter((s): s is Entry => s.kind === 'entry');

/**
 * The loop's head and its first statements: each input's array and stride,
 * then the entry's values in tape order, one `const` per operation as
 * recorded. Every local of the loop starts with $, so a primitive's
 * `source` cannot meet one by its name.
 */
function forwardLines(p: StraightLine): { head: string; body: string } {
  const head = p.inputs.map((_, i) => `const $X${i} = $x[${i}], $S${i} = $s[${i}];`);
  const body = p.steps.flatMap((step) => {
    if (step.kind === 'input') {
      return [`const ${step.names.w.ts} = $X${step.position}[$k * $S${step.position}];`];
    }
    if (step.kind === 'entry') return [`const ${step.names.w.ts} = ${toSource(step.operation)};`];
    return [];
  });
  return { head: head.join('\n'), body: body.join('\n') };
}

// The source is made only of the rules' own JavaScript forms (PRIMAL_SOURCE,
// checked against each rule's primal by the tests; a user's primitive gives
// its `source`, checked against its primal by definePrimitive) and numbers
// written exactly. One generated
// function per loop is what lets V8 compile the whole chain into one loop
// with no call per operation.
function compileLoop<T>(source: string): T {
  try {
    return new Function(`'use strict';\nreturn ${source};`)() as T;
  } catch (error) {
    if (error instanceof EvalError) {
      throw new EvalError(
        'wengert: vectorize writes its loops as JavaScript and compiles them with new Function, ' +
          `which this page's Content-Security-Policy refuses (${error.message}); without ` +
          "'unsafe-eval', write f with the elementwise ops instead",
        { cause: error },
      );
    }
    throw new SyntaxError(
      `wengert: vectorize: the loop written for f does not compile (${(error as Error).message}); ` +
        'check the `source` of each primitive of your own that f uses',
    );
  }
}

/** f's value at every entry, in one loop. */
export function valueLoop(p: StraightLine): ValueLoop {
  const { head, body } = forwardLines(p);
  return compileLoop(`function value($x, $s, $out, $n) {
${head}
for (let $k = 0; $k < $n; $k++) {
${body}
$out[$k] = ${operand(p.outputs[0] ?? 0)};
}
}`);
}

/** The reverse sweep at every entry, in one loop, seeded with bar or with 1 (see PartialsLoop). */
export function partialsLoop(
  p: StraightLine,
  wanted: readonly boolean[],
  scaled: boolean,
): PartialsLoop {
  const { head, body } = forwardLines(p);
  const values = p.steps.flatMap((s) => (s.kind === 'guard' ? [] : [s.names]));
  const out = p.outputs[0] ?? 0;
  const seed = scaled ? '$b' : '1';
  // w̄ += (∂w/∂operand) · w̄_this for each entry, last to first, skipping a zero adjoint
  const sweep = entries(p)
    .reverse()
    .map((e) => {
      const terms = e.operands.flatMap((o, i) => {
        const d = e.partials[i];
        if (typeof o === 'number' || d === null || d === undefined) return [];
        return [`${o.bar.ts} += (${toSource(treeOf(d as Num))}) * ${e.names.bar.ts};`];
      });
      return terms.length === 0 ? '' : `if (${e.names.bar.ts} !== 0) {\n${terms.join('\n')}\n}`;
    });
  const stores = p.inputs.flatMap((input, i) => {
    if (!wanted[i]) return [];
    return [scaled ? `$G${i}[$k * $S${i}] += ${input.bar.ts};` : `$G${i}[$k] = ${input.bar.ts};`];
  });
  return compileLoop(`function partials($x, $s, $bar, $g, $n) {
${head}
${p.inputs.map((_, i) => `const $G${i} = $g[${i}];`).join('\n')}
for (let $k = 0; $k < $n; $k++) {
${scaled ? 'const $b = $bar[$k];\nif ($b === 0) continue;' : ''}
${body}
${values.map((v) => `let ${v.bar.ts} = 0;`).join('\n')}
${typeof out === 'number' ? '' : `${out.bar.ts} = ${seed};`}
${sweep.join('\n')}
${stores.join('\n')}
}
}`);
}
