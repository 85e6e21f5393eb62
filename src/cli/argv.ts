/**
 * @file Splitting a command's arguments into its flags and the one expression, which may start with a minus.
 *
 * Node's `parseArgs` reads `-x^2` as the short options x and ^, but every
 * flag of wengert is long (`--at`), so here a word with a single leading
 * minus is an expression (`-x^2`, `-1 + x`), and only `-h` is a flag.
 */

import { UsageError } from './args.ts';

/** The flags of one command: those that take a value, and switches. */
export interface FlagSpec {
  readonly values: readonly string[];
  readonly switches: readonly string[];
  /** Value flags that may be repeated; their values are joined with commas (`--at x=1 --at y=2`). */
  readonly merged: readonly string[];
}

export interface CommandLine {
  readonly values: ReadonlyMap<string, string>;
  readonly switches: ReadonlySet<string>;
  readonly positionals: readonly string[];
}

/** "--at, --format and --help", for messages. */
function flagList(spec: FlagSpec): string {
  const all = [...spec.values, ...spec.switches, 'help'].map((f) => `--${f}`);
  return all.length === 1 ? (all[0] as string) : `${all.slice(0, -1).join(', ')} and ${all.at(-1)}`;
}

/**
 * Reads `args` (what follows the command's name). `--name value`,
 * `--name=value`, switches, `-h`, and `--` before an expression that must
 * not be read as a flag. Mistakes name the command and its flags.
 *
 * @example
 * splitArgs('grad', ['-x^2', '--at', 'x=3'], spec); // positionals ['-x^2'], values at → 'x=3'
 */
export function splitArgs(command: string, args: readonly string[], spec: FlagSpec): CommandLine {
  const values = new Map<string, string>();
  const switches = new Set<string>();
  const positionals: string[] = [];
  const hint = `see 'wengert help ${command}'`;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-h') {
      switches.add('help');
      continue;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    if (name === 'help' || spec.switches.includes(name)) {
      if (eq >= 0) throw new UsageError(`${command}: --${name} takes no value; ${hint}`);
      switches.add(name);
      continue;
    }
    if (!spec.values.includes(name)) {
      throw new UsageError(
        `${command}: unknown option '--${name}'; ${command} takes ${flagList(spec)} (${hint})`,
      );
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    // A value may start with one minus (--at -1,2), never with two: that is the next flag.
    else if (i + 1 < args.length && !(args[i + 1] as string).startsWith('--')) value = args[++i];
    if (value === undefined) throw new UsageError(`${command}: --${name} needs a value; ${hint}`);
    const before = values.get(name);
    if (before !== undefined && !spec.merged.includes(name)) {
      throw new UsageError(`${command}: --${name} is given twice ('${before}' and '${value}')`);
    }
    values.set(name, before === undefined ? value : `${before},${value}`);
  }
  return { values, switches, positionals };
}
