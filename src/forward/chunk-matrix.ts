/** @file Matrices in a chunked forward pass: a matrix value and k tangents, each pushed through the rule's tangent maps. */

import { applyMatrix } from '../core/apply.ts';
import { asConstant } from '../core/operand.ts';
import type { MatrixRule, TangentMap } from '../core/rule.ts';
import { TracedMatrix } from '../core/traced-matrix.ts';
import { isMat, type Mat, type Num, type Value } from '../core/value.ts';
import { add } from '../primitives/arithmetic.ts';
import { ChunkDual } from './chunk-dual.ts';
import type { ChunkTrace } from './chunk-trace.ts';
import { laneAt, packLanes } from './lanes.ts';

/**
 * A matrix X + Σ_l Ẋ_l·ε_l of a chunked pass. A lane of exactly 0 is a
 * symbolic zero matrix; `lanes` is null when all k are.
 *
 * @example
 * ```ts
 * jacfwd((w: Mat) => {
 *   console.log(w instanceof ChunkMatrix); // true: a pass that carries 2 tangents
 *   return sum(w);
 * }, { chunk: 2 })(ones(2));
 * ```
 */
export class ChunkMatrix extends TracedMatrix {
  constructor(
    readonly trace: ChunkTrace,
    readonly value: Mat,
    readonly lanes: readonly (Mat | 0)[] | null,
  ) {
    super(value);
  }

  toString(): string {
    return `ChunkMatrix#${this.trace.tag}(${this.rows}×${this.cols}, ${this.trace.width} tangents)`;
  }
}

/** A value of this pass, of either kind: it has lanes here. */
function onPass(x: Value, trace: ChunkTrace): x is ChunkDual | ChunkMatrix {
  return typeof x === 'object' && (x as { trace?: unknown }).trace === trace;
}

/**
 * Ż_l = Σ_i L_i(Ẋ_il) for each lane l. A matrix rule has no partial to
 * share, only a linear tangent map per input, so the map is applied once
 * per nonzero lane: the chunk saves the primal evaluations, not these.
 */
export function pushChunkMatrix(
  trace: ChunkTrace,
  rule: MatrixRule,
  args: readonly Value[],
  params: unknown,
): ChunkDual | ChunkMatrix {
  trace.assertLive(rule.name);
  trace.applications++;
  const values = args.map((a, i) => (onPass(a, trace) ? a.value : asConstant(a, rule.name, i)));
  const out = applyMatrix(rule, values, params);
  let lanes: Value[] | null = null;
  args.forEach((a, i) => {
    if (!onPass(a, trace) || a.lanes === null) return;
    const map = rule.tangents[i] as TangentMap;
    lanes ??= new Array<Value>(trace.width).fill(0);
    for (let l = 0; l < trace.width; l++) {
      const dot = a instanceof ChunkMatrix ? (a.lanes?.[l] as Value) : laneAt(a.lanes, l);
      if (dot === 0) continue;
      const term = map(values, out, dot, params as never);
      lanes[l] = lanes[l] === 0 ? term : add(lanes[l] as Value, term);
    }
  });
  if (isMat(out)) return new ChunkMatrix(trace, out, lanes as (Mat | 0)[] | null);
  return new ChunkDual(trace, out, lanes === null ? null : packLanes(lanes as Num[]));
}
