/** @file An op can be differentiated as it is, grad(sin), without wrapping it in a lambda. */

import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  cos,
  exp,
  grad,
  hessian,
  jacfwd,
  jacrev,
  jvp,
  type Num,
  sin,
  valueAndGrad,
  vjp,
} from '../src/index.ts';

describe('a unary op passed to a transform as it is', () => {
  it('type-checks and differentiates: sin′ = cos, sin″ = −sin, exp′ = exp', () => {
    const d: number = grad(sin)(1);
    expect(d).toBeCloseTo(Math.cos(1), 15);
    expect(grad(cos)(0.5)).toBeCloseTo(-Math.sin(0.5), 15);
    const { value, grad: g } = valueAndGrad(exp)(2);
    expectTypeOf(value).toEqualTypeOf<number>();
    expect([value, g]).toEqual([Math.exp(2), Math.exp(2)]);
    expect(hessian(sin)(1)).toEqual([[-Math.sin(1)]]);
    expect(jacfwd(sin)(1)).toEqual(jacrev(sin)(1));
    expect(jvp(sin, 1, 2).tangent).toBeCloseTo(2 * Math.cos(1), 15);
    expect(vjp(sin, 1).pullback(3)).toBeCloseTo(3 * Math.cos(1), 15);
  });

  it('nests: the second derivative of sin by grad of grad(sin)', () => {
    expect(grad((x: Num) => grad(sin)(x))(0.3)).toBeCloseTo(-Math.sin(0.3), 14);
  });
});
