/** @file Everything the lab shows at one step of a sweep: the values so far, the step's formulas and words, and the result. */

import { formatNumber, reverseSweep } from '../src/index.ts';
import { numberLatex } from '../src/symbolic/number.ts';
import { type Formulas, formulas } from './formulas.ts';
import type { Mode } from './hash.ts';
import type { Sweeps } from './program.ts';
import { reached } from './so-far.ts';
import { type Position, position, sweepOrder } from './stepper.ts';

/** data-result: forward, the output tangent (null until computed); reverse, the input adjoints so far. */
export type SweepResult = number | null | readonly (number | null)[];

export interface Frame {
  readonly position: Position;
  /** Per entry, its tangent (undefined until computed) or its adjoint as it stands. */
  readonly values: readonly (number | undefined)[];
  /** Reverse, with `=` instead of `+=`: each adjoint as the bug has it at this step. */
  readonly assigned: readonly number[] | undefined;
  /** Entries whose adjoint received a contribution at this step. */
  readonly receivers: ReadonlySet<number>;
  /** The step's formulas, one LaTeX line each. */
  readonly lines: readonly string[];
  /** The step in words, for the aria-live region. */
  readonly words: string;
  readonly result: SweepResult;
}

const bar = (k: number) => `\\bar{w}_{${k + 1}}`;
/** A vector as `(a, b)`: no thousands separators, since commas part the entries. */
const vector = (xs: readonly (number | null | undefined)[]) =>
  `(${xs.map((x) => (x === null || x === undefined ? '?' : formatNumber(x, { thousands: false }))).join(', ')})`;

/**
 * A result for the reader: a number, `?` for one not computed yet, and
 * arrays (a Jacobian's rows) in brackets, every number by the one formatter.
 * data-result keeps the full-precision JSON for the checks.
 */
export function resultText(result: SweepResult | readonly (readonly (number | null)[])[]): string {
  if (result === null) return '?';
  if (typeof result === 'number') return formatNumber(result, { thousands: false });
  return `[${result.map((r) => resultText(r)).join(', ')}]`;
}

/** What a program computes once and every frame reuses: its formulas, and the adjoints after each step. */
interface Memo {
  readonly formulas: Formulas;
  /** Keyed by `steps:assign`: stepping on needs the previous step's adjoints again, as "before". */
  readonly adjoints: Map<string, readonly number[]>;
}
const memos = new WeakMap<Sweeps, Memo>();
function memoOf(program: Sweeps): Memo {
  let memo = memos.get(program);
  if (memo === undefined) {
    memo = { formulas: formulas(program), adjoints: new Map() };
    memos.set(program, memo);
  }
  return memo;
}

/**
 * The adjoints after the reverse sweep's first `steps` visits, from the
 * engine's sweep over what it has reached.
 */
function adjointsAt(program: Sweeps, steps: number, assign: boolean): readonly number[] {
  const { adjoints } = memoOf(program);
  const key = `${steps}:${assign}`;
  let found = adjoints.get(key);
  if (found === undefined) {
    const visited = new Set(sweepOrder(program.list, 'reverse').slice(0, steps));
    found = reverseSweep(reached(program.list, visited, assign), program.seed).adjoints;
    adjoints.set(key, found);
  }
  return found;
}

function forwardFrame(program: Sweeps, at: Position): Frame {
  const { list, forward } = program;
  const math = memoOf(program).formulas;
  const known = (k: number) => list.entries[k]?.op === 'input' || at.visited.has(k);
  const values = forward.tangents.map((t, k) => (known(k) ? t : undefined));
  const outputs = list.outputs.map((o) => (o.kind === 'entry' ? (values[o.index] ?? null) : 0));
  const result = list.isArray ? outputs : (outputs[0] ?? null);
  const inputs = list.entries.filter((e) => e.op === 'input').map((e) => math.tangent(e.index));
  const k = at.current;
  const step = k === undefined ? undefined : { primal: math.primal(k), tangent: math.tangent(k) };
  let words =
    step === undefined
      ? `Start: each input's tangent is the direction: ${inputs.map((t) => t.text).join(', ')}.`
      : `Step ${at.step} of ${at.total}: ${step.primal.text}; its tangent ${step.tangent.text}.`;
  if (at.step === at.total)
    words += ` Sweep done: the output tangent is ${list.isArray ? vector(outputs) : vector(outputs).slice(1, -1)}.`;
  return {
    position: at,
    values,
    assigned: undefined,
    receivers: new Set(),
    lines:
      step === undefined ? inputs.map((t) => t.latex) : [step.primal.latex, step.tangent.latex],
    words,
    result,
  };
}

function reverseFrame(program: Sweeps, at: Position, assign: boolean): Frame {
  const { list, seed } = program;
  const math = memoOf(program).formulas;
  const values = adjointsAt(program, at.step, false);
  const assigned = assign ? adjointsAt(program, at.step, true) : undefined;
  const inputs = list.entries.filter((e) => e.op === 'input').map((e) => values[e.index] ?? 0);
  const k = at.current;
  const lines: string[] = [];
  const said: string[] = [];
  const receivers = new Set<number>();
  if (k === undefined) {
    list.outputs.forEach((o, i) => {
      if (o.kind !== 'entry') return;
      lines.push(`${bar(o.index)} = \\bar{y}_{${i + 1}} = ${numberLatex(seed[i] ?? 0)}`);
      said.push(`w̄${o.index + 1} = ${formatNumber(seed[i] ?? 0)}`);
    });
  } else {
    const before = adjointsAt(program, at.step - 1, false);
    const sends = math.sends(k);
    lines.push(math.primal(k).latex, `${bar(k)} = ${numberLatex(values[k] ?? 0)}`);
    for (const send of sends) {
      lines.push(send.latex);
      receivers.add(send.receiver);
    }
    for (const i of receivers) {
      const amounts = sends.filter((s) => s.receiver === i).map((s) => numberLatex(s.amount, true));
      const sum = [numberLatex(before[i] ?? 0), ...amounts].join(' + ');
      let line = `${bar(i)} = ${sum} = ${numberLatex(values[i] ?? 0)}`;
      if (assigned !== undefined)
        line += ` \\qquad \\text{(with } = \\text{ instead: } ${numberLatex(assigned[i] ?? 0)}\\text{)}`;
      lines.push(line);
    }
    said.push(math.primal(k).text, `its adjoint w̄${k + 1} = ${formatNumber(values[k] ?? 0)}`);
    if (sends.length === 0) said.push('it sends nothing back');
    for (const send of sends)
      said.push(`${send.text}, now ${formatNumber(values[send.receiver] ?? 0)}`);
  }
  let words =
    k === undefined
      ? `Start: each output's adjoint is its seed: ${said.join(', ')}.`
      : `Step ${at.step} of ${at.total}: ${said.join('; ')}.`;
  if (at.step === at.total) words += ` Sweep done: the input adjoints are ${vector(inputs)}.`;
  return { position: at, values, assigned, receivers, lines, words, result: inputs };
}

/**
 * The frame of `program`'s sweep in `mode` after `step` steps; `assign`
 * also runs the reverse sweep with `=` in place of `+=`.
 *
 * @example
 * frame(program, 'reverse', 'end', false).result; // the gradient, as grad(f)(x)
 */
export function frame(program: Sweeps, mode: Mode, step: number | 'end', assign: boolean): Frame {
  const at = position(program.list, mode, step);
  return mode === 'forward' ? forwardFrame(program, at) : reverseFrame(program, at, assign);
}
