/** @file Chapter 10: the primitive reference, one section per record of the registry, each rule rendered by running it on symbols. */

import { ruleLatex, rules } from '../../../src/index.ts';
import { display, table } from '../format.ts';
import type { Generator } from '../generate.ts';
import { slug } from '../markdown.ts';

/** One name and its formula, as a term and its description; blank lines let Markdown render the math inside. */
const named = (name: string, latex: string) =>
  `<dt>${name}</dt>\n<dd>\n\n${display(latex)}\n\n</dd>`;

/**
 * The reverse rule's accumulations one under another, lined up at `+=`:
 * `ruleLatex` writes them on one line, parted by `,\quad`, which is too
 * wide for a phone when the partials are fractions.
 */
function accumulations(reverse: string): string {
  const lines = reverse
    .split(/,\s*\\quad\s*/)
    .map((l) => l.replace('\\mathrel{+}=', '&\\mathrel{+}='));
  return lines.length === 1
    ? reverse
    : `\\begin{aligned} ${lines.join(' \\\\[6pt] ')} \\end{aligned}`;
}

/**
 * A tangent rule with two case analyses, one term a line: side by side,
 * two `cases` blocks are wider than a phone's screen.
 */
function tangentTerms(forward: string): string {
  if ((forward.match(/\\begin\{cases\}/g) ?? []).length < 2) return forward;
  const equals = forward.indexOf(' = ');
  const terms = forward.slice(equals + 3).split(/ (?=[+-] \\begin\{cases\})/);
  return `\\begin{aligned} ${forward.slice(0, equals)} &= ${terms.join(' \\\\ &\\quad ')} \\end{aligned}`;
}

/**
 * Reads a rule's name and its three formulas, which `ruleLatex` renders for
 * every record, scalar (by running its partials on symbols) or matrix (its
 * declared linear maps); anything else a record holds is the engine's business.
 */
function reference(): string {
  const summary = table(
    ['primitive', 'operation'],
    rules.map((r) => [`[\`${r.name}\`](#${slug(r.name)})`, `$${ruleLatex(r).op}$`]),
  );
  // Each rule is a list of three named formulas (<dl class="rule">): the stylesheet sets the names
  // beside the formulas on a wide screen and above them on a phone, so a formula has the column.
  const sections = rules
    .map((r) => ({ r, latex: ruleLatex(r) }))
    .map(({ r, latex }) =>
      [
        `## \`${r.name}\``,
        '',
        '<dl class="rule">',
        named('operation', latex.op),
        named('forward mode', tangentTerms(latex.forward)),
        named('reverse mode', accumulations(latex.reverse)),
        '</dl>',
      ].join('\n'),
    );
  return [summary, ...sections].join('\n\n');
}

export const primitives: Record<string, Generator> = {
  'primitive-count': () => String(rules.length),
  'primitive-reference': reference,
};
