/** @file Running checkRule's checks over the sampled points and assembling the report, for scalar and matrix primitives alike. */

import type { Compared } from './check-rule-probes.ts';
import {
  errorOf,
  type RuleCheck,
  type RuleCheckResult,
  type RuleReport,
  ratio,
  summarize,
} from './check-rule-report.ts';

const CHECKS: readonly RuleCheck[] = ['jvp', 'dot-product', 'modes', 'hessian', 'nesting'];

/** What a primitive's checks need: how to run each at sample k, and how to describe the points. */
export interface CheckPlan {
  readonly name: string;
  /** Each sample's entries, as the report gives them. */
  readonly points: readonly (readonly number[])[];
  /** The comparisons of a check at sample k. */
  readonly runs: Readonly<Record<RuleCheck, (k: number) => Compared[]>>;
  readonly tolerance: Readonly<Record<RuleCheck, number>>;
  /** The checks that do not apply, with the reason. */
  readonly skipped: Partial<Readonly<Record<RuleCheck, string>>>;
  /** Where the points came from: "10 points in [-2, 2]". */
  readonly sampled: string;
  /** Sample k in words, for the summary. */
  readonly where: (k: number) => string;
}

/** Every check's worst comparison over the samples, the first failure, and the sentence. */
export function runChecks(plan: CheckPlan): RuleReport {
  const { points, tolerance } = plan;
  const checks = CHECKS.map((check): RuleCheckResult => {
    const why = plan.skipped[check];
    if (why !== undefined) return skip(check, tolerance[check], why);
    let worst: RuleCheckResult | null = null;
    for (const [k, point] of points.entries()) {
      for (const c of attempt(plan.runs[check], k)) {
        const error = c.threw === null ? errorOf(c.got, c.expected) : Number.POSITIVE_INFINITY;
        if (worst !== null && !(error > worst.error)) continue;
        const ok = error <= tolerance[check];
        const limit = tolerance[check];
        worst = { check, ok, skipped: null, error, tolerance: limit, at: point, sample: k, ...c };
      }
    }
    return worst as RuleCheckResult; // there is at least one sample
  });
  const ran = checks.filter((c) => c.skipped === null);
  // The checks build on each other (a wrong first derivative upsets the second
  // derivatives too), so the first failure is the one to read.
  const worst = ran.find((c) => !c.ok) ?? ran.reduce((a, b) => (ratio(b) > ratio(a) ? b : a));
  return {
    name: plan.name,
    ok: ran.every((c) => c.ok),
    worst,
    checks,
    points,
    summary: summarize(plan.name, checks, worst, {
      sampled: plan.sampled,
      where: plan.where(worst.sample),
    }),
  };
}

/** The comparisons of one check at one sample, or one that records what the rule threw. */
function attempt(
  run: (k: number) => Compared[],
  k: number,
): (Compared & { threw: string | null })[] {
  try {
    return run(k).map((c) => ({ ...c, threw: null }));
  } catch (error) {
    const threw = error instanceof Error ? error.message : String(error);
    return [{ quantity: 'the rule', got: Number.NaN, expected: Number.NaN, threw }];
  }
}

function skip(check: RuleCheck, tolerance: number, why: string): RuleCheckResult {
  const nan = Number.NaN;
  return {
    check,
    ok: true,
    skipped: why,
    error: 0,
    tolerance,
    at: [],
    sample: -1,
    quantity: '',
    expected: nan,
    got: nan,
    threw: null,
  };
}
