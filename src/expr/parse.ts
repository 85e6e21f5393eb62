/** @file parse and parseMany: expression text in, a function every transform accepts out. */

import { describe, isNum, type Num } from '../core/value.ts';
import { parseSource } from './parser.ts';
import { link, run } from './program.ts';
import { orderVariables } from './variables.ts';

/**
 * A function made from expression text. It takes one value per variable, in
 * the order of `variables`, and returns a Num (parse) or an array of them
 * (parseMany); it runs on plain numbers, dual numbers and tape variables
 * alike, so every transform accepts it.
 *
 * @example
 * ```ts
 * const f = parse('x*y + sin(x)');
 * console.log(f.variables, f([1, 2]), grad(f)([1, 2]));
 * ```
 */
export interface ParsedFunction<R extends Num | Num[] = Num> {
  (x: readonly Num[]): R;
  /** The text that was parsed. */
  readonly source: string;
  /** The inputs' names, in the order the function takes them. */
  readonly variables: readonly string[];
  /** The text of each expression: one for parse, one per output for parseMany. */
  readonly expressions: readonly string[];
}

/**
 * The order of a parsed function's inputs, when name order is not the one wanted.
 *
 * @example
 * parse('x * y', { variables: ['y', 'x'] })([2, 3]); // 6, with y = 2 and x = 3
 */
export interface ParseOptions {
  /**
   * The inputs' names in the order the function takes them. It must hold
   * every variable of the source and may add inputs the source ignores.
   * Default: the source's variables sorted by name (x2 before x10).
   */
  readonly variables?: readonly string[];
}

/** Reads the inputs of a call, naming the variables in every error. */
function checkInputs(what: string, variables: readonly string[], x: unknown): readonly Num[] {
  const names = `[${variables.join(', ')}]`;
  if (!Array.isArray(x) && !ArrayBuffer.isView(x)) {
    throw new TypeError(
      `wengert: ${what} takes an array of ${variables.length} inputs ${names}, got ${describe(x)}`,
    );
  }
  const inputs = x as unknown as ArrayLike<unknown>;
  if (inputs.length !== variables.length) {
    throw new Error(
      `wengert: ${what} takes ${variables.length} input${variables.length === 1 ? '' : 's'} ` +
        `${names}, in that order; got ${inputs.length}`,
    );
  }
  for (let i = 0; i < inputs.length; i++) {
    if (!isNum(inputs[i])) {
      throw new TypeError(
        `wengert: ${what}: input ${i} (${variables[i]}) is ${describe(inputs[i])}; expected a number`,
      );
    }
  }
  return inputs as readonly Num[];
}

/** Parses and links, returning the ingredients both public functions share. */
function build(source: string, many: boolean, options: ParseOptions) {
  if (typeof source !== 'string') {
    throw new TypeError(
      `wengert: ${many ? 'parseMany' : 'parse'} needs a string, got ${describe(source)}`,
    );
  }
  const parsed = parseSource(source, many);
  const variables = orderVariables(source, parsed.variables, options.variables);
  const programs = parsed.expressions.map((e) => link(e.steps, variables));
  const expressions = Object.freeze(parsed.expressions.map((e) => e.text));
  return { variables, programs, expressions };
}

/**
 * Parses one expression into a function of its variables, taken in
 * alphabetical order (or the order in `options.variables`). Throws a
 * ParseError, with the position and a caret line, on malformed text.
 *
 * Numbers (2, 2.5, .5, 1e-3), variables, + - * / ^, unary minus and plus,
 * parentheses, the constants pi and e, and every registry primitive called
 * by name (sin(x), atan2(y, x), pow(x, 3), neg(x)). ^ binds tighter than a
 * leading minus and groups from the right: -x^2 is -(x^2), 2^3^2 is 2^9.
 * There is no implicit multiplication: write 2*x, not 2x.
 *
 * @example
 * const f = parse('5*x^2 - x*y');
 * f.variables; // ['x', 'y']
 * f([2, 3]); // 14
 * grad(f)([2, 3]); // [17, -2]
 */
export function parse(source: string, options: ParseOptions = {}): ParsedFunction<Num> {
  const { variables, programs, expressions } = build(source, false, options);
  const program = programs[0] ?? [];
  const what = `parse(${JSON.stringify(source)})`;
  const f = (x: readonly Num[]): Num => run(program, checkInputs(what, variables, x));
  return Object.assign(f, { source, variables, expressions });
}

/**
 * Parses several expressions separated by ';' into one function of all
 * their variables that returns an array, one output per expression: the
 * shape jacfwd, jacrev and jacobian take.
 *
 * @example
 * const f = parseMany('x*y; x + sin(y)');
 * f.variables; // ['x', 'y']
 * jacfwd(f)([2, 0]); // [[0, 2], [1, 1]]
 */
export function parseMany(source: string, options: ParseOptions = {}): ParsedFunction<Num[]> {
  const { variables, programs, expressions } = build(source, true, options);
  const what = `parseMany(${JSON.stringify(source)})`;
  const f = (x: readonly Num[]): Num[] => {
    const inputs = checkInputs(what, variables, x);
    return programs.map((program) => run(program, inputs));
  };
  return Object.assign(f, { source, variables, expressions });
}
