/**
 * @file The Jacobian benchmark problem: y_j = Σ_i sin(a_ji x_i), n inputs and
 * m outputs, whose Jacobian J_ji = a_ji cos(a_ji x_i) is known exactly.
 */

import { add, mul, type Num, sin } from '../../src/index.ts';

export interface SinesProblem {
  readonly n: number;
  readonly m: number;
  /** a_ji at [j·n + i]: m×n, row-major. */
  readonly a: Float64Array;
  readonly x: readonly number[];
  readonly x64: Float64Array;
  /** The analytic Jacobian, m×n, row-major. */
  readonly jacobian: Float64Array;
}

/** A shape, labelled for tables: n inputs, m outputs. */
export function shape(n: number, m: number) {
  return {
    label: `n = ${n.toLocaleString('en-US')}, m = ${m.toLocaleString('en-US')}`,
    value: n,
    n,
    m,
  };
}

export function sinesProblem(n: number, m: number): SinesProblem {
  // Deterministic, irregular coefficients in [0.5, 1.5] and inputs in [-1, 1].
  const a = Float64Array.from({ length: m * n }, (_, k) => 1 + 0.5 * Math.sin(1.7 * k + 0.3));
  const x = Array.from({ length: n }, (_, i) => Math.cos(2.3 * i + 0.1));
  const jacobian = new Float64Array(m * n);
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < n; i++) {
      const aji = a[j * n + i] as number;
      jacobian[j * n + i] = aji * Math.cos(aji * (x[i] as number));
    }
  }
  return { n, m, a, x, x64: Float64Array.from(x), jacobian };
}

/** The primal in plain JS: all m outputs into a fresh Float64Array (the last one returned). */
export function sinesPlain({ n, m, a, x64 }: SinesProblem): number {
  const y = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.sin((a[j * n + i] as number) * (x64[i] as number));
    y[j] = s;
  }
  return y[m - 1] as number;
}

/** The function with the toolkit's scalar ops: 3nm primitive applications (mul, sin, add). */
export function sines({ n, m, a }: SinesProblem): (x: readonly Num[]) => Num[] {
  return (x) => {
    const y: Num[] = [];
    for (let j = 0; j < m; j++) {
      let s: Num = 0;
      for (let i = 0; i < n; i++) s = add(s, sin(mul(a[j * n + i] as number, x[i] as Num)));
      y.push(s);
    }
    return y;
  };
}
