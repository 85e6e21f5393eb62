/** @file `wengert adjoint`: the reverse-mode program of one expression, printed as JavaScript or as Markdown. */

import { formatNumber } from '../core/format.ts';
import { adjointSource } from '../explain/adjoint-source.ts';
import { parse, parseMany } from '../expr/parse.ts';
import { valueAndGrad } from '../transforms/grad.ts';
import { readChoice, readPoint, UsageError } from './args.ts';
import type { Options } from './commands.ts';
import { pointText, row } from './format.ts';

/**
 * The adjoint program of an expression (see adjointSource): `--format ts`
 * (the default) prints the function expression under two comment lines,
 * `md` a heading, a sentence and a fenced js block. The expression language
 * has no comparisons, so the program is the same at every point: `--at`
 * only chooses where its value and gradient are shown, and defaults to 1
 * for every variable.
 *
 * @example
 * adjointCommand('5*x^2 - x*y', { at: 'x=2,y=3' }); // '// f(x, y) = 5*x^2 - x*y ...\n(x) => {...}'
 */
export function adjointCommand(source: string, options: Options): string {
  refuseList(source);
  const f = parse(source);
  const x =
    options.at === undefined
      ? f.variables.map(() => 1)
      : readPoint(options.at, f.variables, '--at');
  const format = readChoice(options.format, ['ts', 'md'] as const, 'ts', '--format');
  const program = adjointSource(f, x, { names: f.variables });
  const { value, grad } = valueAndGrad(f)(x);
  const signature = `f(${f.variables.join(', ')}) = ${source.trim()}`;
  const where = f.variables.length === 0 ? '' : `at ${pointText(f.variables, x)}, `;
  const check = `${where}it returns value ${formatNumber(value)} and gradient ${row(grad)}`;
  if (format === 'md') {
    return [
      `### The adjoint program of \`${signature}\``,
      '',
      'Reverse mode written out: the forward sweep, then the reverse sweep, one line per tape ' +
        `entry. ${check[0]?.toUpperCase()}${check.slice(1)}.`,
      '',
      '```js',
      program,
      '```',
    ].join('\n');
  }
  return [
    `// ${signature}: its value and gradient by reverse mode, written out by wengert adjoint`,
    `// ${check}`,
    program,
  ].join('\n');
}

/** A `;`-list has several outputs: the adjoint program is of one, as for grad. */
function refuseList(source: string): void {
  if (!source.includes(';')) return;
  let count = 0;
  try {
    count = parseMany(source).expressions.length;
  } catch {
    return; // not a list: parse reports the mistake itself
  }
  if (count > 1) {
    throw new UsageError(
      `adjoint takes one expression, not ${count} (the program of a gradient has one output); ` +
        `for the Jacobian of several run: wengert jacobian "${source}" --at ...`,
    );
  }
}
