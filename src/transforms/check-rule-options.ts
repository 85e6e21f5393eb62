/** @file checkRule's options, checked, with their defaults filled in. */

import { describe } from '../core/value.ts';
import type { Interval } from '../primitives/rule.ts';
import { type CheckRuleOptions, type RuleCheck, TOLERANCE } from './check-rule-report.ts';

export interface CheckRuleSettings {
  readonly samples: number;
  readonly seed: number;
  readonly domain: readonly Interval[];
  readonly tolerance: Readonly<Record<RuleCheck, number>>;
}

/** What the options are checked against: the primitive's name, number of inputs and own domain. */
interface Target {
  readonly name: string;
  readonly arity: number;
  readonly domain: readonly Interval[];
}

/** The options for `rule`, each checked (one error naming the option), with defaults. */
export function checkedOptions(rule: Target, options: CheckRuleOptions): CheckRuleSettings {
  const bad = (what: string, value: unknown) =>
    new RangeError(`wengert: checkRule: ${what}; got ${describe(value)}`);
  const { samples = 10, seed = 0, domain = rule.domain, tolerance = {} } = options;
  if (!Number.isInteger(samples) || samples < 1) {
    throw bad('samples must be a positive integer', samples);
  }
  if (!Number.isInteger(seed)) throw bad('seed must be an integer', seed);
  const interval = (iv: unknown): boolean => {
    if (!Array.isArray(iv) || iv.length !== 2) return false;
    const [lo, hi] = iv as unknown[];
    return typeof lo === 'number' && typeof hi === 'number' && Number.isFinite(lo + hi) && lo < hi;
  };
  if (!Array.isArray(domain) || domain.length !== rule.arity || !domain.every(interval)) {
    throw new RangeError(
      `wengert: checkRule: domain must hold ${rule.arity} interval${rule.arity === 1 ? '' : 's'} ` +
        `[lo, hi] of finite numbers with lo < hi, one per input of ${rule.name}; got ${JSON.stringify(domain)}`,
    );
  }
  for (const [check, value] of Object.entries(tolerance)) {
    if (!Object.hasOwn(TOLERANCE, check)) {
      throw new RangeError(
        `wengert: checkRule: no check is called ${JSON.stringify(check)}; the checks are ${Object.keys(TOLERANCE).join(', ')}`,
      );
    }
    if (!(typeof value === 'number' && value >= 0 && Number.isFinite(value))) {
      throw bad(`tolerance.${check} must be a finite number ≥ 0`, value);
    }
  }
  return { samples, seed, domain, tolerance: { ...TOLERANCE, ...tolerance } };
}
