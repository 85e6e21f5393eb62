/** @file Dual numbers: a value and its tangent, pushed through each primitive's local partials. */

import { applyBinary, applyUnary } from '../core/apply.ts';
import { asConstant } from '../core/operand.ts';
import type { BinaryPrimitive, UnaryPrimitive } from '../core/rule.ts';
import { Tracer } from '../core/tracer.ts';
import type { Num } from '../core/value.ts';
import { add, mul } from '../primitives/arithmetic.ts';
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
import type { ForwardTrace } from './forward-trace.ts';

/**
 * `value + tangent·ε` with ε² = 0, tagged with the forward pass it belongs to.
 * Because ε² = 0, f(a + bε) = f(a) + f'(a)·b·ε exactly: the tangent is the
 * directional derivative, with no truncation error.
 *
 * @example
 * ```ts
 * jvp((x: Num) => {
 *   if (x instanceof Dual) console.log(x.value, x.tangent); // 2 1: the point and the direction
 *   return mul(x, x);
 * }, 2, 1);
 * ```
 */
export class Dual extends Tracer {
  constructor(
    readonly trace: ForwardTrace,
    readonly value: Num,
    readonly tangent: Num,
  ) {
    super();
  }

  toString(): string {
    return `Dual#${this.trace.tag}(${String(this.value)} + ${String(this.tangent)}ε)`;
  }
}

// ẏ = (∂y/∂x) ẋ. An exact zero tangent contributes nothing and its partial is
// not even computed: a symbolic zero, so that 0 · ∞ never turns a derivative
// into NaN through a value this direction does not move (reverse mode skips
// zero adjoints for the same reason, and the two modes agree).
export function pushUnary(trace: ForwardTrace, rule: UnaryPrimitive, x: Dual): Dual {
  trace.assertLive(rule.name);
  trace.applications++;
  const xv = x.value;
  const y = typeof xv === 'number' ? rule.primal(xv) : (applyUnary(rule, xv) as Num);
  const t = x.tangent;
  return new Dual(trace, y, t === 0 ? 0 : scale(rule.partial(xv, y) as Num, t));
}

// ż = (∂z/∂x) ẋ + (∂z/∂y) ẏ, over the operands that belong to this pass only:
// a value of another pass is a constant here, which is what keeps nested
// derivatives apart.
export function pushBinary(trace: ForwardTrace, rule: BinaryPrimitive, x: Num, y: Num): Dual {
  trace.assertLive(rule.name);
  trace.applications++;
  // Only this pass's duals have `trace === trace`; everything else is a constant.
  const xOn = typeof x === 'object' && x !== null && x.trace === trace;
  const yOn = typeof y === 'object' && y !== null && y.trace === trace;
  const xv = xOn ? (x as Dual).value : asConstant(x, rule.name, 0);
  const yv = yOn ? (y as Dual).value : asConstant(y, rule.name, 1);
  const xt = xOn ? (x as Dual).tangent : 0;
  const yt = yOn ? (y as Dual).tangent : 0;
  const id = rule.id;
  if (
    typeof xv === 'number' &&
    typeof yv === 'number' &&
    typeof xt === 'number' &&
    typeof yt === 'number'
  ) {
    if (id === ADD) {
      const z = addPrimal(xv, yv);
      return new Dual(trace, z, tangent(xt, addDx(xv, yv, z), yt, addDy(xv, yv, z)));
    }
    if (id === MUL) {
      const z = mulPrimal(xv, yv);
      return new Dual(trace, z, tangent(xt, mulDx(xv, yv, z), yt, mulDy(xv, yv, z)));
    }
    if (id === SUB) {
      const z = subPrimal(xv, yv);
      return new Dual(trace, z, tangent(xt, subDx(xv, yv, z), yt, subDy(xv, yv, z)));
    }
  }
  const z =
    typeof xv === 'number' && typeof yv === 'number'
      ? rule.primal(xv, yv)
      : (applyBinary(rule, xv, yv) as Num);
  const tx = xt === 0 ? 0 : scale(rule.partials[0](xv, yv, z) as Num, xt);
  const ty = yt === 0 ? 0 : scale(rule.partials[1](xv, yv, z) as Num, yt);
  return new Dual(trace, z, yt === 0 ? tx : xt === 0 ? ty : plus(tx, ty));
}

/** ż = ∂z/∂x · ẋ + ∂z/∂y · ẏ on plain numbers, where a zero tangent's term is left out (as above). */
function tangent(xt: number, dx: number, yt: number, dy: number): number {
  return yt === 0 ? (xt === 0 ? 0 : dx * xt) : xt === 0 ? dy * yt : dx * xt + dy * yt;
}

function plus(a: Num, b: Num): Num {
  return typeof a === 'number' && typeof b === 'number' ? a + b : add(a, b);
}

function scale(d: Num, t: Num): Num {
  return typeof d === 'number' && typeof t === 'number' ? d * t : mul(d, t);
}
