/** @file gradcheck's options, its verdict on one comparison, its report, and the error that reads it out. */

import { formatNumber } from '../core/format.ts';
import { describe } from '../core/value.ts';

/**
 * Which comparison: see `gradcheck`.
 *
 * @example
 * ```ts
 * const report = gradcheck((x: Num) => sin(x), 1, { order: 2 });
 * const checks: GradcheckCheck[] = ['jvp', 'vjp', 'hvp', 'hvp-modes']; // all four ran
 * console.log(report.ok, checks.length);
 * ```
 */
export type GradcheckCheck = 'jvp' | 'vjp' | 'hvp' | 'hvp-modes';

/**
 * gradcheck's step, tolerances, order, number of directions, seed, and
 * whether a failure throws.
 *
 * @example
 * gradcheck((x: Num) => exp(x), 1, { order: 2, directions: 5, rtol: 1e-4 }).ok; // true
 */
export interface GradcheckOptions {
  /** Relative finite-difference step: h = eps·max(1, max|x_i|). Default 1e-5. */
  readonly eps?: number;
  /** Relative tolerance. Default 1e-5. */
  readonly rtol?: number;
  /** Absolute tolerance. Default 1e-6. */
  readonly atol?: number;
  /** 1 checks first derivatives; 2 also Hessian-vector products. Default 1. */
  readonly order?: 1 | 2;
  /** Throw a GradcheckError when a comparison fails, instead of returning the report. */
  readonly raise?: boolean;
  /** Seed of the random directions and cotangents. Default 0. */
  readonly seed?: number;
  /** How many random directions v. Default 3. */
  readonly directions?: number;
}

/**
 * The options with their defaults filled in.
 *
 * @example
 * ```ts
 * console.log(gradcheck((x: Num) => x, 1).settings); // the defaults, every one filled in
 * ```
 */
export type GradcheckSettings = Required<Omit<GradcheckOptions, 'raise'>>;

/**
 * One comparison of a derivative computed two ways.
 *
 * @example
 * ```ts
 * const worst = gradcheck((x: Num) => exp(x), 0.5).worst;
 * console.log(worst.check, worst.ok, worst.ratio < 1);
 * ```
 */
export interface GradcheckComparison {
  readonly check: GradcheckCheck;
  /** Which random direction (an index into the report's `directions`). */
  readonly direction: number;
  /** The output entry ('jvp') or input entry ('hvp', 'hvp-modes'); null for the one number of 'vjp'. */
  readonly entry: number | null;
  /** The reference: central differences ('jvp', 'hvp'), jvp ('vjp'), forward over reverse ('hvp-modes'). */
  readonly expected: number;
  readonly got: number;
  /** |got − expected|, Infinity when either is NaN or infinite. */
  readonly error: number;
  /** error / |expected|. */
  readonly relativeError: number;
  /** atol + rtol·|expected|. */
  readonly allowed: number;
  /** error / allowed: above 1 fails. */
  readonly ratio: number;
  readonly ok: boolean;
}

/**
 * What gradcheck found: whether every comparison passed, how many ran, the
 * worst one, and the point and directions used.
 *
 * @example
 * ```ts
 * const report = gradcheck(([x, y]: Num[]) => mul(x, y), [2, 3]);
 * console.log(report.ok, report.worst.check);
 * ```
 */
export interface GradcheckReport {
  /** True when every comparison passed. */
  readonly ok: boolean;
  readonly comparisons: number;
  readonly failures: number;
  /** The comparison with the largest error relative to what was allowed, passing or not. */
  readonly worst: GradcheckComparison | null;
  /** The point's entries, in order (matrices row by row). */
  readonly x: readonly number[];
  /** Each random direction v, as entries in the order of x. */
  readonly directions: readonly (readonly number[])[];
  /** The finite-difference step h. */
  readonly step: number;
  readonly settings: GradcheckSettings;
  /** True when f returns one number, so the second-order checks use f itself rather than ⟨u, f⟩. */
  readonly single: boolean;
}

const DEFAULTS: GradcheckSettings = {
  eps: 1e-5,
  rtol: 1e-5,
  atol: 1e-6,
  order: 1,
  seed: 0,
  directions: 3,
};

/** The options, checked, with defaults. */
export function resolveOptions(options: GradcheckOptions): GradcheckSettings {
  const s = { ...DEFAULTS, ...dropUndefined(options) };
  const bad = (what: string, value: unknown) =>
    new RangeError(`wengert: gradcheck: ${what}; got ${describe(value)}`);
  if (!(s.eps > 0 && Number.isFinite(s.eps))) throw bad('eps must be a positive number', s.eps);
  if (!(s.rtol >= 0 && Number.isFinite(s.rtol))) throw bad('rtol must be a number ≥ 0', s.rtol);
  if (!(s.atol >= 0 && Number.isFinite(s.atol))) throw bad('atol must be a number ≥ 0', s.atol);
  if (s.order !== 1 && s.order !== 2) throw bad('order must be 1 or 2', s.order);
  if (!Number.isInteger(s.seed)) throw bad('seed must be an integer', s.seed);
  if (!Number.isInteger(s.directions) || s.directions < 1) {
    throw bad('directions must be a positive integer', s.directions);
  }
  return {
    eps: s.eps,
    rtol: s.rtol,
    atol: s.atol,
    order: s.order,
    seed: s.seed,
    directions: s.directions,
  };
}

function dropUndefined(options: GradcheckOptions): Partial<GradcheckSettings> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}

/** The verdict on `got` against `expected`. */
export function compare(
  where: Pick<GradcheckComparison, 'check' | 'direction' | 'entry'>,
  expected: number,
  got: number,
  { rtol, atol }: GradcheckSettings,
): GradcheckComparison {
  const finite = Number.isFinite(expected) && Number.isFinite(got);
  const error = finite ? Math.abs(got - expected) : Number.POSITIVE_INFINITY;
  const allowed = atol + rtol * Math.abs(expected);
  const ratio = error === 0 ? 0 : error / allowed;
  const relativeError = error === 0 ? 0 : error / Math.abs(expected);
  return { ...where, expected, got, error, relativeError, allowed, ratio, ok: ratio <= 1 };
}

/** What each check compares, for messages. */
const CHECKS: Record<GradcheckCheck, readonly [string, string, string]> = {
  jvp: ['J·v', 'central differences of f', 'jvp'],
  vjp: ['⟨Jᵀu, v⟩', '⟨u, J·v⟩ by jvp', 'vjp'],
  hvp: ['H·v', 'central differences of the gradient', 'forward over reverse'],
  'hvp-modes': ['H·v', 'forward over reverse', 'reverse over forward'],
};

/**
 * Thrown by gradcheck with `raise: true`; `report` holds everything it measured.
 *
 * @example
 * ```ts
 * try {
 *   gradcheck((x: Num) => mul(x, toNumber(x)), 3, { raise: true }); // x·x with one factor cut off
 * } catch (error) {
 *   if (error instanceof GradcheckError) console.log(error.report.worst.check); // jvp
 * }
 * ```
 */
export class GradcheckError extends Error {
  constructor(readonly report: GradcheckReport) {
    super(explainFailure(report));
    this.name = 'GradcheckError';
  }
}

/** The failed report in a few readable lines, around its worst comparison. */
function explainFailure(r: GradcheckReport): string {
  const w = r.worst as GradcheckComparison;
  const [quantity, reference, method] = CHECKS[w.check];
  const entry =
    w.entry === null ? '' : `, ${w.check === 'jvp' ? 'output' : 'input'} entry ${w.entry}`;
  const { rtol, atol } = r.settings;
  return [
    `wengert: gradcheck: ${r.failures} of ${r.comparisons} comparisons failed at x = ${list(r.x)} ` +
      `(allowed: |got − expected| ≤ atol ${short(atol)} + rtol ${short(rtol)}·|expected|); the worst:`,
    `  check     ${w.check}: ${quantity} by ${method} against ${reference}`,
    `  where     direction ${w.direction + 1} of ${r.directions.length}${entry}, ` +
      `v = ${list(r.directions[w.direction] ?? [])}${w.check === 'hvp' || w.check === 'jvp' ? `, step h = ${short(r.step)}` : ''}`,
    `  expected  ${formatNumber(w.expected)} (${reference})`,
    `  got       ${formatNumber(w.got)} (${method})`,
    `  error     ${short(w.error)} (relative ${short(w.relativeError)}; allowed ${short(w.allowed)})`,
  ].join('\n');
}

/** The size of an error, a tolerance or a step, to 3 significant digits (a fourth would be noise). */
function short(a: number): string {
  return formatNumber(a, { digits: 3 });
}

/** Up to 6 entries of a list, by the one number policy (no separators: commas part the entries). */
function list(v: readonly number[]): string {
  const shown = v.slice(0, 6).map((a) => formatNumber(a, { thousands: false }));
  return `[${shown.join(', ')}${v.length > 6 ? `, … (${v.length} entries)` : ''}]`;
}
