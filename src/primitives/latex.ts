/** @file Renders a primitive's forward and reverse rules in LaTeX from its local partials. */

/** The three formulas the docs show for a primitive. */
export interface RuleLatex {
  /** The operation, e.g. `y = \sin x`. */
  readonly op: string;
  /** Its right-hand side alone, e.g. `\sin x`, in the inputs x (and y). */
  readonly expression: string;
  /** Its local partials, one per input, as written in the record. */
  readonly partials: readonly string[];
  /** Forward mode: the output tangent as a sum over input tangents. */
  readonly forward: string;
  /** Reverse mode: what each input adjoint accumulates. */
  readonly reverse: string;
}

/** `d · v` with the coefficient simplified: 1 disappears, -1 becomes a sign, sums get parentheses. */
export function times(partial: string, v: string): string {
  if (partial === '1') return v;
  if (partial === '-1') return `-${v}`;
  const needsParens =
    /[+-]/.test(partial.slice(1)) && !/^\\frac\{[^{}]*\}\{[^{}]*\}$/.test(partial);
  return needsParens ? `\\left(${partial}\\right) \\, ${v}` : `${partial}\\, ${v}`;
}

/** A sum of signed terms, written without `+ -`. */
export function sum(terms: readonly string[]): string {
  return terms.reduce((acc, t) => (t.startsWith('-') ? `${acc} - ${t.slice(1)}` : `${acc} + ${t}`));
}

export function unaryLatex(op: string, partial: string): RuleLatex {
  return {
    op: `y = ${op}`,
    expression: op,
    partials: [partial],
    forward: `\\dot{y} = ${times(partial, '\\dot{x}')}`,
    reverse: `\\bar{x} \\mathrel{+}= ${times(partial, '\\bar{y}')}`,
  };
}

export function binaryLatex(op: string, partials: readonly [string, string]): RuleLatex {
  const [dx, dy] = partials;
  return {
    op: `z = ${op}`,
    expression: op,
    partials,
    forward: `\\dot{z} = ${sum([times(dx, '\\dot{x}'), times(dy, '\\dot{y}')])}`,
    reverse: `\\bar{x} \\mathrel{+}= ${times(dx, '\\bar{z}')}, \\quad \\bar{y} \\mathrel{+}= ${times(dy, '\\bar{z}')}`,
  };
}
