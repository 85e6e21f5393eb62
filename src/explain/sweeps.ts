/** @file The two sweeps of a Wengert list, step by step: tangents forward, adjoints backward with every `+=`. */

import type { WengertList } from './wengert-list.ts';

/**
 * One term ∂w_k/∂w_i · ẇ_i of a tangent.
 *
 * @example
 * ```ts
 * const sweep = forwardSweep(trace(([x, y]: Num[]) => mul(x, y), [2, 3]), [1, 0]);
 * console.log(sweep.terms.at(-1)); // ẇ3's terms: ∂w3/∂w1 · ẇ1 (ẇ2 = 0 adds none)
 * ```
 */
export interface TangentTerm {
  readonly operand: number;
  readonly from: number;
  readonly partial: number;
  readonly tangent: number;
}

/**
 * The forward sweep: each entry's tangent and the terms it was summed from.
 *
 * @example
 * ```ts
 * const sweep = forwardSweep(trace((x: Num) => sin(x), 0), [1]);
 * console.log(sweep.direction, sweep.tangents); // [1] [1, 1]: cos 0 = 1
 * ```
 */
export interface ForwardSweep {
  readonly direction: readonly number[];
  readonly tangents: readonly number[];
  readonly terms: readonly (readonly TangentTerm[])[];
}

/**
 * One contribution w̄_i += ∂w_k/∂w_i · w̄_k, received by entry i from entry k.
 *
 * @example
 * ```ts
 * const sweep = reverseSweep(trace((x: Num) => mul(x, x), 3), [1]);
 * console.log(sweep.contributions[0]); // x used twice: two contributions of 3 each
 * ```
 */
export interface Contribution {
  readonly from: number;
  /** Which operand of entry `from` entry i was. */
  readonly operand: number;
  readonly partial: number;
  readonly adjoint: number;
  readonly amount: number;
}

/**
 * The reverse sweep: each entry's adjoint, its seed, and the contributions in the order they arrived.
 *
 * @example
 * ```ts
 * const sweep = reverseSweep(trace((x: Num) => exp(x), 0), [1]);
 * console.log(sweep.adjoints); // [1, 1]: exp 0 = 1
 * ```
 */
export interface ReverseSweep {
  readonly seed: readonly number[];
  readonly adjoints: readonly number[];
  readonly seeds: readonly number[];
  readonly contributions: readonly (readonly Contribution[])[];
}

function inputIndices(list: WengertList): number[] {
  return list.entries.filter((e) => e.op === 'input').map((e) => e.index);
}

/**
 * ẇ_k = Σ_i ∂w_k/∂w_i · ẇ_i in evaluation order, from ẇ = `direction` on the
 * inputs. Exact zero tangents contribute nothing, as in the engine.
 *
 * @example
 * ```ts
 * const f = ([x, y]: Num[]) => sub(mul(5, mul(x, x)), mul(x, y));
 * const sweep = forwardSweep(trace(f, [2, 3]), [1, 0]); // the direction ∂/∂x
 * console.log(sweep.tangents.at(-1)); // ∂f/∂x at (2, 3) = 10x − y = 17
 * ```
 */
export function forwardSweep(list: WengertList, direction: readonly number[]): ForwardSweep {
  const inputs = inputIndices(list);
  if (direction.length !== inputs.length) {
    throw new Error(
      `wengert: forward sweep: expected a direction of ${inputs.length} (one per input), got ${direction.length}`,
    );
  }
  const tangents = new Array<number>(list.entries.length).fill(0);
  inputs.forEach((k, i) => {
    tangents[k] = direction[i] as number;
  });
  const terms = list.entries.map((entry) => {
    const mine: TangentTerm[] = [];
    entry.operands.forEach((operand, i) => {
      if (operand.kind !== 'entry') return;
      const tangent = tangents[operand.index] as number;
      if (tangent !== 0)
        mine.push({
          operand: i,
          from: operand.index,
          partial: entry.partials[i] as number,
          tangent,
        });
    });
    if (entry.op !== 'input')
      tangents[entry.index] = mine.reduce((s, t) => s + t.partial * t.tangent, 0);
    return mine;
  });
  return { direction, tangents, terms };
}

/**
 * w̄_i += ∂w_k/∂w_i · w̄_k for k from last to first, from w̄ = `seed` on the
 * outputs. A value used twice receives two contributions: fan-out in the
 * primal is addition in the adjoint. Exact zero adjoints contribute nothing.
 *
 * @example
 * ```ts
 * const f = ([x, y]: Num[]) => sub(mul(5, mul(x, x)), mul(x, y));
 * const sweep = reverseSweep(trace(f, [2, 3]), [1]); // seed f̄ = 1
 * console.log(sweep.adjoints.slice(0, 2)); // x̄ = 10x − y = 17, ȳ = −x = −2
 * ```
 */
export function reverseSweep(list: WengertList, seed: readonly number[]): ReverseSweep {
  if (seed.length !== list.outputs.length) {
    throw new Error(
      `wengert: reverse sweep: expected a seed of ${list.outputs.length} (one per output), got ${seed.length}`,
    );
  }
  const n = list.entries.length;
  const adjoints = new Array<number>(n).fill(0);
  const seeds = new Array<number>(n).fill(0);
  list.outputs.forEach((out, i) => {
    if (out.kind === 'entry') {
      seeds[out.index] = (seeds[out.index] as number) + (seed[i] as number);
      adjoints[out.index] = seeds[out.index] as number;
    }
  });
  const contributions: Contribution[][] = list.entries.map(() => []);
  for (let k = n - 1; k >= 0; k--) {
    const entry = list.entries[k];
    const adjoint = adjoints[k] as number;
    if (entry === undefined || adjoint === 0) continue;
    entry.operands.forEach((operand, i) => {
      if (operand.kind !== 'entry') return;
      const partial = entry.partials[i] as number;
      const amount = partial * adjoint;
      adjoints[operand.index] = (adjoints[operand.index] as number) + amount;
      contributions[operand.index]?.push({ from: k, operand: i, partial, adjoint, amount });
    });
  }
  return { seed, adjoints, seeds, contributions };
}
