/** @file The `wengert` command line: dispatch, flags, and one-line errors with exit code 2. */

import { parseArgs } from 'node:util';
import { ParseError } from '../expr/parse-error.ts';
import { UsageError } from './args.ts';
import { explainCommand, gradCommand, jacobianCommand, type Options } from './commands.ts';
import { type Command, HELP } from './help.ts';

const FLAGS = {
  explain: ['at', 'mode', 'direction', 'seed', 'format', 'svg'],
  grad: ['at'],
  jacobian: ['at', 'mode'],
} as const satisfies Record<Command, readonly (keyof Options)[]>;

const isCommand = (word: string | undefined): word is Command =>
  word !== undefined && Object.hasOwn(FLAGS, word);

/**
 * Runs one command line and returns what to print and the exit code. Bad
 * flags and bad expressions give one line and code 2, never a stack trace.
 */
export async function run(argv: readonly string[]): Promise<{ output: string; code: number }> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    return { output: HELP.main, code: command === undefined ? 2 : 0 };
  }
  try {
    if (!isCommand(command))
      throw new UsageError(`unknown command '${command}'; try explain, grad or jacobian`);
    const { values, positionals } = parseArgs({
      args: [...rest],
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        ...Object.fromEntries(FLAGS[command].map((flag) => [flag, { type: 'string' as const }])),
      },
    });
    if (values.help) return { output: HELP[command], code: 0 };
    if (positionals.length !== 1) {
      throw new UsageError(`${command} takes one expression in quotes; got ${positionals.length}`);
    }
    const source = positionals[0] as string;
    const options = values as Options;
    const output =
      command === 'explain'
        ? await explainCommand(source, options)
        : command === 'grad'
          ? gradCommand(source, options)
          : jacobianCommand(source, options);
    return { output, code: 0 };
  } catch (error) {
    // A parse error's message has a caret line under the source; one line keeps its reason.
    const message =
      error instanceof ParseError
        ? `parse error at column ${error.column}: ${error.reason}`
        : error instanceof Error
          ? error.message
          : String(error);
    const line = (message.split('\n')[0] ?? '').replace(/^wengert: /, '');
    return { output: `wengert: ${line}`, code: 2 };
  }
}
