/** @file The three commands: explain, grad and jacobian, each from parsed options to printed text. */

import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatNumber } from '../core/format.ts';
import { withCost } from '../core/ledger.ts';
import type { Num } from '../core/value.ts';
import { explain } from '../explain/explain.ts';
import { graphSvg } from '../explain/graph.ts';
import { forwardSweep, reverseSweep } from '../explain/sweeps.ts';
import { trace, type WengertList } from '../explain/wengert-list.ts';
import { type ParsedFunction, parse, parseMany } from '../expr/parse.ts';
import { ParseError } from '../expr/parse-error.ts';
import { compareModes, costTable } from '../transforms/compare.ts';
import { valueAndGrad } from '../transforms/grad.ts';
import { jacobian } from '../transforms/jacobian.ts';
import { readChoice, readList, readPoint, UsageError } from './args.ts';
import { listed, markdownTable, type OutputFormat, pointText, row, toJson } from './format.ts';
import { EXPLAIN_LIMIT } from './help.ts';

/** The options a command may receive, as read from its command line. */
export interface Options {
  readonly at?: string;
  readonly mode?: string;
  readonly direction?: string;
  readonly seed?: string;
  readonly format?: string;
  readonly svg?: string;
  readonly full?: boolean;
}

function requireAt(options: Options): string {
  if (options.at === undefined) throw new UsageError('--at is required, e.g. --at x=2,y=3');
  return options.at;
}

const FORMATS = ['text', 'json', 'md'] as const;

/** One expression; a `;`-list is pointed at `wengert jacobian`, whose job it is. */
function parseOne(source: string, command: string): ParsedFunction<Num> {
  try {
    return parse(source);
  } catch (error) {
    if (error instanceof ParseError && source.includes(';')) {
      const count = tryCount(source);
      if (count > 1) {
        throw new UsageError(
          `${command} takes one expression, not ${count}; for the Jacobian of several run: ` +
            `wengert jacobian "${source}" --at ...`,
        );
      }
    }
    throw error;
  }
}

function tryCount(source: string): number {
  try {
    return parseMany(source).expressions.length;
  } catch {
    return 0;
  }
}

/** Checks that the SVG can be written before any work, so a typo costs one line, not a stack. */
function checkWritable(file: string): void {
  const folder = dirname(resolve(file));
  if (!existsSync(folder)) {
    throw new UsageError(
      `--svg: cannot write '${file}': the folder '${dirname(file)}' does not exist`,
    );
  }
  if (!statSync(folder).isDirectory()) {
    throw new UsageError(`--svg: cannot write '${file}': '${dirname(file)}' is not a folder`);
  }
  if (existsSync(file) && statSync(file).isDirectory()) {
    throw new UsageError(`--svg: cannot write '${file}': it is a folder`);
  }
}

/** What explain prints for a trace too long to list: its size, value, tangent and gradient. */
function summary(
  list: WengertList,
  f: ParsedFunction<Num | Num[]>,
  x: readonly number[],
  direction: readonly number[],
  seed: readonly number[],
  options: Options,
): string {
  const n = list.entries.length;
  const inputs = list.entries.filter((e) => e.op === 'input');
  const outputs = list.outputs.map((o) =>
    o.kind === 'entry' ? list.entries[o.index]?.value : o.value,
  );
  const tangents = forwardSweep(list, direction).tangents;
  const adjoints = reverseSweep(list, seed).adjoints;
  const outputTangents = list.outputs.map((o) => (o.kind === 'entry' ? tangents[o.index] : 0));
  const lines = [
    `The Wengert list has ${formatNumber(n)} steps (${formatNumber(inputs.length)} inputs, ` +
      `${formatNumber(n - inputs.length)} operations), more than the ${formatNumber(EXPLAIN_LIMIT)} ` +
      'explain prints; here is what it computes.',
    `f = ${outputs.map((v) => listed(v ?? Number.NaN)).join(', ')} at ${pointText(f.variables, x)}`,
    `forward sweep, direction (${direction.map(listed).join(', ')}): ` +
      `tangent ${outputTangents.map((v) => listed(v ?? Number.NaN)).join(', ')}`,
    `reverse sweep, seed (${seed.map(listed).join(', ')}): ` +
      inputs
        .map((e, i) => `∂/∂${f.variables[i]} = ${listed(adjoints[e.index] ?? Number.NaN)}`)
        .join(', '),
  ];
  if (options.svg !== undefined)
    lines.push(`--svg: no graph written (${formatNumber(n)} nodes); add --full to draw it`);
  lines.push(
    `To print every step, add --full (about ${formatNumber(3 * n + 12)} lines; ` +
      'e.g. --full --format md > trace.md).',
  );
  return lines.join('\n');
}

export async function explainCommand(source: string, options: Options): Promise<string> {
  const f: ParsedFunction<Num | Num[]> = source.includes(';') ? parseMany(source) : parse(source);
  const x = readPoint(requireAt(options), f.variables, '--at');
  const mode = readChoice(options.mode, ['forward', 'reverse', 'both'] as const, 'both', '--mode');
  const format = readChoice(options.format, ['text', 'md', 'latex'] as const, 'text', '--format');
  const m = f.expressions.length;
  const direction =
    options.direction === undefined
      ? x.map((_, i) => (i === 0 ? 1 : 0))
      : readPoint(options.direction, f.variables, '--direction');
  const seed =
    options.seed === undefined
      ? f.expressions.map((_, i) => (i === 0 ? 1 : 0))
      : readList(options.seed, m, '--seed');
  if (options.svg !== undefined) checkWritable(options.svg);
  if (!options.full) {
    const list = trace(f, x, { names: f.variables });
    if (list.entries.length > EXPLAIN_LIMIT) return summary(list, f, x, direction, seed, options);
  }
  const { list, output } = explain(f, x, {
    mode,
    format,
    names: f.variables,
    direction,
    seed,
    ...(options.full ? { maxContributions: Number.POSITIVE_INFINITY } : {}),
  });
  if (options.svg !== undefined) {
    const forward = mode === 'reverse' ? undefined : forwardSweep(list, direction);
    const reverse = mode === 'forward' ? undefined : reverseSweep(list, seed);
    const svg = await graphSvg(list, { ...(forward && { forward }), ...(reverse && { reverse }) });
    try {
      writeFileSync(options.svg, svg);
    } catch (error) {
      throw new UsageError(`--svg: cannot write '${options.svg}': ${(error as Error).message}`);
    }
  }
  return output;
}

export function gradCommand(source: string, options: Options): string {
  const f = parseOne(source, 'grad');
  const x = readPoint(requireAt(options), f.variables, '--at');
  const format = readChoice<OutputFormat>(options.format, FORMATS, 'text', '--format');
  const { result, cost } = withCost(() => valueAndGrad(f)(x));
  const { value, grad } = result;
  if (format === 'json') {
    return toJson({
      expression: source,
      variables: f.variables,
      at: x,
      value,
      gradient: grad,
      cost,
    });
  }
  if (format === 'md') {
    return [
      `f = ${source} at ${pointText(f.variables, x)}`,
      '',
      markdownTable(
        ['', 'value'],
        [
          ['f', formatNumber(value)],
          ...f.variables.map((name, i) => [`∂f/∂${name}`, formatNumber(grad[i] as number)]),
        ],
      ),
    ].join('\n');
  }
  return [
    `f = ${formatNumber(value)}`,
    ...f.variables.map((name, i) => `∂f/∂${name} = ${formatNumber(grad[i] as number)}`),
  ].join('\n');
}

export function jacobianCommand(source: string, options: Options): string {
  const f = parseMany(source);
  const x = readPoint(requireAt(options), f.variables, '--at');
  const mode = readChoice(
    options.mode,
    ['forward', 'reverse', 'auto', 'compare'] as const,
    'reverse',
    '--mode',
  );
  const format = readChoice<OutputFormat>(options.format, FORMATS, 'text', '--format');
  const value = f(x);
  const header = `rows: ${f.expressions.join(' ; ')}\ncolumns: ${f.variables.join(', ')}`;
  const table = (j: readonly (readonly number[])[]) =>
    markdownTable(
      ['', ...f.variables.map((v) => `∂/∂${v}`)],
      j.map((r, i) => [f.expressions[i] ?? '', ...r.map((v) => formatNumber(v))]),
    );
  const about = { expressions: f.expressions, variables: f.variables, at: x, value };
  if (mode !== 'compare') {
    const { result, cost } = withCost(() => jacobian(f, { mode: mode })(x));
    // 'auto' says which way it went: the ledger counts sweeps only if it chose rows.
    const chosen = mode === 'auto' ? (cost.reverseSweeps > 0 ? 'reverse' : 'forward') : mode;
    const note =
      mode === 'auto'
        ? `auto chose ${chosen} mode (${cost.forwardPasses} forward passes, ${cost.reverseSweeps} reverse sweeps)`
        : undefined;
    if (format === 'json') return toJson({ ...about, mode: chosen, jacobian: result, cost });
    if (format === 'md') return [...(note ? [note, ''] : []), table(result)].join('\n');
    return [header, ...(note ? [note] : []), ...result.map(row)].join('\n');
  }
  const comparison = compareModes(f, x);
  const { forward, reverse, maxAbsDifference } = comparison;
  if (format === 'json') {
    return toJson({
      ...about,
      mode: 'compare',
      forward: { jacobian: forward.jacobian, cost: forward.cost },
      reverse: { jacobian: reverse.jacobian, cost: reverse.cost },
      maxAbsDifference,
    });
  }
  if (format === 'md') {
    return [
      '**forward mode** (column by column)',
      '',
      table(forward.jacobian),
      '',
      '**reverse mode** (row by row)',
      '',
      table(reverse.jacobian),
      '',
      `largest difference: ${formatNumber(maxAbsDifference)}`,
      '',
      costTable(comparison),
    ].join('\n');
  }
  return [
    header,
    'forward mode (column by column):',
    ...forward.jacobian.map(row),
    'reverse mode (row by row):',
    ...reverse.jacobian.map(row),
    `largest difference: ${formatNumber(maxAbsDifference)}`,
    '',
    costTable(comparison),
  ].join('\n');
}
