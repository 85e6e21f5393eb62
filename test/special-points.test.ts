/**
 * @file Derivatives of order 1, 2 and 3 at and next to every special point of the scalar
 * primitives (kinks, the limits pow takes, poles, vertical tangents, sigmoid's two forms), by
 * every nesting of the transforms, against closed forms derived by hand.
 */

import { describe, expect, it } from 'vitest';
import {
  abs,
  acos,
  add,
  asin,
  atan2,
  div,
  grad,
  hessian,
  jacfwd,
  jacrev,
  jvp,
  log,
  max,
  min,
  mul,
  type Num,
  pow,
  relu,
  sigmoid,
  sin,
  sqrt,
  valueAndGrad,
  vjp,
} from '../src/index.ts';

/** Engine against a closed form: the same quantity rounded along another route (relative, see `within`). */
const CLOSED_FORM = 1e-11;
/** How far "next to" a special point is: off the special case, close enough to see a wrong limit. */
const NEAR = 1e-3;
const LN2 = Math.log(2);

type Fn = (v: Num[]) => Num;
/** A derivative tensor with `null` where the derivative is not defined (and not checked). */
type Tensor = number | null | Tensor[];

// ---------------------------------------------------------------------------------------------
// Every way of nesting the public transforms, each giving T[i][j][k] = ∂_i ∂_j ∂_k f.

/** e_j of length n. */
const unit = (n: number, j: number): number[] => Array.from({ length: n }, (_, i) => +(i === j));

/** ∂f/∂x_j as a function of the point, by one transform (the innermost derivative of a nesting). */
const partialBy = {
  grad:
    (f: Fn, j: number): Fn =>
    (v) =>
      (grad(f)(v) as Num[])[j] as Num,
  jvp:
    (f: Fn, j: number): Fn =>
    (v) =>
      jvp(f, v, unit(v.length, j)).tangent as Num,
  vjp:
    (f: Fn, j: number): Fn =>
    (v) =>
      (vjp(f, v).pullback(1) as Num[])[j] as Num,
  jacfwd:
    (f: Fn, j: number): Fn =>
    (v) =>
      (jacfwd(f)(v) as Num[][])[0]?.[j] as Num,
  jacrev:
    (f: Fn, j: number): Fn =>
    (v) =>
      (jacrev(f)(v) as Num[][])[0]?.[j] as Num,
} as const;
type Mode = keyof typeof partialBy;

/** T[i][j]... over all index tuples of length `order`, from `entry(indices)`. */
function tensor(n: number, order: number, entry: (idx: number[]) => number): Tensor {
  const build = (prefix: number[]): Tensor =>
    prefix.length === order
      ? entry(prefix)
      : Array.from({ length: n }, (_, i) => build([...prefix, i]));
  return build([]);
}

/** A way to compute the whole derivative tensor of one order. */
interface Way {
  name: string;
  of: (f: Fn, x: number[]) => Tensor;
}

/** ∂_{i1} ... ∂_{ir} f with modes[0] outermost, taken entry by entry. */
function nesting(modes: Mode[]): Way {
  return {
    name: modes.join(' ∘ '),
    of: (f, x) =>
      tensor(x.length, modes.length, (idx) => {
        let g = f;
        for (let level = modes.length - 1; level >= 0; level--) {
          g = partialBy[modes[level] as Mode](g, idx[level] as number);
        }
        return g(x) as number;
      }),
  };
}

/** t[i][j]...: an entry of a nested array of numbers (or of traced values, with T = Num). */
const pick = <T = number>(t: unknown, ...idx: number[]): T =>
  idx.reduce<unknown>((a, i) => (a as unknown[])[i], t) as T;

/** The gradient as a traced array, for the Jacobian transforms to differentiate again. */
const gradOf =
  (f: Fn) =>
  (v: Num[]): Num[] =>
    grad(f)(v) as Num[];
/** Row 0 of a 1×n Jacobian, by either Jacobian transform. */
const rowOf =
  (jac: typeof jacfwd, f: (v: Num[]) => unknown) =>
  (v: Num[]): Num[] =>
    (jac(f)(v) as Num[][])[0] as Num[];
/** An n×n Jacobian of traced entries, flattened row by row. */
const flatOf =
  (jac: typeof jacfwd, f: (v: Num[]) => unknown) =>
  (v: Num[]): Num[] =>
    (jac(f)(v) as Num[][]).flat();
const hessianFlat =
  (f: Fn) =>
  (v: Num[]): Num[] =>
    (hessian(f)(v) as Num[][]).flat();

const MODES3: Mode[] = ['grad', 'jvp', 'vjp'];
const ALL_MODES = Object.keys(partialBy) as Mode[];

const WAYS: Record<1 | 2 | 3, Way[]> = {
  1: ALL_MODES.map((m) => nesting([m])),
  2: [
    ...MODES3.flatMap((a) => MODES3.map((b) => nesting([a, b]))),
    // H[a][b] = ∂_b ∂_a f (the Jacobian of the gradient), and likewise J[a][b] = ∂_b (∇f)_a
    // below, so T[i][j] = H[j][i]
    {
      name: 'hessian',
      of: (f, x) => tensor(x.length, 2, ([i, j]) => pick(hessian(f)(x), j as number, i as number)),
    },
    ...(
      [
        ['jacfwd(grad)', jacfwd, gradOf],
        ['jacrev(grad)', jacrev, gradOf],
        ['jacfwd(jacrev)', jacfwd, (f: Fn) => rowOf(jacrev, f)],
        ['jacrev(jacfwd)', jacrev, (f: Fn) => rowOf(jacfwd, f)],
        ['jacfwd(jacfwd)', jacfwd, (f: Fn) => rowOf(jacfwd, f)],
        ['jacrev(jacrev)', jacrev, (f: Fn) => rowOf(jacrev, f)],
      ] as const
    ).map(
      ([name, outer, inner]): Way => ({
        name,
        of: (f, x) => {
          const J = outer(inner(f))(x);
          return tensor(x.length, 2, ([i, j]) => pick(J, j as number, i as number));
        },
      }),
    ),
  ],
  3: [
    ...MODES3.flatMap((a) => MODES3.flatMap((b) => MODES3.map((c) => nesting([a, b, c])))),
    // J[(a, b)][c] = ∂_c H[a][b] = ∂_c ∂_b ∂_a f: the Jacobian of the flattened Hessian, by
    // columns and by rows, so T[i][j][k] = J[(k, j)][i]
    ...(
      [
        ['jacfwd(hessian)', jacfwd, hessianFlat],
        ['jacrev(hessian)', jacrev, hessianFlat],
        // the same with the Hessian built from Jacobians: J[(a, b)][c] = ∂_c ∂_b ∂_a f
        ['jacfwd(jacfwd(jacfwd))', jacfwd, (f: Fn) => flatOf(jacfwd, rowOf(jacfwd, f))],
        ['jacrev(jacrev(jacrev))', jacrev, (f: Fn) => flatOf(jacrev, rowOf(jacrev, f))],
        ['jacfwd(jacrev(jacfwd))', jacfwd, (f: Fn) => flatOf(jacrev, rowOf(jacfwd, f))],
        ['jacrev(jacfwd(jacrev))', jacrev, (f: Fn) => flatOf(jacfwd, rowOf(jacrev, f))],
      ] as const
    ).map(
      ([name, outer, inner]): Way => ({
        name,
        of: (f, x) => {
          const n = x.length;
          const J = outer(inner(f))(x);
          return tensor(n, 3, ([i, j, k]) =>
            pick(J, (k as number) * n + (j as number), i as number),
          );
        },
      }),
    ),
    {
      name: 'hessian(grad)',
      of: (f, x) =>
        tensor(x.length, 3, ([i, j, k]) => {
          const H = hessian(partialBy.grad(f, k as number))(x);
          return pick(H, j as number, i as number);
        }),
    },
    {
      name: 'hessian(jvp)',
      of: (f, x) =>
        tensor(x.length, 3, ([i, j, k]) => {
          const H = hessian(partialBy.jvp(f, k as number))(x);
          return pick(H, j as number, i as number);
        }),
    },
    {
      name: 'grad(hessian)',
      of: (f, x) =>
        tensor(x.length, 3, ([i, j, k]) => {
          const g = grad((v: Num[]) => pick<Num>(hessian(f)(v), k as number, j as number))(x);
          return pick(g, i as number);
        }),
    },
    {
      name: 'jvp(hessian)',
      of: (f, x) =>
        tensor(x.length, 3, ([i, j, k]) => {
          const t = jvp(hessianFlat(f), x, unit(x.length, i as number)).tangent;
          return pick(t, (k as number) * x.length + (j as number));
        }),
    },
  ],
};

/** a = e within CLOSED_FORM · max(1, |e|, scale); NaN matches NaN and ±∞ only itself. */
function within(a: number, e: number, scale: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(e)) return Number.isNaN(a) && Number.isNaN(e);
  if (!Number.isFinite(a) || !Number.isFinite(e)) return a === e;
  return Math.abs(a - e) <= CLOSED_FORM * Math.max(1, Math.abs(e), scale);
}

/** The largest finite |entry| of a tensor: the size of the terms an entry is a sum of. */
function scaleOf(t: Tensor): number {
  if (Array.isArray(t)) return Math.max(0, ...t.map(scaleOf));
  return t !== null && Number.isFinite(t) ? Math.abs(t) : 0;
}

/**
 * Checks every way of every order against the expected tensors; returns the mismatches. An
 * entry that cancels to 0 (atan2's θ_xy at x = y) keeps rounding of the size of its
 * neighbours, so the tolerance is relative to the tensor's scale as well as to the entry.
 */
function mismatches(f: Fn, x: number[], expected: Record<1 | 2 | 3, Tensor>): string[] {
  const found: string[] = [];
  for (const order of [1, 2, 3] as const) {
    const scale = scaleOf(expected[order]);
    for (const way of WAYS[order]) {
      const actual = way.of(f, x);
      const walk = (a: unknown, e: Tensor, path: string): void => {
        if (e === null) return;
        if (Array.isArray(e)) {
          e.forEach((ei, i) => {
            walk((a as unknown[])[i], ei, `${path}[${i}]`);
          });
        } else if (!within(a as number, e, scale)) {
          found.push(`order ${order}, ${way.name}${path}: ${String(a)}, expected ${e}`);
        }
      };
      walk(actual, expected[order], '');
    }
  }
  return found;
}

/** A case: a function, a point and the derivative tensors written by hand. */
interface Case {
  name: string;
  f: Fn;
  at: number[];
  expected: Record<1 | 2 | 3, Tensor>;
}

function check({ f, at, expected }: Case): void {
  const bad = mismatches(f, at, expected);
  expect(bad.slice(0, 12), `${bad.length} mismatches`).toEqual([]);
}

/** Cases for a function of one variable, from its hand-derived [f′, f″, f‴]. */
function unary(
  name: string,
  op: (x: Num) => Num,
  derivatives: (x: number) => [Tensor, Tensor, Tensor],
  points: number[],
): Case[] {
  return points.map((x) => {
    const [d1, d2, d3] = derivatives(x);
    return {
      name: `${name} at ${x}`,
      f: (v) => op(v[0] as Num),
      at: [x],
      expected: { 1: [d1], 2: [[d2]], 3: [[[d3]]] },
    };
  });
}

/** sign(x), with the documented choice sign(0) = 0. */
const sign = (x: number): number => (x > 0 ? 1 : x < 0 ? -1 : 0);
/** c · x^p, where c = 0 means the term is absent (a polynomial's vanished derivative), even at x = 0. */
const term = (c: number, x: number, p: number): number => (c === 0 ? 0 : c * x ** p);
/** k (k − 1) ... (k − n + 1). */
const falling = (k: number, n: number): number =>
  Array.from({ length: n }, (_, i) => k - i).reduce((a, b) => a * b, 1);

// ---------------------------------------------------------------------------------------------

describe('issue 10: pow with a traced exponent at a whole number', () => {
  const f: Fn = ([x, y]) => pow(x as Num, y as Num);

  // f = x^y. f_xx = y(y−1)x^(y−2) = 0 at y = 0; f_xy = ∂/∂y [y x^(y−1)] = x^(y−1)(1 + y ln x)
  // = 1/x = ½ at (2, 0); f_yy = x^y ln²x = ln²2.
  it('the Hessian of x^y at (2, 0) is [[0, ½], [½, ln²2]], in every order of modes', () => {
    const H = [
      [0, 0.5],
      [0.5, LN2 * LN2],
    ];
    for (const way of WAYS[2]) {
      const bad: string[] = [];
      const got = way.of(f, [2, 0]) as number[][];
      H.forEach((row, i) => {
        row.forEach((e, j) => {
          if (!within(got[i]?.[j] as number, e, 1)) bad.push(`[${i}][${j}] = ${got[i]?.[j]}`);
        });
      });
      expect(bad, way.name).toEqual([]);
    }
  });

  // f_xxy = ∂/∂y [y(y−1)x^(y−2)] = x^(y−2)(2y − 1 + y(y−1) ln x), which is 1/x = ½ at (2, 1).
  it('∂³(x^y)/∂x²∂y at (2, 1) is ½, in every order of modes', () => {
    for (const way of WAYS[3]) {
      const T = way.of(f, [2, 1]);
      for (const [i, j, k] of [
        [0, 0, 1],
        [0, 1, 0],
        [1, 0, 0],
      ] as const) {
        expect(pick(T, i, j, k), `${way.name}[${i}][${j}][${k}]`).toBeCloseTo(0.5, 12);
      }
    }
  });
});

describe('pow', () => {
  // x^y with both traced. With L = ln x:
  // f_x = y x^(y−1), f_y = x^y L; f_xx = y(y−1) x^(y−2), f_xy = x^(y−1)(1 + yL), f_yy = x^y L²;
  // f_xxx = y(y−1)(y−2) x^(y−3), f_xxy = x^(y−2)(2y − 1 + y(y−1)L), f_xyy = x^(y−1) L (2 + yL),
  // f_yyy = x^y L³.
  // At x = 0 the mixed derivatives are not defined (they hold ln x), so they are not checked;
  // derivatives along x alone are those of the power x^y for that y, and along y alone those
  // of 0^y = 0 (y > 0). At (0, 0), x^y is not continuous: only derivatives along x (of
  // x^0 = 1) are checked. For x < 0, x^y is real only at whole y: ∂/∂y = x^y ln x is NaN, and
  // higher derivatives involving y are not checked (where a factor y = 0 meets that NaN, some
  // nestings drop it as a symbolic zero and others do not).
  const powTensors = (x: number, y: number): Record<1 | 2 | 3, Tensor> => {
    const L = Math.log(x);
    const alongY = (n: number): number | null =>
      x > 0 ? x ** y * L ** n : x === 0 ? (y > 0 ? 0 : null) : n === 1 ? Number.NaN : null;
    const mixed = (v: number): number | null => (x > 0 ? v : null);
    const fxxy = mixed(x ** (y - 2) * (2 * y - 1 + y * (y - 1) * L));
    const fxyy = mixed(x ** (y - 1) * L * (2 + y * L));
    const fxy = mixed(x ** (y - 1) * (1 + y * L));
    const [fx, fxx, fxxx] = [1, 2, 3].map((n) => term(falling(y, n), x, y - n)) as number[];
    return {
      1: [fx as number, alongY(1)],
      2: [
        [fxx as number, fxy],
        [fxy, alongY(2)],
      ],
      3: [
        [
          [fxxx as number, fxxy],
          [fxxy, fxyy],
        ],
        [
          [fxxy, fxyy],
          [fxyy, alongY(3)],
        ],
      ],
    };
  };
  const both: Case[] = [
    [2, 0],
    [2, 1],
    [2, 2],
    [2, NEAR],
    [2, -NEAR],
    [2, 1 + NEAR],
    [2, 1 - NEAR],
    [0.5, 0],
    [1, 0],
    [1, 1],
    [3, 1],
    [3, 2],
    [2, -1],
    [-2, 0],
    [-2, 2],
    [-2, 3],
    [0, 0],
    [0, 1],
    [0, 2],
    [0, 3],
    [0, 0.5],
    [NEAR, 0],
    [NEAR, 1],
  ].map(([x, y]) => ({
    name: `x^y at (${x}, ${y})`,
    f: ([a, b]) => pow(a as Num, b as Num),
    at: [x as number, y as number],
    expected: powTensors(x as number, y as number),
  }));

  // x^k for a constant k: the n-th derivative is k(k−1)...(k−n+1) x^(k−n), and exactly 0 once
  // the factor vanishes (a polynomial), also at x = 0.
  const tracedBase = [0, 1, 2, 3, -1, 0.5].flatMap((k) =>
    unary(
      `x^${k}`,
      (x) => pow(x, k),
      (x) => [1, 2, 3].map((n) => term(falling(k, n), x, k - n)) as [number, number, number],
      [0, NEAR, -NEAR, 2],
    ),
  );

  // a^y for a constant a: the n-th derivative is a^y lnⁿa; for a = 0 and y > 0, 0^y = 0 and
  // every derivative is 0 (the limit pow takes). 0^y at y = 0 is not continuous (not checked).
  const tracedExponent = [
    [2, [0, NEAR, -NEAR, 1, 2]],
    [0.5, [0, 1]],
    [1, [0, 1]],
    [0, [NEAR, 0.5, 1, 2]],
  ].flatMap(([a, ys]) =>
    unary(
      `${a}^y`,
      (y) => pow(a as number, y),
      (y) =>
        [1, 2, 3].map((n) => (a === 0 ? 0 : (a as number) ** y * Math.log(a as number) ** n)) as [
          number,
          number,
          number,
        ],
      ys as number[],
    ),
  );

  // g(t) = (a + t)^(b + t) = e^u with u = (b + t) ln(a + t): u′ = ln(a + t) + (b + t)/(a + t),
  // u″ = 1/(a + t) + (a − b)/(a + t)², u‴ = −1/(a + t)² − 2(a − b)/(a + t)³;
  // g′ = u′g, g″ = (u″ + u′²) g, g‴ = (u‴ + 3u′u″ + u′³) g. At t = 0 with b whole, the
  // exponent reaches b and then b − 1, ..., inside the partials.
  const shifted = (
    [
      [2, 0],
      [2, 1],
      [2, 2],
      [3, 0],
      [0.5, 1],
    ] as const
  ).flatMap(([a, b]) =>
    unary(
      `(${a} + t)^(${b} + t)`,
      (t) => pow(add(a, t), add(b, t)),
      (t) => {
        const s = a + t;
        const g = s ** (b + t);
        const u1 = Math.log(s) + (b + t) / s;
        const u2 = 1 / s + (a - b) / s ** 2;
        const u3 = -1 / s ** 2 - (2 * (a - b)) / s ** 3;
        return [u1 * g, (u2 + u1 * u1) * g, (u3 + 3 * u1 * u2 + u1 ** 3) * g];
      },
      [0, NEAR, -NEAR],
    ),
  );

  it.each(both)('$name: both traced', check);
  it.each(tracedBase)('$name: traced base', check);
  it.each(tracedExponent)('$name: traced exponent', check);
  it.each(shifted)('$name: a composite whose exponent passes whole numbers', check);
});

describe('kinks: the documented subgradient, and 0 for its own derivatives', () => {
  // abs′ = sign with sign(0) = 0; relu′ = [x > 0], so 0 at 0. These partials are locally
  // constant: every higher derivative of abs and relu themselves is 0, at the kink as well.
  const cases = [
    ...unary('abs', abs, (x) => [sign(x), 0, 0], [0, NEAR, -NEAR, 2]),
    ...unary('relu', relu, (x) => [+(x > 0), 0, 0], [0, NEAR, -NEAR, 2]),
    // |sin x|: s cos x, −s sin x, −s cos x with s = sign(sin x)
    ...unary(
      '|sin x|',
      (x) => abs(sin(x)),
      (x) => {
        const s = sign(Math.sin(x));
        return [s * Math.cos(x), -s * Math.sin(x), -s * Math.cos(x)];
      },
      [0, NEAR, -NEAR],
    ),
    // x|x|: 2|x|, 2 sign x, 0
    ...unary(
      'x|x|',
      (x) => mul(x, abs(x)),
      (x) => [2 * Math.abs(x), 2 * sign(x), 0],
      [0, NEAR, -NEAR],
    ),
    // relu(x)²: 2 relu x, 2 [x > 0], 0
    ...unary(
      'relu(x)²',
      (x) => mul(relu(x), relu(x)),
      (x) => [2 * Math.max(x, 0), 2 * +(x > 0), 0],
      [0, NEAR, -NEAR],
    ),
    // max(x, 0) at 0 is a tie: ½ (relu gives 0 there); min likewise
    ...unary(
      'max(x, 0)',
      (x) => max(x, 0),
      (x) => [x > 0 ? 1 : x < 0 ? 0 : 0.5, 0, 0],
      [0, NEAR, -NEAR],
    ),
    ...unary(
      'min(x, 0)',
      (x) => min(x, 0),
      (x) => [x < 0 ? 1 : x > 0 ? 0 : 0.5, 0, 0],
      [0, NEAR, -NEAR],
    ),
    // max(x, x) = x: ½ + ½ = 1
    ...unary(
      'max(x, x)',
      (x) => max(x, x),
      () => [1, 0, 0],
      [0, 2],
    ),
    ...unary(
      'min(x, x)',
      (x) => min(x, x),
      () => [1, 0, 0],
      [0, 2],
    ),
    // max(sin x, x²) ties at 0: ½(sin)′ + ½(x²)′ for every order, since the ½ are constants:
    // ½, ½(0) + ½(2) = 1, ½(−1) + 0 = −½. For x > 0 small, sin x > x²; for x < 0, x² wins.
    ...unary(
      'max(sin x, x²)',
      (x) => max(sin(x), mul(x, x)),
      (x) =>
        x === 0
          ? [0.5, 1, -0.5]
          : x > 0
            ? [Math.cos(x), -Math.sin(x), -Math.cos(x)]
            : [2 * x, 2, 0],
      [0, NEAR, -NEAR],
    ),
    ...unary(
      'min(sin x, x²)',
      (x) => min(sin(x), mul(x, x)),
      (x) =>
        x === 0
          ? [0.5, 1, -0.5]
          : x < 0
            ? [Math.cos(x), -Math.sin(x), -Math.cos(x)]
            : [2 * x, 2, 0],
      [0, NEAR, -NEAR],
    ),
  ];
  // max(x, y), min(x, y) at a tie and on each side of it: ½ each at the tie, all higher 0.
  const zero2 = [
    [0, 0],
    [0, 0],
  ];
  const zero3 = [zero2, zero2];
  const binary: Case[] = (
    [
      ['max', max, 1, 1, [0.5, 0.5]],
      ['max', max, 1 + NEAR, 1, [1, 0]],
      ['max', max, 1 - NEAR, 1, [0, 1]],
      ['min', min, 1, 1, [0.5, 0.5]],
      ['min', min, 1 + NEAR, 1, [0, 1]],
      ['min', min, 1 - NEAR, 1, [1, 0]],
    ] as const
  ).map(([name, op, x, y, d1]) => ({
    name: `${name}(x, y) at (${x}, ${y})`,
    f: ([a, b]) => op(a as Num, b as Num),
    at: [x, y],
    expected: { 1: [...d1], 2: zero2, 3: zero3 },
  }));

  it.each(cases)('$name', check);
  it.each(binary)('$name', check);
});

describe('poles and vertical tangents: IEEE values at the point, closed forms next to it', () => {
  const cases = [
    // √x: ½x^(−½), −¼x^(−3/2), ⅜x^(−5/2): +∞, −∞, +∞ at 0; NaN for x < 0
    ...unary('sqrt', sqrt, (x) => [0.5 * x ** -0.5, -0.25 * x ** -1.5, 0.375 * x ** -2.5], [
      0,
      NEAR,
      -NEAR,
      4,
    ]),
    // √(x² + ε) next to its minimum: x/r, ε/r³, −3εx/r⁵ with r = √(x² + ε)
    ...unary(
      'sqrt(x² + 1e-6)',
      (x) => sqrt(add(mul(x, x), 1e-6)),
      (x) => {
        const r = Math.sqrt(x * x + 1e-6);
        return [x / r, 1e-6 / r ** 3, (-3e-6 * x) / r ** 5];
      },
      [0, NEAR, -NEAR],
    ),
    // ln x: 1/x, −1/x², 2/x³; at 0: +∞, −∞, +∞. For x < 0 the value is NaN but the rule 1/x
    // still gives the derivatives (docs/semantics.md).
    ...unary('log', log, (x) => [1 / x, -1 / x ** 2, 2 / x ** 3], [0, NEAR, -NEAR, 1]),
    // 1/x: −1/x², 2/x³, −6/x⁴; at +0: −∞, +∞, −∞
    ...unary(
      '1/x',
      (x) => div(1, x),
      (x) => [-1 / x ** 2, 2 / x ** 3, -6 / x ** 4],
      [0, NEAR, -NEAR],
    ),
    // asin x: (1 − x²)^(−½), x(1 − x²)^(−3/2), (1 + 2x²)(1 − x²)^(−5/2); acos is −asin.
    // At ±1 the tangent is vertical; beyond, NaN.
    ...unary(
      'asin',
      asin,
      (x) => {
        const q = 1 - x * x;
        return [q ** -0.5, x * q ** -1.5, (1 + 2 * x * x) * q ** -2.5];
      },
      [1, -1, 1 - NEAR, -1 + NEAR, 1 + NEAR, 0],
    ),
    ...unary(
      'acos',
      acos,
      (x) => {
        const q = 1 - x * x;
        return [-(q ** -0.5), -x * q ** -1.5, -(1 + 2 * x * x) * q ** -2.5];
      },
      [1, -1, 1 - NEAR, -1 + NEAR, 1 + NEAR, 0],
    ),
    // σ(x), computed in two forms by the primal (x < 0 and x ≥ 0): σ′ = σ(1 − σ),
    // σ″ = σ′(1 − 2σ), σ‴ = σ′(1 − 6σ + 6σ²), the same on both sides of 0.
    ...unary(
      'sigmoid',
      sigmoid,
      (x) => {
        const s = 1 / (1 + Math.exp(-x));
        const d = s * (1 - s);
        return [d, d * (1 - 2 * s), d * (1 - 6 * s + 6 * s * s)];
      },
      [0, NEAR, -NEAR, 40, -40, 800, -800],
    ),
  ];

  // x/y: f_x = 1/y, f_y = −x/y²; f_xx = 0, f_xy = −1/y², f_yy = 2x/y³; f_xxx = f_xxy = 0,
  // f_xyy = 2/y³, f_yyy = −6x/y⁴. At y = 0 these are the IEEE values (0/0 = NaN at x = 0).
  const divTensors = (x: number, y: number): Record<1 | 2 | 3, Tensor> => {
    const [fxy, fyy, fxyy, fyyy] = [-1 / y ** 2, (2 * x) / y ** 3, 2 / y ** 3, (-6 * x) / y ** 4];
    return {
      1: [1 / y, -x / y ** 2],
      2: [
        [0, fxy],
        [fxy, fyy],
      ],
      3: [
        [
          [0, 0],
          [0, fxyy],
        ],
        [
          [0, fxyy],
          [fxyy, fyyy],
        ],
      ],
    };
  };
  // θ = atan2(x, y), r² = x² + y²: θ_x = y/r², θ_y = −x/r²; θ_xx = −2xy/r⁴, θ_xy = (x² − y²)/r⁴,
  // θ_yy = 2xy/r⁴; θ_xxx = 2y(3x² − y²)/r⁶ = −θ_xyy, θ_xxy = 2x(3y² − x²)/r⁶ = −θ_yyy.
  const atan2Tensors = (x: number, y: number): Record<1 | 2 | 3, Tensor> => {
    const r2 = x * x + y * y;
    const a = (2 * y * (3 * x * x - y * y)) / r2 ** 3;
    const b = (2 * x * (3 * y * y - x * x)) / r2 ** 3;
    const xy = (x * x - y * y) / r2 ** 2;
    return {
      1: [y / r2, -x / r2],
      2: [
        [(-2 * x * y) / r2 ** 2, xy],
        [xy, (2 * x * y) / r2 ** 2],
      ],
      3: [
        [
          [a, b],
          [b, -a],
        ],
        [
          [b, -a],
          [-a, -b],
        ],
      ],
    };
  };
  const binary: Case[] = [
    ...[
      [1, 0],
      [1, NEAR],
      [1, -NEAR],
      [0, NEAR],
      [0, 0],
      [-2, 0],
    ].map(([x, y]) => ({
      name: `x/y at (${x}, ${y})`,
      f: ([a, b]: Num[]) => div(a as Num, b as Num),
      at: [x as number, y as number],
      expected: divTensors(x as number, y as number),
    })),
    // next to the origin, where atan2 has no derivative
    ...[
      [NEAR, 0],
      [0, NEAR],
      [NEAR, NEAR],
      [-NEAR, 2 * NEAR],
      [1, -1],
    ].map(([x, y]) => ({
      name: `atan2(x, y) at (${x}, ${y})`,
      f: ([a, b]: Num[]) => atan2(a as Num, b as Num),
      at: [x as number, y as number],
      expected: atan2Tensors(x as number, y as number),
    })),
    // at the origin: first derivatives 0/0 = NaN; higher ones not defined (not checked)
    {
      name: 'atan2(x, y) at the origin',
      f: ([a, b]: Num[]) => atan2(a as Num, b as Num),
      at: [0, 0],
      expected: { 1: [Number.NaN, Number.NaN], 2: null, 3: null },
    },
  ];

  it.each(cases)('$name', check);
  it.each(binary)('$name', check);
});

describe('values at the special points (IEEE 754, as docs/semantics.md states)', () => {
  const ones = (n: number): number[] => Array.from({ length: n }, () => 1);
  const cases: [string, Fn, number[], number][] = [
    ['log 0 = −∞', ([x]) => log(x as Num), [0], Number.NEGATIVE_INFINITY],
    ['log of a negative number is NaN', ([x]) => log(x as Num), [-NEAR], Number.NaN],
    ['√0 = 0', ([x]) => sqrt(x as Num), [0], 0],
    ['√ of a negative number is NaN', ([x]) => sqrt(x as Num), [-NEAR], Number.NaN],
    ['1/0 = +∞', ([x, y]) => div(x as Num, y as Num), [1, 0], Number.POSITIVE_INFINITY],
    ['0/0 is NaN', ([x, y]) => div(x as Num, y as Num), [0, 0], Number.NaN],
    ['asin 1 = π/2', ([x]) => asin(x as Num), [1], Math.PI / 2],
    ['acos 1 = 0', ([x]) => acos(x as Num), [1], 0],
    ['asin beyond 1 is NaN', ([x]) => asin(x as Num), [1 + NEAR], Number.NaN],
    ['0^0 = 1', ([x, y]) => pow(x as Num, y as Num), [0, 0], 1],
    ['0^½ = 0', ([x, y]) => pow(x as Num, y as Num), [0, 0.5], 0],
    ['0^(−1) = +∞', ([x, y]) => pow(x as Num, y as Num), [0, -1], Number.POSITIVE_INFINITY],
    ['(−8)^⅓ is NaN', ([x, y]) => pow(x as Num, y as Num), [-8, 1 / 3], Number.NaN],
    ['(−2)² = 4', ([x, y]) => pow(x as Num, y as Num), [-2, 2], 4],
    ['atan2(0, 0) = 0', ([x, y]) => atan2(x as Num, y as Num), [0, 0], 0],
    ['|0| = 0', ([x]) => abs(x as Num), [0], 0],
    ['relu 0 = 0', ([x]) => relu(x as Num), [0], 0],
    ['max(1, 1) = 1', ([x, y]) => max(x as Num, y as Num), [1, 1], 1],
    ['σ(800) = 1', ([x]) => sigmoid(x as Num), [800], 1],
    ['σ(−800) = 0', ([x]) => sigmoid(x as Num), [-800], 0],
  ];
  it.each(cases)('%s, in both modes', (_, f, at, value) => {
    expect(valueAndGrad(f)(at).value).toBe(value);
    expect(jvp(f, at, ones(at.length)).primal).toBe(value);
  });
});
