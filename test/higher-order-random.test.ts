/**
 * @file Random programs over every scalar op: Hessians and third derivatives by every nesting
 * of forward and reverse mode, against a truncated Taylor arithmetic written in this file.
 */

import { describe, expect, it } from 'vitest';
import {
  abs,
  acos,
  add,
  asin,
  atan,
  atan2,
  cos,
  cosh,
  div,
  exp,
  grad,
  hessian,
  jacfwd,
  jacrev,
  log,
  max,
  min,
  mul,
  type Num,
  neg,
  pow,
  relu,
  type ScalarPrimitiveName,
  sigmoid,
  sin,
  sinh,
  sqrt,
  stopGradient,
  sub,
  tan,
  tanh,
} from '../src/index.ts';
import { FD_STEP, rng, TOL, uniform } from './support.ts';

/** wengert against the Taylor oracle: two exact methods, rounded along different routes. */
const ORACLE = 1e-9;
/** The oracle's own tables: each derivative against central differences of the one before it. */
const TABLE_BY_DIFFERENCES = 1e-6;
/** Programs and points: fixed, so that every failure reproduces. */
const SEED = 20240610;
const PROGRAMS_PER_ARITY = 120;
/** A program is redrawn if a value or a derivative leaves this range (overflow, a pole nearby). */
const LARGEST_VALUE = 1e4;
const LARGEST_DERIVATIVE = 1e6;

// ---------------------------------------------------------------------------------------------
// The oracle: numbers Σ c_S ε_S over the subsets S of {ε₁, ε₂, ε₃}, with ε_i² = 0 (a
// hyper-dual number of order 3). Seeding input m with x_m + [m = i]ε₁ + [m = j]ε₂ + [m = k]ε₃
// gives ∂_i f in c_{1}, ∂_i∂_j f in c_{12} and ∂_i∂_j∂_k f in c_{123}, exactly: a Taylor
// expansion truncated where ε products vanish, with no step and no rounding beyond the ops'.

/** c[S] for S a bit mask of {ε₁, ε₂, ε₃}. */
type Jet = Float64Array;

const constant = (a: number): Jet => Float64Array.of(a, 0, 0, 0, 0, 0, 0, 0);
const plus = (x: Jet, y: Jet): Jet => x.map((v, s) => v + (y[s] as number));
const minus = (x: Jet, y: Jet): Jet => x.map((v, s) => v - (y[s] as number));
const scale = (x: Jet, a: number): Jet => x.map((v) => a * v);

/** (xy)_S = Σ_{A ⊆ S} x_A y_{S∖A}. */
function times(x: Jet, y: Jet): Jet {
  const z = new Float64Array(8);
  for (let s = 0; s < 8; s++) {
    for (let a = 0; a < 8; a++) {
      if ((a & s) === a) z[s] = (z[s] as number) + (x[a] as number) * (y[s ^ a] as number);
    }
  }
  return z;
}

/**
 * f(x₀ + δ) = f + f′δ + f″δ²/2 + f‴δ³/6 with δ the infinitesimal part of x: exact, as δ⁴ = 0
 * (every term of δ⁴ repeats an ε).
 */
function lift(x: Jet, [f0, f1, f2, f3]: Taylor): Jet {
  const d = x.map((v, s) => (s === 0 ? 0 : v));
  const d2 = times(d, d);
  const d3 = times(d2, d);
  return d.map((v, s) =>
    s === 0 ? f0 : f1 * v + (f2 / 2) * (d2[s] as number) + (f3 / 6) * (d3[s] as number),
  );
}

/** [f, f′, f″, f‴] at a point. */
type Taylor = [number, number, number, number];

/** sign, with sign(0) = 0 as documented for abs′. */
const sign = (x: number): number => (x > 0 ? 1 : x < 0 ? -1 : 0);

type UnaryName = Exclude<
  ScalarPrimitiveName,
  'add' | 'sub' | 'mul' | 'div' | 'pow' | 'atan2' | 'max' | 'min'
>;
type BinaryName = Exclude<ScalarPrimitiveName, UnaryName>;

/** Each unary op's value and first three derivatives, derived by hand. */
const TAYLOR: Record<UnaryName, (x: number) => Taylor> = {
  neg: (x) => [-x, -1, 0, 0],
  exp: (x) => {
    const e = Math.exp(x);
    return [e, e, e, e];
  },
  log: (x) => [Math.log(x), 1 / x, -1 / x ** 2, 2 / x ** 3],
  sqrt: (x) => [Math.sqrt(x), 0.5 * x ** -0.5, -0.25 * x ** -1.5, 0.375 * x ** -2.5],
  sin: (x) => [Math.sin(x), Math.cos(x), -Math.sin(x), -Math.cos(x)],
  cos: (x) => [Math.cos(x), -Math.sin(x), -Math.cos(x), Math.sin(x)],
  // t′ = 1 + t² = s, t″ = 2ts, t‴ = 2s² + 4t²s = 2s(1 + 3t²)
  tan: (x) => {
    const t = Math.tan(x);
    const s = 1 + t * t;
    return [t, s, 2 * t * s, 2 * s * (1 + 3 * t * t)];
  },
  // q = 1 − x²: q^(−½), x q^(−3/2), (1 + 2x²) q^(−5/2); acos is −asin
  asin: (x) => {
    const q = 1 - x * x;
    return [Math.asin(x), q ** -0.5, x * q ** -1.5, (1 + 2 * x * x) * q ** -2.5];
  },
  acos: (x) => {
    const q = 1 - x * x;
    return [Math.acos(x), -(q ** -0.5), -x * q ** -1.5, -(1 + 2 * x * x) * q ** -2.5];
  },
  // p = 1 + x²: 1/p, −2x/p², (6x² − 2)/p³
  atan: (x) => {
    const p = 1 + x * x;
    return [Math.atan(x), 1 / p, (-2 * x) / p ** 2, (6 * x * x - 2) / p ** 3];
  },
  sinh: (x) => [Math.sinh(x), Math.cosh(x), Math.sinh(x), Math.cosh(x)],
  cosh: (x) => [Math.cosh(x), Math.sinh(x), Math.cosh(x), Math.sinh(x)],
  // s = 1 − t²: s, −2ts, 2s(3t² − 1)
  tanh: (x) => {
    const t = Math.tanh(x);
    const s = 1 - t * t;
    return [t, s, -2 * t * s, 2 * s * (3 * t * t - 1)];
  },
  // d = σ(1 − σ): d, d(1 − 2σ), d(1 − 6σ + 6σ²)
  sigmoid: (x) => {
    const g = 1 / (1 + Math.exp(-x));
    const d = g * (1 - g);
    return [g, d, d * (1 - 2 * g), d * (1 - 6 * g + 6 * g * g)];
  },
  // the documented choices at the kinks: abs′(0) = 0, relu′(0) = 0; higher derivatives 0
  abs: (x) => [Math.abs(x), sign(x), 0, 0],
  relu: (x) => [Math.max(x, 0), x > 0 ? 1 : 0, 0, 0],
  // by definition, not the identity's derivatives: the value passes, every derivative is 0
  stopGradient: (x) => [x, 0, 0, 0],
};

const reciprocal = (y: number): Taylor => [1 / y, -1 / y ** 2, 2 / y ** 3, -6 / y ** 4];

/** Each binary op on jets, from the unary tables and the algebra (not from wengert's rules). */
const JET_BINARY: Record<BinaryName, (x: Jet, y: Jet) => Jet> = {
  add: plus,
  sub: minus,
  mul: times,
  div: (x, y) => times(x, lift(y, reciprocal(y[0] as number))),
  // x^y = e^(y ln x) for x > 0 (the programs keep bases positive)
  pow: (x, y) => {
    const z = lift(times(y, lift(x, TAYLOR.log(x[0] as number))), TAYLOR.exp(0));
    // e^(y ln x) through exp at 0 of the infinitesimal part, times the value x^y
    return scale(z, (x[0] as number) ** (y[0] as number));
  },
  // atan2(a, b) differs from atan(a/b) (or from −atan(b/a)) by a constant near any point but
  // the origin: take the infinitesimal part from whichever ratio is bounded.
  atan2: (a, b) => {
    const [a0, b0] = [a[0] as number, b[0] as number];
    const t =
      Math.abs(b0) >= Math.abs(a0)
        ? lift(JET_BINARY.div(a, b), TAYLOR.atan(a0 / b0))
        : scale(lift(JET_BINARY.div(b, a), TAYLOR.atan(b0 / a0)), -1);
    t[0] = Math.atan2(a0, b0);
    return t;
  },
  // the documented choice at a tie: ½ to each
  max: (x, y) => {
    const [x0, y0] = [x[0] as number, y[0] as number];
    return x0 > y0 ? x : x0 < y0 ? y : scale(plus(x, y), 0.5);
  },
  min: (x, y) => {
    const [x0, y0] = [x[0] as number, y[0] as number];
    return x0 < y0 ? x : x0 > y0 ? y : scale(plus(x, y), 0.5);
  },
};

// ---------------------------------------------------------------------------------------------
// Random programs: a list of steps, each an op on earlier values, over 2 or 3 inputs.

type Step =
  | { op: 'input'; index: number }
  | { op: 'const'; value: number }
  | { op: UnaryName; arg: number }
  | { op: BinaryName; args: [number, number] };

interface Program {
  inputs: number;
  steps: Step[];
}

const UNARY = Object.keys(TAYLOR) as UnaryName[];
const BINARY = Object.keys(JET_BINARY) as BinaryName[];
/** Constant exponents, whole ones included (pow's special cases at y = 0, 1, 2). */
const EXPONENTS = [0, 1, 2, 3, -1, 0.5, 1.5];

/**
 * A program of `ops` random ops over `inputs` inputs, each wrapped so that its arguments stay
 * in its domain. Each op takes the previous op's result as an argument (most of the time) and
 * any earlier value as the other; the output is the sum of every result no later op uses, so
 * that every op reaches it.
 */
function randomProgram(random: () => number, inputs: number, ops: number): Program {
  const steps: Step[] = Array.from({ length: inputs }, (_, index) => ({ op: 'input', index }));
  const push = (s: Step): number => steps.push(s) - 1;
  const choose = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const pick = (): number => Math.floor(random() * steps.length);
  const input = (): number => Math.floor(random() * inputs);
  const num = (value: number): number => push({ op: 'const', value });
  const unary = (op: UnaryName, arg: number): number => push({ op, arg });
  const binary = (op: BinaryName, a: number, b: number): number => push({ op, args: [a, b] });
  // a positive value: 1 + u² or e^u
  const positive = (u: number): number =>
    random() < 0.5 ? binary('add', num(1), binary('mul', u, u)) : unary('exp', u);
  let last = input();
  for (let n = 0; n < ops; n++) {
    if (random() < 0.5) {
      const op = choose(UNARY);
      const u = random() < 0.8 ? last : pick();
      if (op === 'log' || op === 'sqrt') last = unary(op, positive(u));
      else if (op === 'asin' || op === 'acos') {
        last = unary(op, binary('mul', num(0.9), unary('tanh', u)));
      } else if (op === 'tan') last = unary(op, unary('tanh', u));
      else last = unary(op, u);
    } else {
      const op = choose(BINARY);
      const [a, b] = random() < 0.5 ? [last, pick()] : [pick(), last];
      if (op === 'div') last = binary(op, a, positive(b));
      else if (op === 'pow') {
        // a traced exponent is often an input itself, so that it lands on a whole number
        // whenever the point does (issue 10: pow's partials at a whole traced exponent)
        const kind = random();
        if (kind < 0.35) last = binary(op, positive(a), input());
        else if (kind < 0.6) last = binary(op, positive(a), b);
        else if (kind < 0.85) last = binary(op, positive(a), num(choose(EXPONENTS)));
        else last = binary(op, num(choose([2, 0.5])), b);
      } else last = binary(op, a, b);
    }
  }
  const used = new Set(steps.flatMap((s) => ('arg' in s ? [s.arg] : 'args' in s ? s.args : [])));
  const results = steps
    .map((s, i) => (s.op === 'input' || s.op === 'const' || used.has(i) ? -1 : i))
    .filter((i) => i >= 0);
  results.slice(1).reduce((sum, i) => binary('add', sum, i), results[0] as number);
  return { inputs, steps };
}

/** The program on jets. */
function runJets(p: Program, x: readonly Jet[]): Jet[] {
  const values: Jet[] = [];
  for (const s of p.steps) {
    if (s.op === 'input') values.push(x[s.index] as Jet);
    else if (s.op === 'const') values.push(constant(s.value));
    else if ('arg' in s) {
      const u = values[s.arg] as Jet;
      values.push(lift(u, TAYLOR[s.op](u[0] as number)));
    } else values.push(JET_BINARY[s.op](values[s.args[0]] as Jet, values[s.args[1]] as Jet));
  }
  return values;
}

const WENGERT_UNARY: Record<UnaryName, (x: Num) => Num> = {
  neg,
  exp,
  log,
  sqrt,
  sin,
  cos,
  tan,
  asin,
  acos,
  atan,
  sinh,
  cosh,
  tanh,
  sigmoid,
  abs,
  relu,
  stopGradient,
};
const WENGERT_BINARY: Record<BinaryName, (x: Num, y: Num) => Num> = {
  add,
  sub,
  mul,
  div,
  pow,
  atan2,
  max,
  min,
};

/** The same program with wengert's ops: the function every transform differentiates. */
function asFunction(p: Program): (x: Num[]) => Num {
  return (x) => {
    const values: Num[] = [];
    for (const s of p.steps) {
      if (s.op === 'input') values.push(x[s.index] as Num);
      else if (s.op === 'const') values.push(s.value);
      else if ('arg' in s) values.push(WENGERT_UNARY[s.op](values[s.arg] as Num));
      else {
        const [a, b] = s.args;
        values.push(WENGERT_BINARY[s.op](values[a] as Num, values[b] as Num));
      }
    }
    return values[values.length - 1] as Num;
  };
}

/** The plain value of the program, by the jets with no ε. */
const plainValue = (p: Program, x: readonly number[]): number =>
  runJets(p, x.map(constant)).at(-1)?.[0] as number;

/** The oracle's gradient, Hessian and third-derivative tensor of the program at x. */
function oracle(p: Program, x: readonly number[]): { H: number[][]; T: number[][][] } {
  const n = x.length;
  const range = Array.from({ length: n }, (_, i) => i);
  const H = range.map(() => range.map(() => 0));
  const T = range.map(() => range.map(() => range.map(() => 0)));
  for (const i of range) {
    for (const j of range) {
      for (const k of range) {
        const seeded = x.map((v, m) => {
          const c = constant(v);
          c[1] = +(m === i);
          c[2] = +(m === j);
          c[4] = +(m === k);
          return c;
        });
        const out = runJets(p, seeded).at(-1) as Jet;
        (H[i] as number[])[j] = out[3] as number;
        ((T[i] as number[][])[j] as number[])[k] = out[7] as number;
      }
    }
  }
  return { H, T };
}

/** A point in [−1.5, 1.5]ⁿ, each coordinate a whole number 0, 1 or 2 with probability ⅓. */
const randomPoint = (random: () => number, n: number): number[] =>
  Array.from({ length: n }, () =>
    random() < 1 / 3 ? Math.floor(random() * 3) : uniform(random, [-1.5, 1.5]),
  );

const finiteBelow = (t: unknown, bound: number): boolean =>
  Array.isArray(t) ? t.every((v) => finiteBelow(v, bound)) : Math.abs(t as number) <= bound;

interface Sample {
  name: string;
  program: Program;
  x: number[];
  H: number[][];
  T: number[][][];
}

/** Programs whose values and derivatives at their point stay in range (others are redrawn). */
function samples(inputs: number, count: number, random: () => number): Sample[] {
  const out: Sample[] = [];
  while (out.length < count) {
    const program = randomProgram(random, inputs, 3 + Math.floor(random() * 7));
    const x = randomPoint(random, inputs);
    const values = runJets(program, x.map(constant)).map((v) => v[0]);
    if (!finiteBelow(values, LARGEST_VALUE)) continue;
    const { H, T } = oracle(program, x);
    if (!finiteBelow([H, T], LARGEST_DERIVATIVE)) continue;
    const ops = program.steps.filter((s) => s.op !== 'input' && s.op !== 'const').map((s) => s.op);
    out.push({
      name: `#${out.length} at (${x.map((v) => v.toFixed(3))}): ${ops.join(' ')}`,
      program,
      x,
      H,
      T,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Every nesting of the two Jacobian transforms, and the Hessian transform.

type Fn = (x: Num[]) => Num;
type Jac = typeof jacfwd;
const JACOBIANS: [string, Jac][] = [
  ['fwd', jacfwd],
  ['rev', jacrev],
];
/** Row 0 of f's 1×n Jacobian: the gradient as traced values. */
const gradientBy =
  (J: Jac, f: Fn) =>
  (v: Num[]): Num[] =>
    (J(f)(v) as Num[][])[0] as Num[];
/** A function's n×n Jacobian of traced values, flattened row by row. */
const flatBy =
  (J: Jac, g: (v: Num[]) => Num[]) =>
  (v: Num[]): Num[] =>
    (J(g)(v) as Num[][]).flat();

/** H[a][b] = ∂_b ∂_a f, by `outer` over `inner` (the oracle's ∂_a ∂_b f: these programs are smooth
 * where they are sampled, so mixed partials commute). */
const HESSIANS: [string, (f: Fn, x: number[]) => number[][]][] = [
  ...JACOBIANS.flatMap(([o, outer]) =>
    JACOBIANS.map(([i, inner]): [string, (f: Fn, x: number[]) => number[][]] => [
      `${o} over ${i}`,
      (f, x) => outer(gradientBy(inner, f))(x) as number[][],
    ]),
  ),
  ['hessian (fwd over rev)', (f, x) => hessian(f)(x) as number[][]],
  ['rev over grad', (f, x) => jacrev((v: Num[]) => grad(f)(v) as Num[])(x) as number[][]],
];

/** T[a][b][c] = ∂_c ∂_b ∂_a f (the oracle's ∂_a ∂_b ∂_c f), from the Jacobian J[(a, b)][c] of a flattened Hessian. */
const unflatten3 = (J: number[][], n: number): number[][][] =>
  Array.from({ length: n }, (_, a) =>
    Array.from({ length: n }, (_, b) => J[a * n + b] as number[]),
  );

const THIRD: [string, (f: Fn, x: number[]) => number[][][]][] = [
  ...JACOBIANS.flatMap(([o, outer]) =>
    JACOBIANS.flatMap(([m, middle]) =>
      JACOBIANS.map(([i, inner]): [string, (f: Fn, x: number[]) => number[][][]] => [
        `${o} over ${m} over ${i}`,
        (f, x) =>
          unflatten3(outer(flatBy(middle, gradientBy(inner, f)))(x) as number[][], x.length),
      ]),
    ),
  ),
  ...JACOBIANS.map(([o, outer]): [string, (f: Fn, x: number[]) => number[][][]] => [
    `${o} over hessian`,
    (f, x) =>
      unflatten3(outer((v: Num[]) => (hessian(f)(v) as Num[][]).flat())(x) as number[][], x.length),
  ]),
];

/** Entries of `actual` off `expected` by more than ORACLE · max(1, the largest |entry| expected). */
function offBy(actual: unknown, expected: unknown): string[] {
  const scale = Math.max(1, ...[expected].flat(3).map((v) => Math.abs(v as number)));
  const bad: string[] = [];
  const walk = (a: unknown, e: unknown, path: string): void => {
    if (Array.isArray(e)) {
      e.forEach((ei, i) => {
        walk((a as unknown[])[i], ei, `${path}[${i}]`);
      });
    } else if (!(Math.abs((a as number) - (e as number)) <= ORACLE * scale)) {
      bad.push(`${path}: ${String(a)}, expected ${String(e)}`);
    }
  };
  walk(actual, expected, '');
  return bad;
}

const random = rng(SEED);
const suites = [2, 3].map((n) => ({ n, cases: samples(n, PROGRAMS_PER_ARITY, random) }));

describe('the Taylor oracle itself', () => {
  // Each derivative in the tables against central differences of the one before it, so the
  // oracle is checked without wengert.
  // stopGradient's table is a definition (derivatives 0), not the derivatives of its value.
  const points: Record<Exclude<UnaryName, 'stopGradient'>, number[]> = {
    neg: [-1, 0.5],
    exp: [-1, 0.5],
    log: [0.3, 2],
    sqrt: [0.3, 2],
    sin: [-1, 0.5],
    cos: [-1, 0.5],
    tan: [-1, 0.5],
    asin: [-0.8, 0.5],
    acos: [-0.8, 0.5],
    atan: [-1, 0.5],
    sinh: [-1, 0.5],
    cosh: [-1, 0.5],
    tanh: [-1, 0.5],
    sigmoid: [-1, 0.5],
    abs: [-1, 0.5],
    relu: [-1, 0.5],
  };
  it.each(Object.keys(points) as (keyof typeof points)[])(
    '%s: f′, f″, f‴ by central differences of f, f′, f″',
    (op) => {
      for (const x of points[op]) {
        const h = FD_STEP;
        const up = TAYLOR[op](x + h);
        const down = TAYLOR[op](x - h);
        const mid = TAYLOR[op](x);
        for (const order of [1, 2, 3] as const) {
          const fd = ((up[order - 1] as number) - (down[order - 1] as number)) / (2 * h);
          const d = mid[order] as number;
          expect(Math.abs(fd - d), `${op}^(${order}) at ${x}`).toBeLessThanOrEqual(
            TABLE_BY_DIFFERENCES * Math.max(1, Math.abs(d)),
          );
        }
      }
    },
  );

  // The algebra (products, composition) on every sample without a kink or a branch cut
  // (abs, relu, max, min, atan2), where central differences cannot step across one, and
  // without stopGradient, whose derivatives are by definition not its value's: the
  // oracle's gradient against differences of the program's value, its Hessian against
  // differences of its gradient.
  const smooth = suites
    .flatMap(({ cases }) => cases)
    .filter(({ program }) =>
      program.steps.every(
        (s) => !['abs', 'relu', 'max', 'min', 'atan2', 'stopGradient'].includes(s.op),
      ),
    );
  const firstOrder = (p: Program, x: number[]): number[] =>
    x.map((_, i) => {
      const seeded = x.map((v, m) => {
        const c = constant(v);
        c[1] = +(m === i);
        return c;
      });
      return runJets(p, seeded).at(-1)?.[1] as number;
    });
  const differences = (g: (x: number[]) => number[], x: number[], j: number): number[] => {
    const h = FD_STEP * Math.max(1, Math.abs(x[j] as number));
    const up = g(x.map((v, m) => (m === j ? v + h : v)));
    const down = g(x.map((v, m) => (m === j ? v - h : v)));
    return up.map((u, i) => (u - (down[i] as number)) / (2 * h));
  };

  it('smooth samples exist to check', () => {
    expect(smooth.length).toBeGreaterThanOrEqual(8);
  });

  it.each(smooth)('$name: gradient and Hessian by central differences', ({ program, x, H }) => {
    const gradient = firstOrder(program, x);
    const scale = Math.max(1, ...gradient.map(Math.abs), ...H.flat().map(Math.abs));
    x.forEach((_, j) => {
      const [dValue] = differences((y) => [plainValue(program, y)], x, j);
      expect(
        Math.abs((dValue as number) - (gradient[j] as number)),
        `∂_${j} f`,
      ).toBeLessThanOrEqual(TOL.finiteDifference * scale);
      differences((y) => firstOrder(program, y), x, j).forEach((fd, i) => {
        expect(Math.abs(fd - (H[i]?.[j] as number)), `H[${i}][${j}]`).toBeLessThanOrEqual(
          TOL.secondOrder * scale,
        );
      });
    });
  });
});

describe.each(suites)('random programs of $n inputs', ({ cases }) => {
  it.each(cases)('$name', ({ program, x, H, T }) => {
    const f = asFunction(program);
    for (const [way, of] of HESSIANS) {
      expect(offBy(of(f, x), H), `Hessian, ${way}`).toEqual([]);
    }
    for (const [way, of] of THIRD) {
      expect(offBy(of(f, x), T), `third derivatives, ${way}`).toEqual([]);
    }
  });
});
