/** @file Parse errors: for each kind of malformed text, the reason, the position and the caret line under it. */

import { describe, expect, it } from 'vitest';
import { ParseError, parse, parseMany } from '../src/index.ts';

/** Parses (or parses many) and returns the ParseError it must throw. */
function errorOf(source: string, many = false): ParseError {
  try {
    if (many) parseMany(source);
    else parse(source);
  } catch (e) {
    if (e instanceof ParseError) return e;
    throw e;
  }
  throw new Error(`expected ${JSON.stringify(source)} not to parse`);
}

/** The three-line message of a one-line source, built independently of the implementation. */
function message(source: string, position: number, reason: string): string {
  return `wengert: parse error at column ${position + 1}: ${reason}\n  ${source}\n  ${' '.repeat(position)}^`;
}

describe('ParseError', () => {
  it('prints the source with a caret under the offending character', () => {
    const e = errorOf('5*x^*2');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ParseError');
    expect(e.position).toBe(4);
    expect(e.column).toBe(5);
    expect(e.reason).toBe("expected an expression after '^', found '*'");
    expect(e.message).toBe(
      [
        "wengert: parse error at column 5: expected an expression after '^', found '*'",
        '  5*x^*2',
        '      ^',
      ].join('\n'),
    );
  });

  it('on a source of several lines, shows the line of the error', () => {
    const e = errorOf('x*y;\n  sin(x) +\n  * 2', true);
    expect(e.position).toBe(18);
    expect([e.line, e.column]).toEqual([3, 3]);
    expect(e.message).toBe(
      [
        "wengert: parse error at line 3, column 3: expected an expression after '+', found '*'",
        '    * 2',
        '    ^',
      ].join('\n'),
    );
  });

  it('keeps the caret aligned under a tab', () => {
    expect(errorOf('x\t$').message.split('\n').slice(1)).toEqual(['  x $', '    ^']);
  });
});

/** [case, source, position, reason]; the message and caret are checked from these. */
const CASES: [string, string, number, string][] = [
  // unexpected characters
  ['an unknown symbol', 'x $ y', 2, "unexpected character '$'"],
  [
    'a typeset minus',
    'x \u2212 y',
    2,
    "unexpected character '\u2212' (U+2212); write '-' for minus",
  ],
  ['a times sign', '2\u00d7x', 1, "unexpected character '\u00d7' (U+00D7); write '*' for times"],
  ['brackets', '[x + 1]', 0, "unexpected character '['; use '(' and ')' for grouping"],
  [
    'an equation',
    'y = x^2',
    2,
    "unexpected character '='; write only the right-hand side, e.g. x^2 for y = x^2",
  ],
  ['a non-ASCII letter', '\u03b8 + 1', 0, "unexpected character '\u03b8' (U+03B8)"],
  // unexpected end
  ['a trailing operator', 'x +', 3, "expected an expression after '+', but the input ended"],
  ['a lone minus', '-', 1, "expected an expression after '-', but the input ended"],
  ['a trailing power', 'x^', 2, "expected an expression after '^', but the input ended"],
  [
    'a call cut short after a comma',
    'atan2(y,',
    8,
    "expected an expression after ',', but the input ended",
  ],
  // operators in the wrong place
  ['two operators', '5*x^*2', 4, "expected an expression after '^', found '*'"],
  ['a leading operator', '*x', 0, "expected an expression, found '*'"],
  [
    '** for a power',
    'x**2',
    2,
    "expected an expression after '*', found '*'; write x^2 for a power, not x**2",
  ],
  ['empty parentheses', '2*()', 3, "empty parentheses: expected an expression between '(' and ')'"],
  // parentheses
  ['an unclosed (', '(x + 1', 0, "this '(' has no matching ')'"],
  ['the inner unclosed (', '(x + (y - 1)', 0, "this '(' has no matching ')'"],
  ['an unclosed ( in a sum', 'x * (y + (z - 1)', 4, "this '(' has no matching ')'"],
  ['an unclosed call', 'sin(x', 3, "this '(' has no matching ')'"],
  ['a stray )', 'x + 1)', 5, "this ')' has no matching '('"],
  ['a stray ) after a group', '(x + 1)) * 2', 7, "this ')' has no matching '('"],
  ['a comma in parentheses', '(x, y)', 2, "expected ')' to close the '(' at column 1, found ','"],
  ['a comma outside a call', 'x, y', 1, "',' outside a function call"],
  ['a semicolon in parse', 'x; y', 1, "';' separates expressions; use parseMany for several"],
  ['a wrong token in a call', 'max(x; y)', 5, "expected ',' or ')' in the call of max, found ';'"],
  // implicit multiplication
  ['a number before a name', '2x', 1, 'missing operator between 2 and x; write 2*x'],
  ['two names', 'x y', 2, 'missing operator between x and y; write x*y'],
  ['a number before (', '2 (x + 1)', 2, 'missing operator between 2 and (...); write 2*(...)'],
  [
    'two groups',
    '(x + 1)(x - 1)',
    7,
    'missing operator between (...) and (...); write (...)*(...)',
  ],
  ['a group before a name', '(x + 1)y', 7, 'missing operator between (...) and y; write (...)*y'],
  ['inside parentheses', '(2x)', 2, 'missing operator between 2 and x; write 2*x'],
  ['inside a call', 'sin(2x)', 5, 'missing operator between 2 and x; write 2*x'],
  ['a number after an exponent', '2e3x', 3, 'missing operator between 2e3 and x; write 2e3*x'],
  // functions
  ['a misspelt function', 'sinn(x)', 0, "unknown function 'sinn'; did you mean sin, sinh or asin?"],
  ['a function in the wrong case', 'Exp(x)', 0, "unknown function 'Exp'; did you mean exp?"],
  ['ln', 'ln(x)', 0, "unknown function 'ln'; did you mean log?"],
  ['arctan', '2*arctan(x)', 2, "unknown function 'arctan'; did you mean atan?"],
  [
    'a name close to nothing',
    'gamma(x)',
    0,
    "unknown function 'gamma'; the functions are abs, acos, add, asin, atan, atan2, cos, cosh, " +
      'div, exp, log, max, min, mul, neg, pow, relu, sigmoid, sin, sinh, sqrt, stopGradient, sub, tan, tanh',
  ],
  [
    'an inherited property name',
    'constructor(x)',
    0,
    "unknown function 'constructor'; the functions are abs, acos, add, asin, atan, atan2, cos, cosh, div, exp, log, max, min, mul, neg, pow, relu, sigmoid, sin, sinh, sqrt, stopGradient, sub, tan, tanh",
  ],
  ['too few arguments', 'atan2(x)', 0, 'atan2 takes 2 arguments, got 1'],
  ['too many arguments', '1 + sin(x, y)', 4, 'sin takes 1 argument, got 2'],
  ['no arguments', 'exp()', 0, 'exp takes 1 argument, got 0'],
  ['a function without a call', 'sin + 1', 0, 'sin is a function; call it as sin(...)'],
  ['a function applied without parentheses', 'sin x', 0, 'sin is a function; call it as sin(...)'],
  // calls of things that are not functions
  [
    'a call of a variable',
    'x(2)',
    0,
    'x is a variable, not a function; to multiply, write x*(...)',
  ],
  [
    'a call of a longer variable used elsewhere',
    'rate*t + rate(2)',
    9,
    'rate is a variable, not a function; to multiply, write rate*(...)',
  ],
  ['a call of pi', '2*pi(r)', 2, 'pi is a constant, not a function; to multiply, write pi*(...)'],
  ['a call of e', 'e(x)', 0, 'e is a constant, not a function; to multiply, write e*(...)'],
  // numbers
  [
    'an exponent without digits',
    '1e',
    1,
    "malformed number '1e': an exponent needs digits, as in 1e-3 (for 1 times e, write 1*e)",
  ],
  [
    'an exponent sign without digits',
    '3 * 1e+',
    5,
    "malformed number '1e+': an exponent needs digits, as in 1e-3",
  ],
  [
    'a number followed by e and a name',
    '2ex',
    1,
    "malformed number '2ex': an exponent needs digits, as in 1e-3 (for 2 times e, write 2*e)",
  ],
  [
    'two decimal points',
    '1.2.3',
    3,
    "malformed number '1.2.3': a number has at most one decimal point",
  ],
  [
    'a fractional exponent',
    'x + 1e2.5',
    7,
    "malformed number '1e2.5': an exponent must be a whole number",
  ],
  ['a lone point', 'x + .', 4, "'.' must be part of a number, as in 0.5 or .5"],
  ['a point between names', 'x.y', 1, "'.' must be part of a number, as in 0.5 or .5"],
  // empty input
  ['empty input', '', 0, 'empty expression: there is nothing to parse'],
  ['blank input', '  \n ', 0, 'empty expression: there is nothing to parse'],
];

describe('each kind of malformed text', () => {
  it.each(CASES)('%s: %j', (_case, source, position, reason) => {
    const e = errorOf(source);
    expect(e.reason).toBe(reason);
    expect(e.position).toBe(position);
    if (!source.includes('\n')) expect(e.message).toBe(message(source, position, reason));
  });
});

describe('parseMany errors', () => {
  it('positions count from the start of the whole source', () => {
    const e = errorOf('x*y; sin(x', true);
    expect([e.position, e.reason]).toEqual([8, "this '(' has no matching ')'"]);
    expect(e.message).toBe(message('x*y; sin(x', 8, "this '(' has no matching ')'"));
  });

  it('an empty expression between or after semicolons is an error', () => {
    expect(errorOf('x;; y', true).reason).toBe("expected an expression after ';', found ';'");
    expect(errorOf('x; y;', true).reason).toBe(
      "expected an expression after ';', but the input ended",
    );
    expect(errorOf(' ', true).reason).toBe('empty expression: there is nothing to parse');
  });
});

describe('bad arguments to parse itself', () => {
  it('a source that is not a string is a TypeError', () => {
    expect(() => parse(42 as unknown as string)).toThrow(TypeError);
    expect(() => parse(42 as unknown as string)).toThrow('parse needs a string, got number 42');
  });
});

describe('line endings', () => {
  it('a CRLF source shows its line without the carriage return', () => {
    const e = errorOf('x*y;\r\nsin(x', true);
    expect([e.line, e.column]).toEqual([2, 4]);
    expect(e.message.split('\n').slice(1)).toEqual(['  sin(x', '     ^']);
  });
});
