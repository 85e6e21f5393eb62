/** @file A scalar program recorded once and read back as straight-line steps on symbols: what generated source is printed from. */

import { flattenInput } from '../core/point.ts';
import { describe, isMat, type Value } from '../core/value.ts';
import { ruleById } from '../primitives/lookup.ts';
import { readEntry } from '../reverse/entries.ts';
import { record } from '../reverse/recording.ts';
import { COMPARE_OP, INPUT_OP, type Tape } from '../reverse/tape.ts';
import { TapeVar } from '../reverse/tape-var.ts';
import { type Name, type Node, numberNode } from '../symbolic/node.ts';
import { type Sym, SymbolicTrace } from '../symbolic/symbol.ts';

/** The names of SSA value n in code and in formulas: w3, its adjoint w3_bar (w̄3) and its tangent w3_dot (ẇ3). */
export interface Names {
  readonly w: Name;
  readonly bar: Name;
  readonly dot: Name;
}

/** An operation's operand: an earlier value, or a constant. */
export type Operand = Names | number;

/** One step of the program, in tape order. */
export type Step =
  | {
      readonly kind: 'input';
      readonly names: Names;
      readonly position: number;
      readonly label: string;
    }
  | {
      readonly kind: 'entry';
      readonly names: Names;
      readonly operands: readonly Operand[];
      /** The operation exactly as recorded, one primitive on its operands (not simplified). */
      readonly operation: Node;
      /** ∂(this)/∂(operand i) on symbols standing for any point, or null for a constant operand. */
      readonly partials: readonly (Value | null)[];
      /** A symbol on the partials' trace, to build adjoint and tangent terms with. */
      readonly symbol: (name: Name) => Sym;
    }
  | {
      readonly kind: 'guard';
      readonly code: number;
      readonly operands: readonly [Operand, Operand];
      readonly result: boolean;
    };

/** A recorded program: its steps, inputs and outputs. */
export interface StraightLine {
  readonly fn: string;
  readonly steps: readonly Step[];
  readonly inputs: readonly Names[];
  /** The inputs' names for a reader (x, y), as in comments. */
  readonly labels: readonly string[];
  /** Whether x0 was an array (the source then reads x[i]), or one number (it reads x). */
  readonly inputIsArray: boolean;
  readonly outputs: readonly Operand[];
  readonly outputIsArray: boolean;
}

/** The SSA names of value n (1-based). */
export function namesOf(n: number): Names {
  return {
    w: { latex: `w_{${n}}`, text: `w${n}`, ts: `w${n}` },
    bar: { latex: `\\bar{w}_{${n}}`, text: `w̄${n}`, ts: `w${n}_bar` },
    dot: { latex: `\\dot{w}_{${n}}`, text: `ẇ${n}`, ts: `w${n}_dot` },
  };
}

/**
 * Records f once at x0, on a tape that keeps comparisons and refuses
 * toNumber (as compile's does), and reads it back: inputs, one step per
 * operation with its partials rendered on symbols that stand for any
 * point (piecewise partials stay choices), and one guard per comparison.
 * Values are numbered w1, w2, ... in tape order, as trace numbers them.
 * `names(n)` gives the n inputs' names for a reader; with `exact` the
 * partials are kept as the rules write them, unsimplified (SymbolicTrace),
 * for code that must compute what the engine computes.
 */
export function straightLine(
  fn: string,
  f: (x: never) => unknown,
  x0: unknown,
  { names, exact = false }: { names: (inputs: number) => readonly string[]; exact?: boolean },
): StraightLine {
  const x = flattenInput(fn, 'x0', x0);
  x.values.forEach((v, i) => {
    if (typeof v !== 'number') {
      throw new TypeError(
        `wengert: ${fn}: ${x.isArray ? `x0[${i}]` : 'x0'} is ${describe(v)}; generated source is ` +
          'for scalar programs, recorded at plain numbers',
      );
    }
  });
  const labels = names(x.values.length);
  if (labels.length !== x.values.length) {
    throw new Error(`wengert: ${fn}: ${labels.length} names given for ${x.values.length} inputs`);
  }
  const broken = labels.find((l) => /[\n\r\u2028\u2029]/.test(l));
  if (broken !== undefined) {
    throw new Error(`wengert: ${fn}: the input name ${JSON.stringify(broken)} has a line break`);
  }
  const rec = record(fn, f, x, { forDisplay: true, replayable: true });
  try {
    const mat = rec.outputs.findIndex(isMat);
    if (mat >= 0) {
      throw new TypeError(
        `wengert: ${fn}: f returned a matrix${rec.isArray ? ` (output ${mat})` : ''}; generated ` +
          'source is for scalar programs',
      );
    }
    const { steps, names: entryNames } = readSteps(fn, rec.tape, labels, exact);
    return {
      fn,
      steps,
      inputs: entryNames.slice(0, x.values.length) as Names[],
      labels,
      inputIsArray: x.isArray,
      outputs: rec.outputs.map((y) =>
        y instanceof TapeVar && y.trace === rec.tape
          ? (entryNames[y.index] as Names)
          : plain(y, fn),
      ),
      outputIsArray: rec.isArray,
    };
  } finally {
    rec.tape.release();
  }
}

/** Every tape entry as a step; `names[k]` are entry k's names (comparisons hold no value and get none). */
function readSteps(
  fn: string,
  tape: Tape,
  labels: readonly string[],
  exact: boolean,
): { steps: Step[]; names: Names[] } {
  const steps: Step[] = [];
  const names: Names[] = [];
  const constants = tape.display?.constants ?? new Map();
  let n = 0;
  for (let k = 0; k < tape.size; k++) {
    const { op, in0, in1, d0, d1 } = readEntry(tape, k);
    if (op === COMPARE_OP) {
      // a comparison keeps a constant operand in its partial slot
      const operand = (id: number, d: unknown): Operand =>
        id >= 0 ? (names[id] as Names) : (d as number);
      const { code, result } = tape.comparisons.get(k) as { code: number; result: boolean };
      steps.push({ kind: 'guard', code, operands: [operand(in0, d0), operand(in1, d1)], result });
      continue;
    }
    const own = namesOf(++n);
    names[k] = own;
    if (op === INPUT_OP) {
      steps.push({ kind: 'input', names: own, position: k, label: labels[k] as string });
      continue;
    }
    const rule = ruleById(op);
    if (rule === undefined) throw new Error(`wengert: unknown op code ${op} on the tape`);
    const given = constants.get(k);
    const operands = [in0, in1]
      .slice(0, rule.arity)
      .map((id, i): Operand => (id >= 0 ? (names[id] as Names) : plain(given?.[i], fn)));
    const t = new SymbolicTrace(exact);
    const symbol = (name: Name) => t.symbol(name);
    const args = operands.map((o) => (typeof o === 'number' ? o : symbol(o.w)));
    const out = symbol(own.w);
    const partials = args.map((a, i) => {
      if (typeof a === 'number') return null; // a constant's partial is never computed
      return rule.arity === 1
        ? rule.partial(a, out)
        : rule.partials[i === 0 ? 0 : 1](args[0] as Value, args[1] as Value, out);
    });
    const operation: Node = {
      kind: 'apply',
      op: rule,
      args: operands.map((o) => (typeof o === 'number' ? numberNode(o) : symbolNode(o.w))),
    };
    steps.push({ kind: 'entry', names: own, operands, operation, partials, symbol });
  }
  return { steps, names };
}

/**
 * A constant as a plain number. A traced value of an outer transform (f
 * called inside grad, closing over its variable) has no number the source
 * could hold.
 */
function plain(v: unknown, fn: string): number {
  if (typeof v === 'number') return v;
  throw new TypeError(
    `wengert: ${fn}: f used ${String(v)}, a value of another differentiation, as a constant; ` +
      'generated source holds plain numbers only, so pass that value to f as an input',
  );
}

function symbolNode(name: Name): Node {
  return { kind: 'symbol', name };
}
