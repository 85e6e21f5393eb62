/** @file How a trace is written down: SSA names, numbers, and rule templates filled in, as LaTeX and as plain text. */

/** A piece of notation in both forms: LaTeX for KaTeX, plain text for a terminal. */
export interface Notation {
  readonly latex: string;
  readonly text: string;
}

/** The SSA name of entry k (0-based): w_{k+1}. */
export function entryName(k: number): Notation {
  return { latex: `w_{${k + 1}}`, text: `w${k + 1}` };
}

/** A number as a reader wants it: integers exactly, others to 6 significant digits. */
export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '-∞';
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return Object.is(v, -0) ? '0' : String(v);
  return String(Number(v.toPrecision(6)));
}

/** A number in LaTeX; negative ones in parentheses so they can stand as an operand. */
export function numberLatex(v: number, parenthesize = false): string {
  const body = Number.isNaN(v)
    ? '\\text{NaN}'
    : !Number.isFinite(v)
      ? `${v < 0 ? '-' : ''}\\infty`
      : formatNumber(v).replace(/e([+-]\d+)$/, '\\times 10^{$1}');
  // 1 × 10^{-7} under an exponent or inside a product needs its own parentheses too.
  const compound = v < 0 || Object.is(v, -0) || body.includes('\\times');
  return parenthesize && compound ? `(${body})` : body;
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

/**
 * Fills a rule's LaTeX template: the letters x, y, z standing alone (not
 * inside a command such as \max) become the given LaTeX.
 */
export function instantiate(template: string, symbols: Readonly<Record<string, string>>): string {
  return template.replace(/(?<![A-Za-z\\])([xyz])(?![A-Za-z])/g, (letter) => {
    const replacement = symbols[letter];
    return replacement === undefined ? letter : replacement;
  });
}

const COMMAND_TEXT: Readonly<Record<string, string>> = {
  cdot: '·',
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

/** The width a terminal gives a string: combining marks take no column. */
export function displayWidth(s: string): number {
  let width = 0;
  for (const c of s) if (!/\p{M}/u.test(c)) width++;
  return width;
}
