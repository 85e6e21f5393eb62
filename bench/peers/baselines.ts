/**
 * @file Hand-written reference points for the Rosenbrock benchmark: naive dual
 * numbers and a minimal tape, each specialised to add, sub and mul. They
 * share no code with the toolkit and exist only to be timed beside it.
 */

/** A dual number as a textbook writes it: one object per value, methods per operation. */
class NaiveDual {
  constructor(
    readonly v: number,
    readonly d: number,
  ) {}
}

function dualMul(a: NaiveDual | number, b: NaiveDual): NaiveDual {
  return typeof a === 'number'
    ? new NaiveDual(a * b.v, a * b.d)
    : new NaiveDual(a.v * b.v, a.d * b.v + a.v * b.d);
}

function dualAddSub(a: NaiveDual | number, b: NaiveDual, sign: number): NaiveDual {
  return typeof a === 'number'
    ? new NaiveDual(a + sign * b.v, sign * b.d)
    : new NaiveDual(a.v + sign * b.v, a.d + sign * b.d);
}

/** Extended Rosenbrock on naive duals, given its inputs as an array. */
function naiveDualRosenbrock(xs: readonly NaiveDual[]): number {
  let s: NaiveDual | number = 0;
  for (let i = 0; i < xs.length; i += 2) {
    const a = xs[i] as NaiveDual;
    const t = dualAddSub(xs[i + 1] as NaiveDual, dualMul(a, a), -1);
    const u = dualAddSub(1, a, -1);
    const term = dualAddSub(dualMul(100, dualMul(t, t)), dualMul(u, u), 1);
    s = typeof s === 'number' ? term : dualAddSub(s, term, 1);
  }
  return typeof s === 'number' ? 0 : s.d;
}

/**
 * One JVP ∇f(x)·v with naive duals, inputs made up front as an array, which
 * is what any API taking "a function of an array" has to do.
 */
export function naiveDualJvp(x: readonly number[], v: readonly number[]): number {
  return naiveDualRosenbrock(x.map((xi, i) => new NaiveDual(xi, v[i] as number)));
}

/**
 * The same JVP with each input dual made inside the loop, where it is used:
 * nothing lives long, and V8 can often avoid the allocations altogether.
 */
export function naiveDualJvpInLoop(x: readonly number[], v: readonly number[]): number {
  let s: NaiveDual | number = 0;
  for (let i = 0; i < x.length; i += 2) {
    const a = new NaiveDual(x[i] as number, v[i] as number);
    const b = new NaiveDual(x[i + 1] as number, v[i + 1] as number);
    const t = dualAddSub(b, dualMul(a, a), -1);
    const u = dualAddSub(1, a, -1);
    const term = dualAddSub(dualMul(100, dualMul(t, t)), dualMul(u, u), 1);
    s = typeof s === 'number' ? term : dualAddSub(s, term, 1);
  }
  return typeof s === 'number' ? 0 : s.d;
}

/** A minimal tape: flat typed arrays sized once, a two-field handle per value, no checks. */
class MinimalTape {
  n = 0;
  readonly v: Float64Array;
  readonly i0: Int32Array;
  readonly i1: Int32Array;
  readonly d0: Float64Array;
  readonly d1: Float64Array;
  readonly adjoint: Float64Array;

  constructor(capacity: number) {
    this.v = new Float64Array(capacity);
    this.i0 = new Int32Array(capacity);
    this.i1 = new Int32Array(capacity);
    this.d0 = new Float64Array(capacity);
    this.d1 = new Float64Array(capacity);
    this.adjoint = new Float64Array(capacity);
  }

  push(value: number, i0: number, d0: number, i1: number, d1: number): MinimalVar {
    const k = this.n++;
    this.v[k] = value;
    this.i0[k] = i0;
    this.d0[k] = d0;
    this.i1[k] = i1;
    this.d1[k] = d1;
    return new MinimalVar(this, k);
  }
}

class MinimalVar {
  constructor(
    readonly tape: MinimalTape,
    readonly k: number,
  ) {}
}

function tapeMul(a: MinimalVar | number, b: MinimalVar): MinimalVar {
  const t = b.tape;
  const bv = t.v[b.k] as number;
  if (typeof a === 'number') return t.push(a * bv, b.k, a, -1, 0);
  const av = t.v[a.k] as number;
  return t.push(av * bv, a.k, bv, b.k, av);
}

function tapeAddSub(a: MinimalVar | number, b: MinimalVar, sign: number): MinimalVar {
  const t = b.tape;
  const bv = t.v[b.k] as number;
  if (typeof a === 'number') return t.push(a + sign * bv, b.k, sign, -1, 0);
  return t.push((t.v[a.k] as number) + sign * bv, a.k, 1, b.k, sign);
}

/** The gradient of extended Rosenbrock on a minimal tape; `tape` is reused between calls. */
export function minimalTapeGradient(tape: MinimalTape, x: readonly number[]): number[] {
  tape.n = 0;
  const inputs = x.map((xi) => tape.push(xi, -1, 0, -1, 0));
  let s: MinimalVar | number = 0;
  for (let i = 0; i < x.length; i += 2) {
    const a = inputs[i] as MinimalVar;
    const t = tapeAddSub(inputs[i + 1] as MinimalVar, tapeMul(a, a), -1);
    const u = tapeAddSub(1, a, -1);
    const term = tapeAddSub(tapeMul(100, tapeMul(t, t)), tapeMul(u, u), 1);
    s = typeof s === 'number' ? term : tapeAddSub(s, term, 1);
  }
  const { adjoint, i0, i1, d0, d1 } = tape;
  adjoint.fill(0, 0, tape.n);
  if (typeof s !== 'number') adjoint[s.k] = 1;
  for (let k = tape.n - 1; k >= 0; k--) {
    const bar = adjoint[k] as number;
    const p = i0[k] as number;
    if (p >= 0) adjoint[p] = (adjoint[p] as number) + (d0[k] as number) * bar;
    const q = i1[k] as number;
    if (q >= 0) adjoint[q] = (adjoint[q] as number) + (d1[k] as number) * bar;
  }
  return Array.from(adjoint.subarray(0, x.length));
}

/** A minimal tape with room for the Rosenbrock recording at n inputs (n + 4n entries). */
export function minimalTapeFor(n: number): MinimalTape {
  return new MinimalTape(5 * n);
}
