/**
 * @file The recursive-descent parser: tokens in, one postfix program per expression out.
 *
 * Grammar, loosest binding first (every binary operator but ^ is left-associative):
 *
 *   list    := sum (';' sum)*            several expressions only for parseMany
 *   sum     := product (('+' | '-') product)*
 *   product := unary (('*' | '/') unary)*
 *   unary   := ('-' | '+') unary | power
 *   power   := primary ('^' unary)?      right-associative: 2^3^2 = 2^(3^2)
 *   primary := number | constant | variable | name '(' (sum (',' sum)*)? ')' | '(' sum ')'
 *
 * `^` binds tighter than a sign on its left (-x^2 = -(x^2)) and its exponent
 * may carry a sign (2^-1), as in mathematics and Python.
 */

import type { ScalarPrimitiveName } from '../primitives/names.ts';
import { expectedOperand, missingOperator, notAFunction, wrongArity } from './messages.ts';
import { callable, constantValue } from './names.ts';
import { ParseError } from './parse-error.ts';
import type { NamedStep } from './program.ts';
import { type Token, tokenize } from './tokenize.ts';

/** Nesting deeper than this is refused, so the recursion cannot overflow the stack. */
export const MAX_DEPTH = 500;

/** One parsed expression: its program and its own text. */
export interface ParsedExpression {
  readonly steps: readonly NamedStep[];
  readonly text: string;
}

/** What a source parses to: its expressions, and each variable's first position. */
export interface ParsedSource {
  readonly expressions: readonly ParsedExpression[];
  readonly variables: ReadonlyMap<string, number>;
}

const OPERATOR_OPS = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '^': 'pow' } as const;

class Parser {
  private index = 0;
  private depth = 0;
  private steps: NamedStep[] = [];
  /** Each variable's first position, for errors that point at a use. */
  readonly variables = new Map<string, number>();

  constructor(
    private readonly source: string,
    private readonly tokens: readonly Token[],
  ) {}

  /**
   * The current token; the final `end` token is never consumed, so there
   * always is one. A method, not a getter: TypeScript would keep a narrowed
   * `this.token.kind` across the calls that move the parser on.
   */
  private peek(): Token {
    return this.tokens[this.index] as Token;
  }

  private advance(): Token {
    const t = this.peek();
    if (t.kind !== 'end') this.index++;
    return t;
  }

  private fail(position: number, reason: string): never {
    throw new ParseError(this.source, position, reason);
  }

  private apply(name: ScalarPrimitiveName): void {
    const fn = callable(name);
    if (fn === undefined) throw new Error(`wengert: internal: ${name} is not a primitive`);
    this.steps.push(
      fn.arity === 1 ? { kind: 'unary', name, op: fn.op } : { kind: 'binary', name, op: fn.op },
    );
  }

  /** Runs one level of nested grammar, refusing to go deeper than MAX_DEPTH. */
  private nested(parse: () => void): void {
    if (++this.depth > MAX_DEPTH) {
      this.fail(this.peek().start, `expression nested too deeply (more than ${MAX_DEPTH} levels)`);
    }
    parse();
    this.depth--;
  }

  /** The 1-based column of a position, for messages that mention a second place. */
  private column(position: number): number {
    return position - this.source.lastIndexOf('\n', position - 1);
  }

  /**
   * The parser expected `expectation` but the current token is something else.
   * An operand right after an operand is the common case, a missing `*`.
   */
  private stuck(expectation: string): never {
    const t = this.peek();
    const before = this.tokens[this.index - 1];
    if (before !== undefined && (t.kind === 'number' || t.kind === 'name' || t.kind === '(')) {
      this.fail(t.start, missingOperator(before, t));
    }
    this.fail(t.start, `${expectation}, found '${t.text}'`);
  }

  list(many: boolean): ParsedExpression[] {
    if (this.peek().kind === 'end') this.fail(0, 'empty expression: there is nothing to parse');
    const expressions: ParsedExpression[] = [];
    for (;;) {
      const first = this.peek();
      this.steps = [];
      this.sum(expressions.length > 0 ? this.tokens[this.index - 1] : undefined);
      const last = this.tokens[this.index - 1] as Token;
      expressions.push({
        steps: this.steps,
        text: this.source.slice(first.start, last.start + last.text.length),
      });
      const t = this.peek();
      if (t.kind === 'end') return expressions;
      if (t.kind === ';' && many) this.advance();
      else if (t.kind === ';')
        this.fail(t.start, "';' separates expressions; use parseMany for several");
      else if (t.kind === ')') this.fail(t.start, "this ')' has no matching '('");
      else if (t.kind === ',') this.fail(t.start, "',' outside a function call");
      else this.stuck('expected an operator');
    }
  }

  private sum(after?: Token): void {
    this.product(after);
    for (let t = this.peek(); t.kind === '+' || t.kind === '-'; t = this.peek()) {
      this.advance();
      this.product(t);
      this.apply(OPERATOR_OPS[t.kind]);
    }
  }

  private product(after?: Token): void {
    this.unary(after);
    for (let t = this.peek(); t.kind === '*' || t.kind === '/'; t = this.peek()) {
      this.advance();
      this.unary(t);
      this.apply(OPERATOR_OPS[t.kind]);
    }
  }

  private unary(after?: Token): void {
    const t = this.peek();
    if (t.kind !== '-' && t.kind !== '+') {
      this.power(after);
      return;
    }
    this.advance();
    this.nested(() => this.unary(t));
    // A unary plus changes nothing, so it leaves nothing in the program.
    if (t.kind === '-') this.apply('neg');
  }

  private power(after?: Token): void {
    this.primary(after);
    const t = this.peek();
    if (t.kind !== '^') return;
    this.advance();
    // The exponent is a unary, which is itself a power: right-associative.
    this.nested(() => this.unary(t));
    this.apply('pow');
  }

  private primary(after?: Token): void {
    const t = this.peek();
    if (t.kind === 'number') {
      this.advance();
      this.steps.push({ kind: 'constant', value: t.value });
    } else if (t.kind === 'name') {
      this.name(t);
    } else if (t.kind === '(') {
      this.group(t);
    } else {
      this.fail(t.start, expectedOperand(after, t));
    }
  }

  private name(t: Token): void {
    this.advance();
    if (this.peek().kind === '(') {
      this.call(t);
      return;
    }
    if (callable(t.text) !== undefined) {
      this.fail(t.start, `${t.text} is a function; call it as ${t.text}(...)`);
    }
    const value = constantValue(t.text);
    if (value !== undefined) {
      this.steps.push({ kind: 'constant', value });
      return;
    }
    if (!this.variables.has(t.text)) this.variables.set(t.text, t.start);
    this.steps.push({ kind: 'variable', name: t.text });
  }

  private group(open: Token): void {
    this.advance();
    this.nested(() => this.sum(open));
    const t = this.peek();
    if (t.kind === 'end') this.fail(open.start, "this '(' has no matching ')'");
    if (t.kind !== ')')
      this.stuck(`expected ')' to close the '(' at column ${this.column(open.start)}`);
    this.advance();
  }

  private call(name: Token): void {
    const fn = callable(name.text);
    if (fn === undefined)
      this.fail(name.start, notAFunction(name.text, this.isVariable(name.text)));
    const open = this.advance();
    let count = 0;
    if (this.peek().kind === ')') {
      this.advance();
    } else {
      for (;;) {
        this.nested(() => this.sum(this.tokens[this.index - 1]));
        count++;
        const t = this.peek();
        if (t.kind === 'end') this.fail(open.start, "this '(' has no matching ')'");
        if (t.kind !== ',' && t.kind !== ')') {
          this.stuck(`expected ',' or ')' in the call of ${name.text}`);
        }
        this.advance();
        if (t.kind === ')') break;
      }
    }
    if (count !== fn.arity) this.fail(name.start, wrongArity(name.text, fn.arity, count));
    this.apply(fn.name);
  }

  /** True if `name` appears anywhere in the source as a plain variable (not followed by '('). */
  private isVariable(name: string): boolean {
    return this.tokens.some(
      (t, i) => t.kind === 'name' && t.text === name && this.tokens[i + 1]?.kind !== '(',
    );
  }
}

/**
 * Parses `source` into postfix programs: one expression, or with `many`
 * several separated by ';'. Throws a ParseError on malformed input.
 *
 * @example
 * parseSource('-x^2', false).expressions[0]?.steps.map((s) => s.kind);
 * // ['variable', 'constant', 'binary', 'unary']: neg(pow(x, 2))
 */
export function parseSource(source: string, many: boolean): ParsedSource {
  const parser = new Parser(source, tokenize(source));
  const expressions = parser.list(many);
  return { expressions, variables: parser.variables };
}
