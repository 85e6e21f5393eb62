/**
 * @file A million primitive applications: recorded and swept without recursion, so no
 * stack overflow, and with derivatives that match products computed in plain JS.
 */

import { describe, expect, it } from 'vitest';
import {
  grad,
  hessian,
  jvp,
  mul,
  type Num,
  sin,
  sub,
  valueAndGrad,
  vjp,
  withCost,
} from '../src/index.ts';

const MILLION = 1_000_000;

/**
 * A chain derivative is a product of about a million rounded factors, taken in
 * another order than the plain JS product it is compared with: the two can
 * drift apart by up to about one rounding (ε) per factor, relatively.
 */
const CHAIN_TOL = MILLION * Number.EPSILON;

/** |a − b| ≤ tol·|b|: relative without a floor, since chain derivatives can be small. */
function expectRelative(a: unknown, b: number, tol: number): void {
  expect(typeof a).toBe('number');
  expect(Math.abs((a as number) - b), `${String(a)} vs ${b}`).toBeLessThanOrEqual(
    tol * Math.abs(b),
  );
}

/** x ↦ sin(sin(⋯ sin(x))), `count` applications. */
const sines =
  (count: number) =>
  (x: Num): Num => {
    let y = x;
    for (let i = 0; i < count; i++) y = sin(y);
    return y;
  };

/** The same chain in plain JS: its value and Π cos(y_k) over the inputs y_k of each sin. */
function sinesByHand(count: number, x: number): { value: number; derivative: number } {
  let y = x;
  let derivative = 1;
  for (let i = 0; i < count; i++) {
    derivative *= Math.cos(y);
    y = Math.sin(y);
  }
  return { value: y, derivative };
}

/**
 * Explicit Euler for y' = −sin y with step h: y ← y − h·sin(y). Three
 * applications a step (sin, mul, sub), and y is used twice (fan-out).
 */
const H = 1e-6;
const STEPS = Math.ceil(MILLION / 3);
const euler = (x: Num): Num => {
  let y = x;
  for (let i = 0; i < STEPS; i++) y = sub(y, mul(H, sin(y)));
  return y;
};

/** dy_end/dy_0 = Π (1 − h cos y_k), by hand. */
function eulerByHand(x: number): { value: number; derivative: number } {
  let y = x;
  let derivative = 1;
  for (let i = 0; i < STEPS; i++) {
    derivative *= 1 - H * Math.cos(y);
    y -= H * Math.sin(y);
  }
  return { value: y, derivative };
}

describe('a chain of a million primitive applications', () => {
  const x0 = 1.2;

  it('grad through 1,000,000 sines equals the product of cosines', () => {
    const expected = sinesByHand(MILLION, x0);
    const { result, cost } = withCost(() => valueAndGrad(sines(MILLION))(x0));
    expectRelative(result.value, expected.value, CHAIN_TOL);
    expectRelative(result.grad, expected.derivative, CHAIN_TOL);
    expect(cost).toMatchObject({ tapeEntries: MILLION + 1, reverseSweeps: 1, adjoint: MILLION });
    expect(cost.peakTapeBytes / cost.tapeEntries).toBeLessThan(48);
  });

  it('jvp through 1,000,000 sines gives the same derivative in one forward pass', () => {
    const { tangent } = jvp(sines(MILLION), x0, 1);
    expectRelative(tangent, sinesByHand(MILLION, x0).derivative, CHAIN_TOL);
  });

  it('grad and a vjp pullback through a million alternating ops with fan-out', () => {
    const expected = eulerByHand(x0);
    expectRelative(grad(euler)(x0), expected.derivative, CHAIN_TOL);
    const { primal, pullback } = vjp(euler, x0);
    expectRelative(primal, expected.value, CHAIN_TOL);
    expectRelative(pullback(2), 2 * expected.derivative, CHAIN_TOL);
    // the continuous flow has tan(y/2) = tan(y0/2)·e^(−t); the Euler product is within O(h) of its derivative
    const t = H * STEPS;
    const flow =
      (Math.exp(-t) * (1 + Math.tan(x0 / 2) ** 2)) / (1 + (Math.tan(x0 / 2) * Math.exp(-t)) ** 2);
    expectRelative(expected.derivative, flow, 1e-5);
  });

  it('a hessian (forward over reverse) through 300,000 sines, nested without recursion', () => {
    // (f∘g)'' = f''(g) g'² + f'(g) g'' for each sin applied: d2 ← −sin(y) d1² + cos(y) d2
    const count = 300_000;
    let y = x0;
    let d1 = 1;
    let d2 = 0;
    for (let i = 0; i < count; i++) {
      d2 = -Math.sin(y) * d1 * d1 + Math.cos(y) * d2;
      d1 *= Math.cos(y);
      y = Math.sin(y);
    }
    const [[h] = []] = hessian(sines(count))(x0);
    expectRelative(h, d2, CHAIN_TOL);
  });
});
