/** @file The help text of each command. */

export const HELP = {
  main: `wengert: automatic differentiation you can watch

Usage: wengert <command> [options]

Commands:
  explain   the Wengert list of an expression with its forward and reverse sweeps
  grad      the gradient of an expression
  jacobian  the Jacobian of several expressions, by forward mode, reverse mode, or both

Run 'wengert <command> --help' for its options.`,
  explain: `Usage: wengert explain "<expr>" --at x=2,y=3 [options]

Prints the Wengert list of one evaluation, then the forward sweep (tangents)
and the reverse sweep (adjoints, with every +=).

Options:
  --at x=2,y=3         the point (or values in the variables' alphabetical order: 2,3)
  --mode MODE          forward, reverse or both (default both)
  --direction x=1,y=0  input tangents for the forward sweep (default: 1 on the first input)
  --seed 1             output adjoints for the reverse sweep (default: 1 on the first output)
  --format FORMAT      text, md or latex (default text)
  --svg FILE           also write the computational graph as SVG
  --help               this text`,
  grad: `Usage: wengert grad "<expr>" --at x=2,y=3

Prints the value and the gradient, by reverse mode (one recording, one sweep).

Options:
  --at x=2,y=3   the point (or values in the variables' alphabetical order: 2,3)
  --help         this text`,
  jacobian: `Usage: wengert jacobian "<expr1>; <expr2>; ..." --at x=2,y=3 [--mode MODE]

Prints the Jacobian: one row per expression, one column per variable.

Options:
  --at x=2,y=3   the point (or values in the variables' alphabetical order: 2,3)
  --mode MODE    forward (column by column), reverse (row by row), or compare:
                 both Jacobians and their cost ledgers side by side (default reverse)
  --help         this text`,
} as const;

export type Command = Exclude<keyof typeof HELP, 'main'>;
