/** @file Chapter 10: the primitive reference, one section per record of the registry, each rule rendered by running it on symbols. */

import { ruleLatex, rules } from '../../../src/index.ts';
import { display, table } from '../format.ts';
import type { Generator } from '../generate.ts';
import { slug } from '../markdown.ts';

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
  // Each rule's formulas sit in a <div class="rule"> so the stylesheet can align them all alike.
  const sections = rules
    .map((r) => ({ r, latex: ruleLatex(r) }))
    .map(({ r, latex }) =>
      [
        `## \`${r.name}\``,
        '',
        '<div class="rule">',
        '',
        display(
          [
            '\\begin{aligned}',
            `\\text{operation} \\qquad & ${latex.op} \\\\[4pt]`,
            `\\text{forward mode} \\qquad & ${latex.forward} \\\\[4pt]`,
            `\\text{reverse mode} \\qquad & ${latex.reverse}`,
            '\\end{aligned}',
          ].join('\n'),
        ),
        '',
        '</div>',
      ].join('\n'),
    );
  return [summary, ...sections].join('\n\n');
}

export const primitives: Record<string, Generator> = {
  'primitive-count': () => String(rules.length),
  'primitive-reference': reference,
};
