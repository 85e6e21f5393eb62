/** @file The `wengert` command line: dispatch, help, version, and one-line errors with exit code 2. */

import { ParseError } from '../expr/parse-error.ts';
import { adjointCommand } from './adjoint.ts';
import { UsageError } from './args.ts';
import { type FlagSpec, splitArgs } from './argv.ts';
import { explainCommand, gradCommand, jacobianCommand, type Options } from './commands.ts';
import { type Command, HELP } from './help.ts';
import { version } from './version.ts';

const FLAGS = {
  explain: {
    values: ['at', 'mode', 'direction', 'seed', 'format', 'svg'],
    switches: ['full'],
    merged: ['at', 'direction'],
  },
  grad: { values: ['at', 'format'], switches: [], merged: ['at'] },
  jacobian: { values: ['at', 'mode', 'format'], switches: [], merged: ['at'] },
  adjoint: { values: ['at', 'format'], switches: [], merged: ['at'] },
} as const satisfies Record<Command, FlagSpec>;

const COMMANDS = Object.keys(FLAGS) as Command[];

const isCommand = (word: string | undefined): word is Command =>
  word !== undefined && Object.hasOwn(FLAGS, word);

function unknownCommand(word: string): UsageError {
  return new UsageError(
    `unknown command '${word}'; the commands are ${COMMANDS.join(', ')} (see 'wengert help')`,
  );
}

/** One line for any error: a parse error keeps its reason and column, a usage error its message. */
function oneLine(error: unknown): string {
  const message =
    error instanceof ParseError
      ? `parse error at ${error.source.includes('\n') ? `line ${error.line}, column ${error.column}` : `column ${error.column}`}: ${error.reason}`
      : error instanceof Error
        ? error.message
        : String(error);
  return `wengert: ${(message.split('\n')[0] ?? '').replace(/^wengert: /, '')}`;
}

/**
 * Runs one command line and returns what to print and the exit code. Bad
 * flags and bad expressions give one line and code 2, never a stack trace.
 *
 * @example
 * await run(['grad', '-x^2', '--at', 'x=3']); // { output: 'f = -9\n∂f/∂x = -6', code: 0 }
 */
export async function run(argv: readonly string[]): Promise<{ output: string; code: number }> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) return { output: HELP.main, code: 2 };
    if (command === '--help' || command === '-h') return { output: HELP.main, code: 0 };
    if (command === '--version' || command === '-v') return { output: version(), code: 0 };
    if (command === 'help') {
      const [topic, ...extra] = rest;
      if (extra.length > 0) throw new UsageError(`help takes one command; got ${rest.join(' ')}`);
      if (topic === undefined) return { output: HELP.main, code: 0 };
      if (!isCommand(topic)) throw unknownCommand(topic);
      return { output: HELP[topic], code: 0 };
    }
    if (!isCommand(command)) {
      if (command.startsWith('-')) {
        throw new UsageError(
          `'${command}' before a command; usage: wengert <command> ... (see 'wengert help')`,
        );
      }
      throw unknownCommand(command);
    }
    const { values, switches, positionals } = splitArgs(command, rest, FLAGS[command]);
    if (switches.has('help')) return { output: HELP[command], code: 0 };
    // '-at' for '--at': a word with one minus is an expression, unless there are too many.
    const slip = positionals.find((p) =>
      (FLAGS[command].values as readonly string[]).includes(p.slice(1)),
    );
    if (positionals.length > 1 && slip !== undefined) {
      throw new UsageError(`${command}: '${slip}' is not an option; write -${slip} (two minuses)`);
    }
    if (positionals.length !== 1) {
      const got =
        positionals.length === 0
          ? 'none'
          : `${positionals.length}: ${positionals.map((p) => `'${p}'`).join(', ')}`;
      throw new UsageError(
        `${command} takes one expression in quotes, e.g. wengert ${command} "x*y" --at x=1,y=2; got ${got}`,
      );
    }
    const source = positionals[0] as string;
    const options: Options = { ...Object.fromEntries(values), full: switches.has('full') };
    const output =
      command === 'explain'
        ? await explainCommand(source, options)
        : command === 'grad'
          ? gradCommand(source, options)
          : command === 'adjoint'
            ? adjointCommand(source, options)
            : jacobianCommand(source, options);
    return { output, code: 0 };
  } catch (error) {
    return { output: oneLine(error), code: 2 };
  }
}
