/** @file Chunk duals: a value and k tangents, pushed through each primitive's local partials computed once. */

import { applyBinary, applyUnary } from '../core/apply.ts';
import { asConstant } from '../core/operand.ts';
import type { BinaryPrimitive, UnaryPrimitive } from '../core/rule.ts';
import { Tracer } from '../core/tracer.ts';
import type { Num } from '../core/value.ts';
import {
  ADD,
  addDx,
  addDy,
  addPrimal,
  MUL,
  mulDx,
  mulDy,
  mulPrimal,
  SUB,
  subDx,
  subDy,
  subPrimal,
} from '../primitives/fast-rules.ts';
import type { ChunkTrace } from './chunk-trace.ts';
import { BoxedLanes, combineLanes, type Lanes, scaleLanes } from './lanes.ts';

/**
 * `value + Σ_l tangent_l·ε_l` with every ε_l ε_m = 0: k dual numbers that
 * share one value, as ForwardDiff.jl's chunks. Lane l is the dual number of
 * the unchunked pass seeded with the l-th direction of the chunk, so one
 * chunked pass computes k columns of a Jacobian while evaluating f, and
 * every local partial, only once.
 *
 * @example
 * ```ts
 * jacfwd((x: Num[]) => {
 *   console.log(x[0] instanceof ChunkDual); // true: 2 tangents ride on each input
 *   return x;
 * }, { chunk: 2 })([1, 2]);
 * ```
 */
export class ChunkDual extends Tracer {
  constructor(
    readonly trace: ChunkTrace,
    readonly value: Num,
    readonly lanes: Lanes,
  ) {
    super();
  }

  toString(): string {
    const t = this.lanes;
    const lanes =
      t === null ? '0' : `[${(t instanceof BoxedLanes ? t.items : t).map(String).join(', ')}]`;
    return `ChunkDual#${this.trace.tag}(${String(this.value)} + ${lanes}ε)`;
  }
}

// ẏ_l = (∂y/∂x) ẋ_l: the partial is computed once, then scales every lane.
// With no tangent at all (lanes null) the partial is not computed.
export function pushChunkUnary(trace: ChunkTrace, rule: UnaryPrimitive, x: ChunkDual): ChunkDual {
  trace.assertLive(rule.name);
  trace.applications++;
  const xv = x.value;
  const y = typeof xv === 'number' ? rule.primal(xv) : (applyUnary(rule, xv) as Num);
  const t = x.lanes;
  return new ChunkDual(trace, y, t === null ? null : scaleLanes(rule.partial(xv, y) as Num, t));
}

// ż_l = (∂z/∂x) ẋ_l + (∂z/∂y) ẏ_l over the operands of this pass; a value of
// another trace is a constant here, which keeps nested derivatives apart.
export function pushChunkBinary(
  trace: ChunkTrace,
  rule: BinaryPrimitive,
  x: Num,
  y: Num,
): ChunkDual {
  trace.assertLive(rule.name);
  trace.applications++;
  const xOn = typeof x === 'object' && x !== null && x.trace === trace;
  const yOn = typeof y === 'object' && y !== null && y.trace === trace;
  const xv = xOn ? (x as ChunkDual).value : asConstant(x, rule.name, 0);
  const yv = yOn ? (y as ChunkDual).value : asConstant(y, rule.name, 1);
  const tx = xOn ? (x as ChunkDual).lanes : null;
  const ty = yOn ? (y as ChunkDual).lanes : null;
  const id = rule.id;
  // add, mul and sub on plain numbers take a fast path (primitives/fast-rules.ts
  // says why); what follows it is the general path, and what every rule does.
  if (typeof xv === 'number' && typeof yv === 'number') {
    if (id === ADD) {
      const z = addPrimal(xv, yv);
      return new ChunkDual(trace, z, lanesOf(addDx(xv, yv, z), tx, addDy(xv, yv, z), ty));
    }
    if (id === MUL) {
      const z = mulPrimal(xv, yv);
      return new ChunkDual(trace, z, lanesOf(mulDx(xv, yv, z), tx, mulDy(xv, yv, z), ty));
    }
    if (id === SUB) {
      const z = subPrimal(xv, yv);
      return new ChunkDual(trace, z, lanesOf(subDx(xv, yv, z), tx, subDy(xv, yv, z), ty));
    }
  }
  const z =
    typeof xv === 'number' && typeof yv === 'number'
      ? rule.primal(xv, yv)
      : (applyBinary(rule, xv, yv) as Num);
  let lanes: Lanes = null;
  if (tx !== null && ty !== null) {
    const dx = rule.partials[0](xv, yv, z) as Num;
    lanes = combineLanes(dx, tx, rule.partials[1](xv, yv, z) as Num, ty);
  } else if (tx !== null) lanes = scaleLanes(rule.partials[0](xv, yv, z) as Num, tx);
  else if (ty !== null) lanes = scaleLanes(rule.partials[1](xv, yv, z) as Num, ty);
  return new ChunkDual(trace, z, lanes);
}

/** The lanes dx·ẋ + dy·ẏ, as the general path combines them (a side with no lanes contributes nothing). */
function lanesOf(dx: number, tx: Lanes, dy: number, ty: Lanes): Lanes {
  if (tx !== null && ty !== null) return combineLanes(dx, tx, dy, ty);
  if (tx !== null) return scaleLanes(dx, tx);
  return ty === null ? null : scaleLanes(dy, ty);
}
