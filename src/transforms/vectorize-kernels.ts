/**
 * @file The loops behind vectorize: a function of numbers, run once on
 * symbols, written out as one JavaScript loop over the entries of its
 * inputs, for its value and for its partials.
 */

import type { Tracer } from '../core/tracer.ts';
import { describe, isNum, type Num } from '../core/value.ts';
import type { Node } from '../symbolic/node.ts';
import { plainName, treeOf } from '../symbolic/render.ts';
import { SymbolicTrace } from '../symbolic/symbol.ts';
import { toSource } from '../symbolic/typescript.ts';
import { valueAndGrad } from './grad.ts';

/**
 * out[k] = f(x₀[k·s₀], x₁[k·s₁], ...) for k < n: each input is read with
 * its stride, 1 for a matrix and 0 for a number repeated to every entry.
 */
export type ValueLoop = (
  x: readonly Float64Array[],
  s: readonly number[],
  out: Float64Array,
  n: number,
) => void;

/**
 * For each wanted input i (the others' arrays are not touched):
 * - with `bar`: g_i[k·s_i] += bar[k] · ∂f/∂x_i at entry k, skipping entries
 *   whose bar is exactly 0, as the reverse sweep skips a zero adjoint (so a
 *   stride-0 input sums its contributions into g_i[0]);
 * - with `bar` null: g_i[k] = ∂f/∂x_i at entry k, the partials themselves.
 */
export type PartialsLoop = (
  x: readonly Float64Array[],
  s: readonly number[],
  bar: Float64Array | null,
  g: readonly (Float64Array | null)[],
  n: number,
) => void;

/** The refusals of a recording that must hold for every entry at once. */
class EntryTrace extends SymbolicTrace {
  // One recording stands for every entry, so f may not decide anything by
  // the value of one entry: a branch would be taken for all of them alike.
  override noteComparison(): void {
    throw new TypeError(
      'wengert: vectorize: f compares its inputs (lt, le, gt, ge, eq, ne); one loop serves ' +
        'every entry, so f cannot branch on their values. Write the choice with max, min, ' +
        'abs or relu, whose partials choose per entry, or apply f to numbers one at a time',
    );
  }

  override noteRead(x: Tracer): void {
    throw new TypeError(
      `wengert: vectorize: f read ${x.toString()} with toNumber; one loop serves every entry, ` +
        'so f cannot decide by the value of one. Write the choice with max, min, abs or relu',
    );
  }
}

/** What f is, run once on symbols: its value and its partials as expression trees. */
export interface EntryFunction {
  readonly inputs: number;
  readonly value: Node;
  readonly partials: readonly Node[];
}

/**
 * Runs f on one symbol per input (an array of them when `isArray`), then
 * grad of f on the same symbols: the partials come from the registry's
 * rules through the engine's own reverse sweep, as every derivative does.
 */
export function traceEntry(
  f: (x: never) => unknown,
  inputs: number,
  isArray: boolean,
): EntryFunction {
  const trace = new EntryTrace();
  const symbols = Array.from({ length: inputs }, (_, i) => trace.symbol(plainName(`x${i}`)));
  const input = isArray ? symbols : (symbols[0] as Num);
  // f's own errors, and a matrix op met on a symbol, say which op; this says where
  const run = <T>(what: string, step: () => T): T => {
    try {
      return step();
    } catch (error) {
      if (error instanceof TypeError && error.message.startsWith('wengert: vectorize')) throw error;
      throw new TypeError(
        `wengert: vectorize: f must be a function of numbers made of scalar ops; ${what} on ` +
          `symbols it failed: ${(error as Error).message}`,
      );
    }
  };
  const value = run('run', () => (f as (x: unknown) => unknown)(input));
  if (!isNum(value)) {
    throw new TypeError(
      `wengert: vectorize: f must return one number for the numbers of one entry; it returned ${describe(value)}`,
    );
  }
  const gradient = valueAndGrad(f as (x: Num | Num[]) => Num) as (x: Num | Num[]) => {
    grad: Num | Num[];
  };
  const { grad } = run('differentiated', () => gradient(input));
  const partials = isArray ? (grad as Num[]) : [grad as Num];
  return { inputs, value: treeOf(value), partials: partials.map(treeOf) };
}

/**
 * The statements that compute `roots`: a subtree used more than once (the
 * b − a² inside both partials of a Rosenbrock term) is computed once into a
 * `const`, in an order where each comes after what it reads.
 */
function straightLine(roots: readonly Node[]): { lines: string[]; results: string[] } {
  const uses = new Map<Node, number>();
  const children = (n: Node): readonly Node[] =>
    n.kind === 'apply'
      ? n.args
      : n.kind === 'cases'
        ? [
            ...n.pieces.flatMap((p) => [...p.conditions.flatMap(([a, , b]) => [a, b]), p.value]),
            n.otherwise,
          ]
        : [];
  const count = (n: Node) => {
    const seen = uses.get(n) ?? 0;
    uses.set(n, seen + 1);
    if (seen === 0) for (const c of children(n)) count(c);
  };
  for (const r of roots) count(r);
  const lines: string[] = [];
  const named = new Map<Node, Node>();
  const rebuild = (n: Node): Node => {
    const done = named.get(n);
    if (done !== undefined) return done;
    const r: Node =
      n.kind === 'apply'
        ? { kind: 'apply', op: n.op, args: n.args.map(rebuild) }
        : n.kind === 'cases'
          ? {
              kind: 'cases',
              pieces: n.pieces.map((p) => ({
                conditions: p.conditions.map(
                  ([a, rel, b]) => [rebuild(a), rel, rebuild(b)] as const,
                ),
                value: rebuild(p.value),
              })),
              otherwise: rebuild(n.otherwise),
            }
          : n;
    if (r.kind === 'apply' || r.kind === 'cases') {
      if ((uses.get(n) ?? 0) < 2) {
        named.set(n, r);
        return r;
      }
      const name = `t${lines.length}`;
      lines.push(`const ${name} = ${toSource(r)};`);
      const symbol: Node = { kind: 'symbol', name: plainName(name) };
      named.set(n, symbol);
      return symbol;
    }
    return r;
  };
  const results = roots.map((r) => toSource(rebuild(r)));
  return { lines, results };
}

/** The loop's head: each input's array and stride, and its entry as x0, x1, ... */
function reads(inputs: number): { before: string; inLoop: string } {
  const ids = Array.from({ length: inputs }, (_, i) => i);
  return {
    before: ids.map((i) => `const X${i} = x[${i}], S${i} = s[${i}];`).join('\n'),
    inLoop: ids.map((i) => `const x${i} = X${i}[k * S${i}];`).join('\n'),
  };
}

// The source is made only of the rules' own JavaScript forms (typescript.ts,
// checked against each rule's primal by the tests) and numbers written
// exactly, so the loop computes what the engine computes, operation for
// operation. One generated function per kernel is what lets V8 compile the
// whole chain into one loop with no call per operation.
function compileLoop<T>(source: string): T {
  return new Function(`'use strict';\nreturn ${source};`)() as T;
}

/** f's value at every entry, in one loop. */
export function valueLoop(entry: EntryFunction): ValueLoop {
  const { lines, results } = straightLine([entry.value]);
  const { before, inLoop } = reads(entry.inputs);
  return compileLoop(`function value(x, s, out, n) {
${before}
for (let k = 0; k < n; k++) {
${inLoop}
${lines.join('\n')}
out[k] = ${results[0]};
}
}`);
}

/** The wanted partials at every entry, in one loop, times bar or on their own (see PartialsLoop). */
export function partialsLoop(
  entry: EntryFunction,
  wanted: readonly boolean[],
  scaled: boolean,
): PartialsLoop {
  const ids = wanted.flatMap((w, i) => (w ? [i] : []));
  const { lines, results } = straightLine(ids.map((i) => entry.partials[i] as Node));
  const { before, inLoop } = reads(entry.inputs);
  const outputs = ids.map((i) => `const G${i} = g[${i}];`).join('\n');
  const stores = ids.map((i, r) =>
    scaled ? `G${i}[k * S${i}] += b * (${results[r]});` : `G${i}[k] = ${results[r]};`,
  );
  return compileLoop(`function partials(x, s, bar, g, n) {
${before}
${outputs}
for (let k = 0; k < n; k++) {
${scaled ? 'const b = bar[k];\nif (b === 0) continue;' : ''}
${inLoop}
${lines.join('\n')}
${stores.join('\n')}
}
}`);
}
