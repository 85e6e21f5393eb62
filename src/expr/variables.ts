/** @file The order of a parsed function's inputs: its variables sorted by name, or the order the caller declares. */

import { CONSTANTS, isReserved } from './names.ts';
import { ParseError } from './parse-error.ts';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Orders names as people expect to read them: runs of digits compare as
 * numbers, so x2 comes before x10; everything else compares by character
 * code, so the order is the same on every machine and locale (upper case
 * before lower case: X before a before x).
 *
 * @example
 * ['x10', 'y', 'x2', 'a'].sort(compareNames); // ['a', 'x2', 'x10', 'y']
 */
export function compareNames(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (const [i, x] of pa.entries()) {
    const y = pb[i];
    if (y === undefined) break;
    const numeric = /^\d/.test(x) && /^\d/.test(y);
    const order = numeric ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
    if (order !== 0) return order;
  }
  // Equal up to here (x2 and x02, or x and x1): shorter first, then plain characters.
  return pa.length - pb.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Checks a caller's list of variable names; these are programming errors, not parse errors. */
function checkDeclared(declared: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of declared) {
    if (typeof name !== 'string' || !NAME.test(name)) {
      throw new Error(
        `wengert: parse: variables: ${JSON.stringify(name)} is not a name ` +
          '(a letter or _, then letters, digits or _)',
      );
    }
    if (isReserved(name)) {
      const what = Object.hasOwn(CONSTANTS, name) ? 'a constant' : 'a function';
      throw new Error(`wengert: parse: variables: ${name} is ${what}, so it cannot be a variable`);
    }
    if (seen.has(name)) throw new Error(`wengert: parse: variables: ${name} is listed twice`);
    seen.add(name);
  }
}

/**
 * The input order of a parsed function. Without `declared`, the variables
 * used in the source, sorted with compareNames. With it, exactly `declared`
 * (which may name inputs the expression ignores), after checking that it
 * holds every variable used; `used` maps each to its first position.
 *
 * @example
 * orderVariables('y*x', new Map([['y', 0], ['x', 2]])); // ['x', 'y']
 * orderVariables('y*x', new Map([['y', 0], ['x', 2]]), ['y', 'x', 'z']); // ['y', 'x', 'z']
 */
export function orderVariables(
  source: string,
  used: ReadonlyMap<string, number>,
  declared?: readonly string[],
): readonly string[] {
  if (declared === undefined) return Object.freeze([...used.keys()].sort(compareNames));
  checkDeclared(declared);
  for (const [name, position] of used) {
    if (!declared.includes(name)) {
      const list = declared.length === 0 ? 'none' : declared.join(', ');
      throw new ParseError(
        source,
        position,
        `${name} is not a declared variable (declared: ${list})`,
      );
    }
  }
  return Object.freeze([...declared]);
}
