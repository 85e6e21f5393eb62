/** @file How a trace is written down: SSA names and numbers, as LaTeX and as plain text. */

import { formatNumber } from '../core/format.ts';
import { numberLatex } from '../symbolic/number.ts';

export { numberLatex };

/**
 * A piece of notation in both forms: LaTeX for KaTeX, plain text for a terminal.
 *
 * @example
 * ```ts
 * const [, , name] = primalTable(trace((x: Num) => sin(x), 1)).rows[1] ?? [];
 * console.log(name); // a cell, as LaTeX for KaTeX and as plain text
 * ```
 */
export interface Notation {
  readonly latex: string;
  readonly text: string;
}

/** The SSA name of entry k (0-based): w_{k+1}. */
export function entryName(k: number): Notation {
  return { latex: `w_{${k + 1}}`, text: `w${k + 1}` };
}

/** A number as text, parenthesized when negative and standing as an operand. */
export function numberText(v: number, parenthesize = false): string {
  const body = formatNumber(v);
  return parenthesize && (body.startsWith('-') || body.includes('e')) ? `(${body})` : body;
}

/** A number in both forms. */
export function numberNotation(v: number, parenthesize = false): Notation {
  return { latex: numberLatex(v, parenthesize), text: numberText(v, parenthesize) };
}

const COMMAND_TEXT: Readonly<Record<string, string>> = {
  cdot: '·',
  le: '≤',
  ge: '≥',
  ' ': ' ',
  ',': '·',
  quad: '  ',
  qquad: ';  ',
  lvert: '|',
  rvert: '|',
  ln: 'ln',
  sin: 'sin',
  cos: 'cos',
  tan: 'tan',
  arcsin: 'asin',
  arccos: 'acos',
  arctan: 'atan',
  sinh: 'sinh',
  cosh: 'cosh',
  tanh: 'tanh',
  max: 'max',
  min: 'min',
  sigma: 'σ',
  infty: '∞',
  dots: '…',
  times: '×',
  left: '',
  right: '',
};

/** Reads `{...}` starting at `i` (after optional spaces); returns its content and the index after it. */
function group(s: string, i: number): [string, number] {
  let j = i;
  while (s[j] === ' ') j++;
  if (s[j] !== '{') return [s[j] ?? '', j + 1];
  let depth = 0;
  for (let k = j; k < s.length; k++) {
    if (s[k] === '{') depth++;
    else if (s[k] === '}' && --depth === 0) return [s.slice(j + 1, k), k + 1];
  }
  return [s.slice(j + 1), s.length];
}

/** Whether text has an operator outside parentheses, so it needs them around it. */
function isCompound(t: string): boolean {
  let depth = 0;
  for (const c of t) {
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && ' +-·/'.includes(c)) return true;
  }
  return false;
}

/** Parentheses around a compound numerator or denominator, or one like `2y`. */
const wrap = (t: string) => (isCompound(t) || /^\d+[A-Za-z]/.test(t) ? `(${t})` : t);

/**
 * Plain text for the small LaTeX vocabulary of the registry and the trace
 * tables (fractions, roots, powers, subscripts, dots and bars, the function
 * names). Unknown commands keep their name without the backslash.
 */
export function latexToText(latex: string): string {
  let out = '';
  let i = 0;
  while (i < latex.length) {
    const c = latex[i] as string;
    if (c === '\\') {
      const name = /^\\([A-Za-z]+|.)/.exec(latex.slice(i))?.[1] ?? '';
      i += 1 + name.length;
      if (name === 'frac') {
        const [a, j] = group(latex, i);
        const [b, k] = group(latex, j);
        out += `${wrap(latexToText(a))}/${wrap(latexToText(b))}`;
        i = k;
      } else if (name === 'sqrt') {
        const [a, j] = group(latex, i);
        out += `√(${latexToText(a)})`;
        i = j;
      } else if (name === 'begin') {
        const [env, j] = group(latex, i);
        const end = latex.indexOf(`\\end{${env}}`, j);
        const stop = end < 0 ? latex.length : end;
        out +=
          env === 'cases' ? casesText(latex.slice(j, stop)) : latexToText(latex.slice(j, stop));
        i = end < 0 ? latex.length : end + `\\end{${env}}`.length;
      } else if (name === 'operatorname' || name === 'text' || name === 'mathrel') {
        const [a, j] = group(latex, i);
        out += latexToText(a);
        i = j;
      } else if (name === 'dot' || name === 'bar') {
        const [a, j] = group(latex, i);
        const t = latexToText(a);
        out += `${t.slice(0, 1)}${name === 'dot' ? '\u0307' : '\u0304'}${t.slice(1)}`;
        i = j;
      } else {
        out += COMMAND_TEXT[name] ?? name;
      }
    } else if (c === '^') {
      const [a, j] = group(latex, i + 1);
      const t = latexToText(a);
      out += `^${t.length === 1 ? t : `(${t})`}`;
      i = j;
    } else if (c === '_') {
      const [a, j] = group(latex, i + 1);
      out += latexToText(a);
      i = j;
    } else if (c === '{' || c === '}') {
      i++;
    } else {
      out += c;
      i++;
    }
  }
  // Function names applied to one operand read better with parentheses.
  return out
    .replace(
      /\b(a?sin|a?cos|a?tan|sinh|cosh|tanh|ln|sign)\s+((?:[\w.]|\u0304|\u0307)+|\([^()]*\))/g,
      (_, f, a) => (a.startsWith('(') ? `${f}${a}` : `${f}(${a})`),
    )
    .replace(/ *· */g, '·')
    .replace(/ +;/g, ';')
    .replace(/\| (\S+) \|/g, '|$1|')
    .replace(/ {3,}/g, '  ')
    .trim();
}

/** The rows of a cases environment on one line: `{1 if x > 0; -1 if x < 0}`. */
function casesText(body: string): string {
  const rows = body.split('\\\\').map((row) => {
    const [value = '', condition = ''] = row.split('&');
    return `${latexToText(value)} ${latexToText(condition).replace(/^if\s+/, 'if ')}`;
  });
  return `{${rows.join('; ')}}`;
}

/** The width a terminal gives a string: combining marks take no column. */
export function displayWidth(s: string): number {
  let width = 0;
  for (const c of s) if (!/\p{M}/u.test(c)) width++;
  return width;
}
