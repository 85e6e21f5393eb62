/** @file The computational graph of a trace, as Graphviz DOT and as SVG (Graphviz compiled to WebAssembly). */

import { formatNumber } from '../core/format.ts';
import { entryName, latexToText } from './notation.ts';
import type { ForwardSweep, ReverseSweep } from './sweeps.ts';
import { expressionLatex } from './tables.ts';
import type { WengertList } from './wengert-list.ts';

/**
 * What the graph's nodes show besides each entry's value: the tangents of a
 * forward sweep, or the adjoints of a reverse sweep.
 *
 * @example
 * ```ts
 * const list = trace((x: Num) => mul(x, sin(x)), 1);
 * const options: GraphOptions = { forward: forwardSweep(list, [1]) };
 * console.log(graphDot(list, options).includes('tangent')); // true
 * ```
 */
export interface GraphOptions {
  /** Also label each node with its tangent (from a forward sweep) or its adjoint (from a reverse sweep). */
  readonly forward?: ForwardSweep;
  readonly reverse?: ReverseSweep;
}

/** A DOT string literal. */
const quote = (s: string) => `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

/**
 * One node per entry (`w3 = w1·w1`, its value, and its tangent or adjoint
 * when asked), one per constant operand, and an edge from each operand to
 * its use labelled with the local partial. Outputs have a double border.
 *
 * @example
 * ```ts
 * const f = ([x, y]: Num[]) => sub(mul(5, mul(x, x)), mul(x, y));
 * console.log(graphDot(trace(f, [2, 3]))); // Graphviz's DOT language; graphSvg lays it out
 * ```
 */
export function graphDot(list: WengertList, options: GraphOptions = {}): string {
  const outputs = new Set(list.outputs.flatMap((o) => (o.kind === 'entry' ? [o.index] : [])));
  const lines = [
    'digraph wengert {',
    '  rankdir=LR;',
    // Points (4/3 px): node text 16 px, edge labels and subscripts over 13 px at the drawing's own size.
    '  node [shape=box, style=rounded, fontname="Helvetica", fontsize=12];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  for (const entry of list.entries) {
    const name = entryName(entry.index).text;
    const label = [
      entry.op === 'input'
        ? `${name} = ${entry.label ?? ''}`
        : `${name} = ${latexToText(expressionLatex(list, entry))}`,
      `value ${formatNumber(entry.value)}`,
    ];
    const tangent = options.forward?.tangents[entry.index];
    if (tangent !== undefined) label.push(`tangent ${formatNumber(tangent)}`);
    const adjoint = options.reverse?.adjoints[entry.index];
    if (adjoint !== undefined) label.push(`adjoint ${formatNumber(adjoint)}`);
    const border = outputs.has(entry.index) ? ', peripheries=2' : '';
    lines.push(`  ${name} [label=${quote(label.join('\n'))}${border}];`);
    entry.operands.forEach((operand, i) => {
      if (operand.kind === 'entry') {
        const partial = formatNumber(entry.partials[i] as number);
        lines.push(`  ${entryName(operand.index).text} -> ${name} [label=${quote(partial)}];`);
      } else {
        const constant = `c${entry.index + 1}_${i + 1}`;
        lines.push(`  ${constant} [label=${quote(formatNumber(operand.value))}, shape=plaintext];`);
        lines.push(`  ${constant} -> ${name} [style=dashed];`);
      }
    });
  }
  lines.push('}');
  return lines.join('\n');
}

/**
 * Entry names written as the tables write them, w with a subscript: `w3`
 * in a label becomes `w<tspan baseline-shift="sub">3</tspan>`. The line
 * stays one `<text>`, so the browser places the subscript with the font it
 * really draws (Graphviz's own placement uses guessed widths).
 */
function subscriptNames(svg: string): string {
  return svg.replace(
    /(<text\b[^>]*>)([^<]*)(<\/text>)/g,
    (_, open: string, text: string, close: string) =>
      `${open}${text.replace(/\bw(\d+)\b/g, 'w<tspan baseline-shift="-0.25em" font-size="85%">$1</tspan>')}${close}`,
  );
}

/**
 * The graph rendered to SVG, offline, by Graphviz compiled to WebAssembly,
 * with subscripted entry names. Graphviz (1 MB) is loaded on the first
 * call, so importing wengert does not pay for it.
 *
 * @example
 * ```ts
 * const list = trace(([x, y]: Num[]) => mul(sin(x), y), [1, 2]);
 * const svg = await graphSvg(list, { reverse: reverseSweep(list, [1]) }); // adjoints on the nodes
 * console.log(svg.slice(svg.indexOf('<svg'), svg.indexOf('<svg') + 4)); // <svg: write it to a file
 * ```
 */
export async function graphSvg(list: WengertList, options: GraphOptions = {}): Promise<string> {
  const { instance } = await import('@viz-js/viz');
  const viz = await instance();
  return subscriptNames(viz.renderString(graphDot(list, options), { format: 'svg' }));
}
