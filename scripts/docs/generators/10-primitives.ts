/** @file Chapter 10: the primitive reference, one section per record of the registry, from the same LaTeX the engine's records carry. */

import { rules } from '../../../src/index.ts';
import { display, table } from '../format.ts';
import type { Generator } from '../generate.ts';
import { slug } from '../markdown.ts';

/**
 * Reads only a rule's name and its three formulas, which every record has,
 * scalar or matrix; anything else a record holds is the engine's business.
 */
function reference(): string {
  const summary = table(
    ['primitive', 'operation'],
    rules.map((r) => [`[\`${r.name}\`](#${slug(r.name)})`, `$${r.latex.op}$`]),
  );
  // Each rule's formulas sit in a <div class="rule"> so the stylesheet can align them all alike.
  const sections = rules.map((r) =>
    [
      `## \`${r.name}\``,
      '',
      '<div class="rule">',
      '',
      display(
        [
          '\\begin{aligned}',
          `\\text{operation} \\qquad & ${r.latex.op} \\\\[4pt]`,
          `\\text{forward mode} \\qquad & ${r.latex.forward} \\\\[4pt]`,
          `\\text{reverse mode} \\qquad & ${r.latex.reverse}`,
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
