/** @file Each step's formulas, read from the engine's own tables: the operation, its tangent, and the `+=` lines it sends back. */

import { formatNumber, forwardTable, primalTable, reverseTable, type Table } from '../src/index.ts';
import type { Sweeps } from './program.ts';

/** A formula in both forms: LaTeX for KaTeX, text for the announcement. */
export interface Formula {
  readonly latex: string;
  readonly text: string;
}

/** One contribution w̄ᵢ += ∂wₖ/∂wᵢ · w̄ₖ that entry k sends back to entry i. */
export interface Send {
  readonly receiver: number;
  readonly amount: number;
  /** `\bar{w}_{i} \mathrel{+}= <term> = <partial> \cdot <adjoint> = <amount>`, the rule instantiated. */
  readonly latex: string;
  readonly text: string;
}

export interface Formulas {
  /** wₖ = its operation = its value. */
  primal(k: number): Formula;
  /** ẇₖ = Σ ∂wₖ/∂wᵢ · ẇᵢ, with names, then with numbers, then its value (an input's: its seed). */
  tangent(k: number): Formula;
  /** What entry k sends back when the reverse sweep visits it, in the order it sends it. */
  sends(k: number): readonly Send[];
}

/** Row `row`, column `column` of a table whose rows follow the entries (or their reverse). */
function cell(table: Table, row: number, column: number): { latex: string; text: string } {
  const found = table.rows[row]?.[column];
  if (found === undefined) throw new Error(`lab: no cell (${row}, ${column}) in the table`);
  return found;
}

/** The pieces of a reverse-table cell: one `\mathrel{+}= ...` per seed or contribution. */
const pieces = (latex: string) => latex.split(' \\qquad ');
const plusEquals = /^\\mathrel\{\+\}= /;
/** Formulas joined by `=`: a name, then what it equals, step by step. */
const join = (parts: readonly Formula[]): Formula => ({
  latex: parts.map((p) => p.latex).join(' = '),
  text: parts.map((p) => p.text).join(' = '),
});
const bar = (k: number) => ({ latex: `\\bar{w}_{${k + 1}}`, text: `w̄${k + 1}` });

/**
 * The formulas of a program's steps. They are cut from the engine's
 * tables (primalTable, forwardTable, and reverseTable with every
 * contribution listed), whose formulas come from running each rule on
 * symbols; the lab adds only the names on the left and the numbers it
 * was given.
 */
export function formulas({ list, forward, reverse }: Sweeps): Formulas {
  const primal = primalTable(list);
  const tangents = forwardTable(list, forward);
  const adjoints = reverseTable(list, reverse, { maxContributions: Number.POSITIVE_INFINITY });
  const last = list.entries.length - 1;
  return {
    primal(k) {
      return join([1, 2, 3].map((c) => cell(primal, k, c)));
    },
    tangent(k) {
      // An input's tangent is its seed: ẇ₁ = 1, without the rule and numbers columns.
      const columns = list.entries[k]?.op === 'input' ? [1, 4] : [1, 2, 3, 4];
      return join(columns.map((c) => cell(tangents, k, c)));
    },
    sends(k) {
      const sends: Send[] = [];
      list.entries[k]?.operands.forEach((operand, slot) => {
        if (operand.kind !== 'entry') return;
        const i = operand.index;
        const received = reverse.contributions[i] ?? [];
        const j = received.findIndex((c) => c.from === k && c.operand === slot);
        const c = received[j];
        if (c === undefined) return; // w̄ₖ was 0: the engine sends nothing
        const at = j + (reverse.seeds[i] === 0 ? 0 : 1);
        const term = pieces(cell(adjoints, last - i, 2).latex)[at] ?? '';
        const product = (pieces(cell(adjoints, last - i, 3).latex)[at] ?? '').replace(
          plusEquals,
          '',
        );
        sends.push({
          receiver: i,
          amount: c.amount,
          latex: `${bar(i).latex} ${term} = ${product}`,
          text: `${bar(i).text} += ${formatNumber(c.partial)}·${formatNumber(c.adjoint)} = ${formatNumber(c.amount)}`,
        });
      });
      return sends;
    },
  };
}
