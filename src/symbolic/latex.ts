/** @file Expression trees printed as LaTeX, with the parentheses precedence needs and no more. */

import type { Relation } from '../core/cases.ts';
import { OPERAND } from '../primitives/notation.ts';
import type { Node } from './node.ts';
import { numberLatex } from './number.ts';

// How tightly a printed expression binds: an operand printed at a lower
// level than its place needs gets parentheses.
const SUM = 1;
const SIGNED = 2; // −x, −2x
const PRODUCT = 3;
const POWER = 4;
const ATOM = 5;

interface Printed {
  readonly latex: string;
  readonly level: number;
}

const RELATION: Readonly<Record<Relation, string>> = {
  '<': '<',
  '<=': '\\le',
  '>': '>',
  '>=': '\\ge',
  '==': '=',
};

/** The LaTeX of an expression tree. */
export function toLatex(node: Node): string {
  return print(node).latex;
}

/** `text` at least at `level`, parenthesized if it binds more loosely. */
function at(p: Printed, level: number): string {
  return p.level >= level ? p.latex : `\\left(${p.latex}\\right)`;
}

function print(node: Node): Printed {
  switch (node.kind) {
    case 'number': {
      const latex = numberLatex(node.value);
      const level = latex.startsWith('-') ? SIGNED : latex.includes('\\times') ? PRODUCT : ATOM;
      return { latex, level };
    }
    case 'symbol':
      return { latex: node.name.latex, level: ATOM };
    case 'cases': {
      const rows = node.pieces.map(
        ({ conditions, value }) =>
          `${toLatex(value)} & \\text{if } ${conditions
            .map(([a, r, b]) => `${toLatex(a)} ${RELATION[r]} ${toLatex(b)}`)
            .join(',\\ ')}`,
      );
      // A NaN fallback is what IEEE gives for NaN inputs anyway: not worth a row.
      const rest = node.otherwise;
      if (!(rest.kind === 'number' && Number.isNaN(rest.value))) {
        rows.push(`${toLatex(rest)} & \\text{otherwise}`);
      }
      return { latex: `\\begin{cases} ${rows.join(' \\\\ ')} \\end{cases}`, level: ATOM };
    }
    case 'apply':
      return printApply(node.op.name, node.op.notation, node.args.map(print));
  }
}

function printApply(name: string, notation: string, args: readonly Printed[]): Printed {
  const [a, b] = args as [Printed, Printed];
  switch (name) {
    case 'add':
      return { latex: `${at(a, SUM)} + ${at(b, SIGNED)}`, level: SUM };
    case 'sub':
      return { latex: `${at(a, SUM)} - ${at(b, PRODUCT)}`, level: SUM };
    case 'mul': {
      // 2\, x and 2\, \sin x, but 2 \cdot 3 and x \cdot y
      const juxtapose = a.level === ATOM && /^-?\d/.test(a.latex) && /^[A-Za-z\\]/.test(b.latex);
      const left = at(a, SIGNED);
      return {
        latex: juxtapose ? `${left}\\, ${at(b, PRODUCT)}` : `${left} \\cdot ${at(b, PRODUCT)}`,
        level: a.level === SIGNED ? SIGNED : PRODUCT,
      };
    }
    case 'div':
      return { latex: `\\frac{${a.latex}}{${b.latex}}`, level: ATOM };
    case 'neg':
      return { latex: `-${at(a, PRODUCT)}`, level: SIGNED };
    case 'pow':
      return { latex: `${at(a, ATOM)}^{${b.latex}}`, level: POWER };
    default:
      return fillNotation(notation, args);
  }
}

const OPENERS = ['{', '(', ',', '\\lvert'];
const CLOSERS = ['}', ')', ',', '\\rvert'];

/**
 * A primitive's own notation with its operands put in for x and y. An
 * operand that stands bare in the notation (\sin x, not \sqrt{x}) gets
 * parentheses unless it is atomic.
 */
function fillNotation(notation: string, args: readonly Printed[]): Printed {
  let bare = false;
  // a name in \operatorname{...} is skipped whole: the x of a user's x2 is no operand
  const fill = (match: string, letter: string | undefined, offset: number): string => {
    if (letter === undefined) return match;
    const arg = args[letter === 'x' ? 0 : 1];
    if (arg === undefined) return letter;
    const before = notation.slice(0, offset).trimEnd();
    const after = notation.slice(offset + 1).trimStart();
    const enclosed =
      OPENERS.some((o) => before.endsWith(o)) && CLOSERS.some((c) => after.startsWith(c));
    if (enclosed) return arg.latex;
    bare = true;
    return at(arg, ATOM);
  };
  const latex = notation.replace(OPERAND, fill);
  return { latex, level: bare ? PRODUCT : notation.includes('^') ? POWER : ATOM };
}
