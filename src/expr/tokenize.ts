/** @file The tokenizer: splits an expression into numbers, names, operators and punctuation, each with its position. */

import { ParseError } from './parse-error.ts';

export type Operator = '+' | '-' | '*' | '/' | '^';
export type Punctuation = '(' | ')' | ',' | ';';

/** One token; `start` is the 0-based index of its first character in the source. */
export type Token =
  | {
      readonly kind: 'number';
      readonly text: string;
      readonly start: number;
      readonly value: number;
    }
  | { readonly kind: 'name'; readonly text: string; readonly start: number }
  | { readonly kind: Operator | Punctuation; readonly text: string; readonly start: number }
  | { readonly kind: 'end'; readonly text: ''; readonly start: number };

const SYMBOLS: ReadonlySet<string> = new Set(['+', '-', '*', '/', '^', '(', ')', ',', ';']);

/** True for a character that is a token by itself. */
function isSymbol(c: string): c is Operator | Punctuation {
  return SYMBOLS.has(c);
}

/** Characters people paste from typeset math or other languages, and what to type instead. */
const HINTS: Readonly<Record<string, string>> = {
  '\u2212': "write '-' for minus",
  '\u2013': "write '-' for minus",
  '\u00d7': "write '*' for times",
  '\u00b7': "write '*' for times",
  '\u22c5': "write '*' for times",
  '\u00f7': "write '/' for division",
  '\u00b2': 'write ^2 for a square',
  '\u00b3': 'write ^3 for a cube',
  '\u03c0': 'write pi',
  '[': "use '(' and ')' for grouping",
  ']': "use '(' and ')' for grouping",
  '{': "use '(' and ')' for grouping",
  '}': "use '(' and ')' for grouping",
  '=': 'write only the right-hand side, e.g. x^2 for y = x^2',
};

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isNameStart = (c: string | undefined): boolean => c !== undefined && /[A-Za-z_]/.test(c);
const isNamePart = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c);

/** The index just past a run of digits starting at i. */
function skipDigits(source: string, i: number): number {
  let j = i;
  while (isDigit(source[j])) j++;
  return j;
}

/**
 * Reads a number: digits with at most one '.', at least one digit in all
 * (`2`, `2.5`, `.5`, `2.`), then an optional exponent `e` or `E`, an optional
 * sign and at least one digit. What is read is exactly a JavaScript decimal
 * literal, so `Number(text)` gives the value without rounding surprises.
 */
function scanNumber(source: string, start: number): Token {
  let i = skipDigits(source, start);
  if (source[i] === '.') i = skipDigits(source, i + 1);
  if (i === start + 1 && source[start] === '.') {
    throw new ParseError(source, start, "'.' must be part of a number, as in 0.5 or .5");
  }
  let exponent = false;
  if (source[i] === 'e' || source[i] === 'E') {
    const sign = source[i + 1] === '+' || source[i + 1] === '-' ? 1 : 0;
    const end = skipDigits(source, i + 1 + sign);
    if (end === i + 1 + sign) {
      // `2e` could be meant as 2 times the constant e; say how to write that.
      const times =
        sign === 0
          ? ` (for ${source.slice(start, i)} times e, write ${source.slice(start, i)}*e)`
          : '';
      throw malformed(source, start, i, `an exponent needs digits, as in 1e-3${times}`);
    }
    i = end;
    exponent = true;
  }
  if (source[i] === '.') {
    throw malformed(
      source,
      start,
      i,
      exponent ? 'an exponent must be a whole number' : 'a number has at most one decimal point',
    );
  }
  const text = source.slice(start, i);
  return { kind: 'number', text, start, value: Number(text) };
}

/** The error for a number that goes wrong at index `at`; it quotes the whole run of number-like text. */
function malformed(source: string, start: number, at: number, why: string): ParseError {
  const run = /^(?:[eE][+-]?|[0-9A-Za-z_.])*/.exec(source.slice(start))?.[0] ?? '';
  return new ParseError(source, at, `malformed number '${run}': ${why}`);
}

/** The error for a character no token starts with, with a hint when we can guess the intent. */
function unexpected(source: string, i: number): ParseError {
  const char = String.fromCodePoint(source.codePointAt(i) ?? 0);
  const code = char.codePointAt(0) ?? 0;
  const unicode = code > 0x7e ? ` (U+${code.toString(16).toUpperCase().padStart(4, '0')})` : '';
  const hint = HINTS[char];
  return new ParseError(
    source,
    i,
    `unexpected character '${char}'${unicode}${hint === undefined ? '' : `; ${hint}`}`,
  );
}

/**
 * Splits `source` into tokens, ending with one `end` token at `source.length`.
 * Whitespace (newlines included) only separates tokens.
 *
 * @example
 * tokenize('2*x^2').map((t) => t.text); // ['2', '*', 'x', '^', '2', '']
 */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source.charAt(i);
    if (/\s/.test(c)) {
      i++;
    } else if (isDigit(c) || c === '.') {
      const token = scanNumber(source, i);
      tokens.push(token);
      i += token.text.length;
    } else if (isNameStart(c)) {
      let j = i + 1;
      while (isNamePart(source[j])) j++;
      tokens.push({ kind: 'name', text: source.slice(i, j), start: i });
      i = j;
    } else if (isSymbol(c)) {
      tokens.push({ kind: c, text: c, start: i });
      i++;
    } else {
      throw unexpected(source, i);
    }
  }
  tokens.push({ kind: 'end', text: '', start: source.length });
  return tokens;
}
