/** @file How a primitive's notation marks its operands, and the notation a user's primitive gets by default. */

/**
 * An operand of a notation: x or y standing alone (not the x of `\max`), or
 * else a name set in upright type (`\operatorname{x2}`), matched whole so
 * that its letters are never taken for operands. Replace with a function
 * that returns a match without its group (`y` undefined) unchanged.
 */
export const OPERAND = /\\(?:operatorname|mathrm|text)\{[^}]*\}|(?<![A-Za-z\\])([xy])(?![A-Za-z])/g;

/** The operand letters a notation mentions, in order of first appearance. */
export function operandsOf(notation: string): string[] {
  const found = [...notation.matchAll(OPERAND)].flatMap((m) => (m[1] === undefined ? [] : [m[1]]));
  return [...new Set(found)];
}

/**
 * A named function applied to its operands, in upright type:
 * `\operatorname{softplus}(x)`, `\operatorname{logaddexp}(x, y)`.
 *
 * @example
 * defaultNotation('softplus', 1); // '\\operatorname{softplus}(x)'
 */
export function defaultNotation(name: string, arity: 1 | 2): string {
  return `\\operatorname{${name}}(${arity === 1 ? 'x' : 'x, y'})`;
}
