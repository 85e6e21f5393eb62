/** @file The three commands: explain, grad and jacobian, each from parsed options to printed text. */

import { writeFileSync } from 'node:fs';
import { compareModes, costTable } from '../cost/compare.ts';
import { explain } from '../explain/explain.ts';
import { graphSvg } from '../explain/graph.ts';
import { forwardSweep, reverseSweep } from '../explain/sweeps.ts';
import { parse, parseMany } from '../expr/parse.ts';
import { valueAndGrad } from '../transforms/grad.ts';
import { jacfwd, jacrev } from '../transforms/jacobian.ts';
import { readChoice, readList, readPoint, UsageError } from './args.ts';

/** The options every command may receive (parseArgs' view of the command line). */
export interface Options {
  readonly at?: string;
  readonly mode?: string;
  readonly direction?: string;
  readonly seed?: string;
  readonly format?: string;
  readonly svg?: string;
}

function requireAt(options: Options): string {
  if (options.at === undefined) throw new UsageError('--at is required, e.g. --at x=2,y=3');
  return options.at;
}

/** A row of numbers with full precision, for the terminal. */
const row = (values: readonly number[]) => `[${values.map(String).join(', ')}]`;

export async function explainCommand(source: string, options: Options): Promise<string> {
  const f = parse(source);
  const x = readPoint(requireAt(options), f.variables, '--at');
  const mode = readChoice(options.mode, ['forward', 'reverse', 'both'] as const, 'both', '--mode');
  const format = readChoice(options.format, ['text', 'md', 'latex'] as const, 'text', '--format');
  const direction =
    options.direction === undefined
      ? undefined
      : readPoint(options.direction, f.variables, '--direction');
  const seed = options.seed === undefined ? undefined : readList(options.seed, 1, '--seed');
  const { list, output } = explain(f, x, {
    mode,
    format,
    names: f.variables,
    ...(direction === undefined ? {} : { direction }),
    ...(seed === undefined ? {} : { seed }),
  });
  if (options.svg !== undefined) {
    const forward =
      mode === 'reverse'
        ? undefined
        : forwardSweep(list, direction ?? x.map((_, i) => (i === 0 ? 1 : 0)));
    const reverse = mode === 'forward' ? undefined : reverseSweep(list, seed ?? [1]);
    writeFileSync(
      options.svg,
      await graphSvg(list, { ...(forward && { forward }), ...(reverse && { reverse }) }),
    );
  }
  return output;
}

export function gradCommand(source: string, options: Options): string {
  const f = parse(source);
  const x = readPoint(requireAt(options), f.variables, '--at');
  const { value, grad } = valueAndGrad(f)(x);
  return [`f = ${value}`, ...f.variables.map((name, i) => `∂f/∂${name} = ${grad[i]}`)].join('\n');
}

export function jacobianCommand(source: string, options: Options): string {
  const f = parseMany(source);
  const x = readPoint(requireAt(options), f.variables, '--at');
  const mode = readChoice(
    options.mode,
    ['forward', 'reverse', 'compare'] as const,
    'reverse',
    '--mode',
  );
  const header = `rows: ${f.expressions.join(' ; ')}\ncolumns: ${f.variables.join(', ')}`;
  if (mode !== 'compare') {
    const jacobian = (mode === 'forward' ? jacfwd(f) : jacrev(f))(x);
    return [header, ...jacobian.map(row)].join('\n');
  }
  const comparison = compareModes(f, x);
  return [
    header,
    'forward mode (column by column):',
    ...comparison.forward.jacobian.map(row),
    'reverse mode (row by row):',
    ...comparison.reverse.jacobian.map(row),
    `largest difference: ${comparison.maxAbsDifference}`,
    '',
    costTable(comparison),
  ].join('\n');
}
