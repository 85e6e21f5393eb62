/** @file The help text of each command. */

/** Steps above which explain prints a summary instead of its tables (unless --full). */
export const EXPLAIN_LIMIT = 200;

const POINT = `  --at x=2,y=3         the point (or values in the variables' alphabetical order: 2,3);
                       may be repeated: --at x=2 --at y=3. Values must be finite numbers:
                       Infinity, NaN and literals that overflow (1e400) are refused`;

const EXPRESSION = `An expression that starts with a minus works as is: wengert grad "-x^2" --at x=3.`;

export const HELP = {
  main: `wengert: automatic differentiation you can watch

Usage: wengert <command> "<expression>" --at x=2,y=3 [options]

Commands:
  explain   the Wengert list of an expression with its forward and reverse sweeps
  grad      the value and gradient of an expression
  jacobian  the Jacobian of several expressions, by forward mode, reverse mode, or both
  adjoint   the program reverse mode runs for an expression, written out as JavaScript

  wengert help <command>   the options of a command (or: wengert <command> --help)
  wengert --version        the version

Expressions: numbers, variables, + - * / ^, parentheses, pi, e and the primitives
by name (sin(x), atan2(y, x)). The CLI evaluates at finite points only; the library
follows IEEE 754 (log(0) is -Infinity) and takes any number.

Mistakes print one line and exit with code 2.`,
  explain: `Usage: wengert explain "<expr>" --at x=2,y=3 [options]

Prints the Wengert list of one evaluation, then the forward sweep (tangents)
and the reverse sweep (adjoints, with every +=). Several expressions separated
by ';' are one function with several outputs (--seed picks the output).
A row of the reverse sweep lists at most 6 contributions and counts the rest.
A trace of more than ${EXPLAIN_LIMIT} steps prints a summary (value, tangent, gradient,
size); --full prints every table.
${EXPRESSION}

Options:
${POINT}
  --mode MODE          forward, reverse or both (default both)
  --direction x=1,y=0  input tangents for the forward sweep (default: 1 on the first input)
  --seed 1             output adjoints for the reverse sweep (default: 1 on the first output)
  --format FORMAT      text, md or latex (default text)
  --svg FILE           also write the computational graph as SVG (the folder must exist)
  --full               print every step and every contribution, however long
  --help               this text`,
  grad: `Usage: wengert grad "<expr>" --at x=2,y=3 [--format text|json|md]

Prints the value and the gradient, by reverse mode (one recording, one sweep).
For several expressions (a Jacobian), use wengert jacobian.
${EXPRESSION}

Options:
${POINT}
  --format FORMAT      text (default), json (expression, variables, at, value,
                       gradient, cost) or md (a Markdown table)
  --help               this text

In json, a value that is not finite (log(0) at 0) is the string "-Infinity",
"Infinity" or "NaN".`,
  jacobian: `Usage: wengert jacobian "<expr1>; <expr2>; ..." --at x=2,y=3 [options]

Prints the Jacobian: one row per expression, one column per variable.
${EXPRESSION}

Options:
${POINT}
  --mode MODE          forward (column by column), reverse (row by row), auto
                       (whichever applies fewer primitives; says which), or compare:
                       both Jacobians and their cost ledgers side by side (default reverse)
  --format FORMAT      text (default), json (expressions, variables, at, value,
                       jacobian, cost; both of each for compare) or md (Markdown tables)
  --help               this text

In json, a value that is not finite is the string "-Infinity", "Infinity" or "NaN".`,
  adjoint: `Usage: wengert adjoint "<expr>" [--at x=2,y=3] [--format ts|md]

Prints the program reverse mode runs for the expression, as a JavaScript function
(x) => { ...; return { value, grad }; }: the forward sweep, one assignment per tape
entry, then the reverse sweep, one += per entry with its rule as a comment. It uses
plain arithmetic and Math.* only, so it runs as it is (paste it, or eval it).
Expressions have no branches, so the program is the same at every point.
${EXPRESSION}

Options:
  --at x=2,y=3         where the value and gradient printed above the program are taken
                       (default 1 for every variable); written as for grad (x=2,y=3 or
                       2,3, finite numbers only)
  --format FORMAT      ts (default): the program under two comment lines, plain
                       JavaScript (no type annotations); md: a heading, a sentence and a
                       fenced js block
  --help               this text`,
} as const;

export type Command = Exclude<keyof typeof HELP, 'main'>;
