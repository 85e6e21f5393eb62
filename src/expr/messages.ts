/** @file The wording of parse errors that need more than one line of logic: each says what was found and what to write instead. */

import { CONSTANTS, closeFunctions, functionList } from './names.ts';
import type { Token } from './tokenize.ts';

/** How a token is quoted in a message: names and numbers bare, symbols in quotes. */
function quote(token: Token): string {
  return token.kind === 'name' || token.kind === 'number' ? token.text : `'${token.text}'`;
}

/** "a", "a or b", "a, b or c". */
function either(names: readonly string[]): string {
  return names.length <= 1
    ? names.join('')
    : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/**
 * Where an operand was expected and `found` came instead; `after` is the
 * token before (an operator, '(' or ','), when there is one.
 */
export function expectedOperand(after: Token | undefined, found: Token): string {
  const what =
    after === undefined ? 'expected an expression' : `expected an expression after ${quote(after)}`;
  if (found.kind === 'end') return `${what}, but the input ended`;
  if (after?.kind === '(' && found.kind === ')')
    return "empty parentheses: expected an expression between '(' and ')'";
  // x**2 is the power in Python and JavaScript; here it is two operators in a row.
  if (after?.kind === '*' && found.kind === '*' && found.start === after.start + 1) {
    return `${what}, found '*'; write x^2 for a power, not x**2`;
  }
  return `${what}, found ${quote(found)}`;
}

/**
 * Two operands side by side: implicit multiplication is not part of the
 * language (is `2x` 2*x? is `xy` one name or x*y? is `sin x y` sin(x)*y?),
 * so the message spells out the product to write instead.
 */
export function missingOperator(before: Token, found: Token): string {
  const left = before.kind === ')' ? '(...)' : before.text;
  const right = found.kind === '(' ? '(...)' : found.text;
  return `missing operator between ${left} and ${right}; write ${left}*${right}`;
}

/**
 * A name called like a function that is not one. `usedAsVariable` tells a
 * variable (`x(2)`, meant as a product) from a misspelt function (`sinn(x)`).
 */
export function notAFunction(name: string, usedAsVariable: boolean): string {
  if (Object.hasOwn(CONSTANTS, name)) {
    return `${name} is a constant, not a function; to multiply, write ${name}*(...)`;
  }
  const close = closeFunctions(name);
  if (close.length > 0) return `unknown function '${name}'; did you mean ${either(close)}?`;
  if (usedAsVariable || name.length === 1) {
    return `${name} is a variable, not a function; to multiply, write ${name}*(...)`;
  }
  return `unknown function '${name}'; the functions are ${functionList()}`;
}

/** A call with the wrong number of arguments. */
export function wrongArity(name: string, arity: number, got: number): string {
  return `${name} takes ${arity} argument${arity === 1 ? '' : 's'}, got ${got}`;
}
