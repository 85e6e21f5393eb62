/** @file Recording: each primitive applied to tape variables appends one SSA entry with its local partials. */

import { applyBinary, applyUnary } from '../core/apply.ts';
import { asConstant } from '../core/operand.ts';
import type { BinaryPrimitive, UnaryPrimitive } from '../core/rule.ts';
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
import type { Tape } from './tape.ts';
import { TapeVar } from './tape-var.ts';

// w_k = f(w_i): store ∂w_k/∂w_i now, while w_i is at hand, so the reverse
// sweep needs no values and no rule lookups.
export function recordUnary(tape: Tape, rule: UnaryPrimitive, x: TapeVar): TapeVar {
  tape.assertLive(rule.name);
  const xv = x.value;
  const y = typeof xv === 'number' ? rule.primal(xv) : (applyUnary(rule, xv) as Num);
  const k = tape.push(rule.id, x.index, rule.partial(xv, y) as Num, -1, 0);
  tape.display?.values.push(y);
  return new TapeVar(tape, k, y);
}

// w_k = f(w_i, w_j). An operand that is not on this tape is a constant: it
// gets no entry index (-1) and its partial is never computed.
export function recordBinary(tape: Tape, rule: BinaryPrimitive, x: Num, y: Num): TapeVar {
  tape.assertLive(rule.name);
  // Only this tape's variables have `trace === tape`; everything else is a
  // constant (and asConstant rejects what is not a value at all, such as
  // the undefined of a missing input).
  const xOn = typeof x === 'object' && x !== null && x.trace === tape;
  const yOn = typeof y === 'object' && y !== null && y.trace === tape;
  const xv = xOn ? (x as TapeVar).value : asConstant(x, rule.name, 0);
  const yv = yOn ? (y as TapeVar).value : asConstant(y, rule.name, 1);
  const i0 = xOn ? (x as TapeVar).index : -1;
  const i1 = yOn ? (y as TapeVar).index : -1;
  let z: Num;
  let k: number;
  const id = rule.id;
  // add, mul and sub on plain numbers take a fast path (primitives/fast-rules.ts
  // says why); the last branch is the general one, and what every rule does.
  if (id === ADD && typeof xv === 'number' && typeof yv === 'number') {
    z = addPrimal(xv, yv);
    k = tape.push(id, i0, xOn ? addDx(xv, yv, z) : 0, i1, yOn ? addDy(xv, yv, z) : 0);
  } else if (id === MUL && typeof xv === 'number' && typeof yv === 'number') {
    z = mulPrimal(xv, yv);
    k = tape.push(id, i0, xOn ? mulDx(xv, yv, z) : 0, i1, yOn ? mulDy(xv, yv, z) : 0);
  } else if (id === SUB && typeof xv === 'number' && typeof yv === 'number') {
    z = subPrimal(xv, yv);
    k = tape.push(id, i0, xOn ? subDx(xv, yv, z) : 0, i1, yOn ? subDy(xv, yv, z) : 0);
  } else {
    z =
      typeof xv === 'number' && typeof yv === 'number'
        ? rule.primal(xv, yv)
        : (applyBinary(rule, xv, yv) as Num);
    const dx = xOn ? (rule.partials[0](xv, yv, z) as Num) : 0;
    const dy = yOn ? (rule.partials[1](xv, yv, z) as Num) : 0;
    k = tape.push(id, i0, dx, i1, dy);
  }
  if (tape.display !== null) {
    tape.display.values.push(z);
    if (!xOn || !yOn) tape.display.constants.set(k, [xOn ? null : xv, yOn ? null : yv]);
  }
  return new TapeVar(tape, k, z);
}
