/** @file checkRule's report: one result per check, the worst one, and a sentence that says where a rule went wrong. */

import { formatNumber } from '../core/format.ts';
import type { Interval } from '../primitives/rule.ts';

/**
 * The checks the registry suite runs on every built-in:
 * - 'jvp': forward mode along each input against central differences of the primal;
 * - 'dot-product': ⟨ȳ, J ẋ⟩ by forward mode against ⟨Jᵀ ȳ, ẋ⟩ by reverse mode, random ẋ, ȳ;
 * - 'modes': the Jacobian by reverse mode (jacrev) against forward mode (jacfwd);
 * - 'hessian': second derivatives by forward over reverse against central differences of the gradient;
 * - 'nesting': reverse over reverse, forward over forward and reverse over forward against forward over reverse.
 *
 * @example
 * ```ts
 * const second: RuleCheck = 'hessian';
 * console.log(checkRule(tanh).checks.find((c) => c.check === second)?.ok); // true
 * ```
 */
export type RuleCheck = 'jvp' | 'dot-product' | 'modes' | 'hessian' | 'nesting';

/**
 * How checkRule samples: how many points, from which seed, and for a matrix
 * primitive the input shapes and parameters.
 *
 * @example
 * checkRule(sin, { samples: 3, seed: 7 }).ok; // true
 */
export interface CheckRuleOptions {
  /** Points sampled from the domain. Default 10. */
  readonly samples?: number;
  /** Seed of the points and the random directions. Default 0. */
  readonly seed?: number;
  /** One interval per input to sample from, instead of the rule's own domain. */
  readonly domain?: readonly Interval[];
  /**
   * For a matrix primitive, each input's shape to sample ([rows, cols], or
   * null for a number); default the shapes its definition gives.
   */
  readonly shapes?: readonly (readonly [number, number] | null)[];
  /**
   * For a built-in matrix primitive that takes parameters besides its
   * inputs, the parameters as its rule receives them (slice: { r0, r1, c0, c1 }).
   */
  readonly params?: unknown;
  /** The largest error each check allows, as |got − expected| / max(1, |expected|). */
  readonly tolerance?: Partial<Readonly<Record<RuleCheck, number>>>;
}

/** Defaults: differences are accurate to about 1e-6; the modes multiply the same partials. */
export const TOLERANCE: Readonly<Record<RuleCheck, number>> = {
  jvp: 1e-6,
  'dot-product': 1e-10,
  modes: 1e-10,
  hessian: 1e-5,
  nesting: 1e-10,
};

/** Each check's two sides: what computed `got`, and what computed `expected`. */
export const SIDES: Readonly<Record<RuleCheck, readonly [got: string, expected: string]>> = {
  jvp: ['forward mode', 'central differences of the primal'],
  'dot-product': ['reverse mode, ⟨Jᵀȳ, ẋ⟩', 'forward mode, ⟨ȳ, Jẋ⟩'],
  modes: ['reverse mode (jacrev)', 'forward mode (jacfwd)'],
  hessian: ['forward over reverse', 'central differences of the gradient'],
  nesting: ['another nesting', 'forward over reverse'],
};

/**
 * One check over every sampled point: its worst comparison.
 *
 * @example
 * ```ts
 * const jvpCheck = checkRule(sin).checks[0];
 * console.log(jvpCheck?.check, jvpCheck?.ok, jvpCheck?.error < (jvpCheck?.tolerance ?? 0));
 * ```
 */
export interface RuleCheckResult {
  readonly check: RuleCheck;
  readonly ok: boolean;
  /** Why the check did not run (a surrogate's partials are not its primal's derivatives), or null. */
  readonly skipped: string | null;
  /** The largest |got − expected| / max(1, |expected|); Infinity where one side is NaN or ∞ and the other is not. */
  readonly error: number;
  readonly tolerance: number;
  /** The inputs where that error was (a matrix's entries row by row). */
  readonly at: readonly number[];
  /** Which sampled point that was: the report's points[sample]; -1 for a skipped check. */
  readonly sample: number;
  /** What was compared there: `∂y/∂x`, `⟨ȳ, Jẋ⟩`, `∂²z/∂x∂y (grad of grad)`. */
  readonly quantity: string;
  readonly expected: number;
  readonly got: number;
  /** The message of an error the rule threw there, or null. */
  readonly threw: string | null;
}

/**
 * What checkRule found for one primitive: whether every check passed, each
 * check's worst case, and a sentence saying so.
 *
 * @example
 * console.log(checkRule(tanh).summary);
 */
export interface RuleReport {
  readonly name: string;
  /** True when every check that ran passed. */
  readonly ok: boolean;
  /**
   * The first failing check, in the order the checks build on each other
   * (jvp, dot-product, modes, hessian, nesting: a wrong first derivative
   * upsets the later ones too), at its worst point; if all passed, the
   * check closest to its tolerance.
   */
  readonly worst: RuleCheckResult;
  readonly checks: readonly RuleCheckResult[];
  /** The sampled points. */
  readonly points: readonly (readonly number[])[];
  /** One sentence: what passed, or where and how the rule failed. */
  readonly summary: string;
}

/** |got − expected| / max(1, |expected|), with NaN equal to NaN and an infinity equal to itself. */
export function errorOf(got: number, expected: number): number {
  if (Object.is(got, expected) || got === expected) return 0;
  if (!Number.isFinite(got) || !Number.isFinite(expected)) return Number.POSITIVE_INFINITY;
  return Math.abs(got - expected) / Math.max(1, Math.abs(expected));
}

/** How far a result is from failing: above 1 fails; a skipped check counts for nothing. */
export const ratio = (r: RuleCheckResult): number =>
  r.skipped !== null ? -1 : r.error === 0 ? 0 : r.error / r.tolerance;

/**
 * The report's sentence. `sampled` says where the points came from ("10
 * points in [-2, 2]"), `where` names the worst check's point, and `why`
 * explains the skipped checks.
 */
export function summarize(
  name: string,
  checks: readonly RuleCheckResult[],
  worst: RuleCheckResult,
  { sampled, where }: { sampled: string; where: string },
): string {
  const skipped = checks.filter((c) => c.skipped !== null);
  const note =
    skipped.length > 0
      ? ` (skipped: ${skipped.map((c) => c.check).join(', ')}, ${skipped[0]?.skipped})`
      : '';
  if (worst.ok) {
    const ran = checks.length - skipped.length;
    return (
      `${name}: ok, ${ran} checks at ${sampled}${note}; closest to its tolerance: ` +
      `${worst.check}, error ${short(worst.error)} (tolerance ${short(worst.tolerance)})`
    );
  }
  const [gotBy, expectedBy] = SIDES[worst.check];
  const others = checks.filter((c) => !c.ok && c !== worst).map((c) => c.check);
  const how =
    worst.threw !== null
      ? `the rule threw: ${worst.threw}`
      : `${worst.quantity} is ${formatNumber(worst.got)} by ${worst.check === 'nesting' ? 'that nesting' : gotBy} ` +
        `but ${formatNumber(worst.expected)} by ${expectedBy} (error ${short(worst.error)}, tolerance ${short(worst.tolerance)})`;
  return (
    `${name}: ${worst.check} fails at ${where}: ${how}` +
    `${others.length > 0 ? `; ${others.join(', ')} fail${others.length === 1 ? 's' : ''} too` : ''}${note}`
  );
}

/** `x = 0.5` or `(x, y) = (0.5, 1.25)`, by the one number policy. */
export function pointText(at: readonly number[]): string {
  const v = at.map((a) => formatNumber(a, { thousands: false }));
  return at.length === 1 ? `x = ${v[0]}` : `(x, y) = (${v.join(', ')})`;
}

/** `[-2, 2]`, or `[0.5, 2.5] × [-2, 2]` for two inputs. */
export function domainText(domain: readonly Interval[]): string {
  const end = (v: number) => formatNumber(v, { thousands: false });
  return domain.map((d) => `[${end(d[0])}, ${end(d[1])}]`).join(' × ');
}

/** The size of an error or a tolerance, to 3 significant digits (a fourth would be noise). */
function short(a: number): string {
  return formatNumber(a, { digits: 3 });
}
