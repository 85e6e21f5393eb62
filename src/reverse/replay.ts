/** @file Replay: a recording made once, run again at new points from the rules alone (compile's engine). */

import { noteRecording, noteSweep } from '../core/ledger.ts';
import { flattenOutput } from '../core/point.ts';
import type { Num } from '../core/value.ts';
import { addRule, divRule, mulRule, negRule, subRule } from '../primitives/arithmetic.ts';
import { COMPARISONS, compareNumbers } from '../primitives/comparison.ts';
import { type AnyScalarRule, ruleById } from '../primitives/lookup.ts';
import { readEntry } from './entries.ts';
import { type OtherRow, type ReplayLoops, replayLoops } from './replay-loops.ts';
import { COMPARE_OP, Tape } from './tape.ts';
import { TapeVar } from './tape-var.ts';

const SYMBOL = ['<', '≤', '>', '≥', '=', '≠'];
/** The ops replay computes in its loops, each with its rule's functions (see Replay.forward). */
export const FAST_RULES = [addRule, subRule, mulRule, divRule, negRule];
const [ADD, SUB, MUL, DIV, NEG] = FAST_RULES.map((rule) => rule.id);

/**
 * Records f at x0 on a tape that keeps comparisons and constant operands
 * (and refuses decisions made with toNumber), ready to be replayed.
 */
export function recordForReplay(f: (x: never) => unknown, x0: readonly number[]): Replay {
  const tape = new Tape();
  tape.replayable = true;
  tape.display = { values: [], constants: new Map() };
  const vars = x0.map((p) => tape.input(p) as TapeVar);
  let out: Num;
  try {
    const result = flattenOutput('compile', (f as (x: unknown) => unknown)(vars));
    if (result.isArray) {
      throw new Error('wengert: compile: f must return one number (a loss); it returned an array');
    }
    out = result.values[0] as Num;
  } finally {
    tape.end();
  }
  const replay = new Replay(tape, out);
  tape.display = null;
  return replay;
}

/**
 * The recording as one program over value slots: entry k's value sits in
 * slot k, and each constant operand (the 5 of 5·w3) gets a slot of its own
 * after the entries, filled once here, so a replay reads every operand as
 * `values[slot]` with no test for "constant or entry". One last slot, 0,
 * stands for an absent second operand. Entry inputs + e is row e.
 */
interface Program {
  readonly ops: Uint8Array;
  readonly in0: Int32Array;
  readonly in1: Int32Array;
  /** Value slots: entries, constants, the absent operand. */
  readonly slots: number;
  readonly constants: Float64Array;
}

function compileProgram(tape: Tape): Program {
  const rows = tape.size - tape.inputs;
  const ops = new Uint8Array(rows);
  const in0 = new Int32Array(rows);
  const in1 = new Int32Array(rows);
  const constants: number[] = [];
  const stored = tape.display?.constants ?? new Map();
  // a constant operand's value: kept in the partial slot for a comparison, by the recording otherwise
  const slotOf = (id: number, stored: Num | null | undefined, kept: Num): number =>
    id >= 0 ? id : tape.size + constants.push((stored ?? kept) as number) - 1;
  for (let k = tape.inputs, e = 0; k < tape.size; k++, e++) {
    const { op, in0: i, in1: j, d0, d1 } = readEntry(tape, k);
    const [a, b] = stored.get(k) ?? [null, null];
    const unary = op !== COMPARE_OP && (ruleById(op) as AnyScalarRule).arity === 1;
    ops[e] = op;
    in0[e] = slotOf(i, a, op === COMPARE_OP ? d0 : 0);
    in1[e] = unary ? -1 : slotOf(j, b, op === COMPARE_OP ? d1 : 0);
  }
  const slots = tape.size + constants.length + 1;
  for (let e = 0; e < rows; e++) if (in1[e] === -1) in1[e] = slots - 1;
  return { ops, in0, in1, slots, constants: Float64Array.from(constants) };
}

/** The recording and the buffers a replay works in, kept between calls. */
export class Replay {
  private readonly program: Program;
  /** Every slot's value; then its adjoint, and each row's local partials. */
  private readonly values: Float64Array;
  private readonly adjoint: Float64Array;
  private readonly d0: Float64Array;
  private readonly d1: Float64Array;
  private readonly output: number;
  private readonly outputConstant: number;
  /** The two loops written out for these arrays (replay-loops.ts), or these methods where that is refused. */
  private readonly loops: ReplayLoops;

  constructor(
    private readonly tape: Tape,
    out: Num,
  ) {
    if (tape.matrixEntries.length > 0) throw new Error('wengert: compile: scalar tapes only');
    const program = compileProgram(tape);
    this.program = program;
    this.values = new Float64Array(program.slots);
    this.values.set(program.constants, tape.size);
    this.adjoint = new Float64Array(program.slots);
    this.d0 = new Float64Array(program.ops.length);
    this.d1 = new Float64Array(program.ops.length);
    const onTape = out instanceof TapeVar && out.trace === tape;
    this.output = onTape ? out.index : -1;
    this.outputConstant = onTape ? 0 : (out as number);
    const { values, adjoint, d0, d1 } = this;
    const arrays = { values, adjoint, d0, d1, ...program, base: tape.inputs };
    this.loops = replayLoops(arrays, FAST_RULES, this.other) ?? {
      forward: () => this.forward(),
      reverse: () => this.reverse(),
    };
  }

  run(at: readonly number[]): { value: number; grad: number[] } {
    const { tape, values, adjoint } = this;
    const n = tape.inputs;
    if (at.length !== n) {
      throw new Error(`wengert: compile: the tape was recorded with ${n} inputs, got ${at.length}`);
    }
    for (let i = 0; i < n; i++) values[i] = at[i] as number;
    this.loops.forward();
    noteRecording(0, tape.size - n);
    adjoint.fill(0);
    if (this.output >= 0) adjoint[this.output] = 1;
    this.loops.reverse();
    noteSweep(tape.size - n);
    const grad = new Array<number>(n);
    for (let i = 0; i < n; i++) grad[i] = adjoint[i] as number;
    return {
      value: this.output >= 0 ? (values[this.output] as number) : this.outputConstant,
      grad,
    };
  }

  /** Row by row: operands from their slots, then the rule's primal and partials. */
  private forward(): void {
    const { values, d0, d1 } = this;
    const { ops, in0, in1 } = this.program;
    const base = this.tape.inputs;
    // the fast cases' functions, read once: an imported binding can cost a getter call per read
    const add = addRule.primal;
    const [addA, addB] = addRule.partials;
    const sub = subRule.primal;
    const [subA, subB] = subRule.partials;
    const mul = mulRule.primal;
    const [mulA, mulB] = mulRule.partials;
    const div = divRule.primal;
    const [divA, divB] = divRule.partials;
    const { primal: neg, partial: negD } = negRule;
    for (let e = 0, k = base; e < ops.length; e++, k++) {
      const i = in0[e] as number;
      const j = in1[e] as number;
      const a = values[i] as number;
      const b = values[j] as number;
      const op = ops[e] as number;
      // The common ops get call sites of their own here, which the engine can
      // inline (one shared call site for every rule is far slower). Same
      // rules, same results: test/compile.test.ts checks each against its rule.
      if (op === ADD) {
        const z = add(a, b);
        values[k] = z;
        d0[e] = addA(a, b, z) as number;
        d1[e] = addB(a, b, z) as number;
      } else if (op === MUL) {
        const z = mul(a, b);
        values[k] = z;
        d0[e] = mulA(a, b, z) as number;
        d1[e] = mulB(a, b, z) as number;
      } else if (op === SUB) {
        const z = sub(a, b);
        values[k] = z;
        d0[e] = subA(a, b, z) as number;
        d1[e] = subB(a, b, z) as number;
      } else if (op === DIV) {
        const z = div(a, b);
        values[k] = z;
        d0[e] = divA(a, b, z) as number;
        d1[e] = divB(a, b, z) as number;
      } else if (op === NEG) {
        const y = neg(a);
        values[k] = y;
        d0[e] = negD(a, y) as number;
      } else {
        this.other(e, k, op, i, j, a, b);
      }
    }
  }

  /** Row e (entry k) of any other op: a comparison re-checked, or the rule's primal and partials. */
  private readonly other: OtherRow = (e, k, op, i, j, a, b) => {
    const { values, d0, d1 } = this;
    if (op === COMPARE_OP) {
      this.check(e, k, a, b);
      return;
    }
    const rule = ruleById(op) as AnyScalarRule;
    const size = this.tape.size;
    if (rule.arity === 1) {
      const y = rule.primal(a);
      values[k] = y;
      d0[e] = rule.partial(a, y) as number;
    } else {
      // a constant operand's partial is never used; some are NaN (pow's ln x at x < 0)
      const z = rule.primal(a, b);
      values[k] = z;
      d0[e] = i < size ? (rule.partials[0](a, b, z) as number) : 0;
      d1[e] = j < size ? (rule.partials[1](a, b, z) as number) : 0;
    }
  };

  /**
   * The reverse sweep of sweep.ts over the program's rows: w̄_i += (∂w_k/∂w_i) · w̄_k,
   * from the last row to the first, skipping a zero adjoint. A constant's or the
   * absent operand's slot receives contributions too, and nothing reads them: that
   * spares the loop a test per operand.
   */
  private reverse(): void {
    const { adjoint, d0, d1 } = this;
    const { in0, in1 } = this.program;
    const base = this.tape.inputs;
    for (let e = in0.length - 1; e >= 0; e--) {
      const bar = adjoint[base + e] as number;
      if (bar === 0) continue;
      const i = in0[e] as number;
      const j = in1[e] as number;
      adjoint[i] = (adjoint[i] as number) + (d0[e] as number) * bar;
      adjoint[j] = (adjoint[j] as number) + (d1[e] as number) * bar;
    }
  }

  /** Throws if the comparison recorded at entry k (row e) comes out differently at this point. */
  private check(e: number, k: number, a: number, b: number): void {
    const { code, result } = this.tape.comparisons.get(k) as { code: number; result: boolean };
    if (compareNumbers(code, a, b) === result) return;
    const size = this.tape.size;
    const name = (slot: number, v: number) => (slot < size ? `w${slot + 1} = ${v}` : String(v));
    throw new Error(
      `wengert: compile: a branch flips at this point: the comparison ${COMPARISONS[code]} ` +
        `(${name(this.program.in0[e] as number, a)} ${SYMBOL[code]} ` +
        `${name(this.program.in1[e] as number, b)}) was ${result} when f was recorded ` +
        `and is ${!result} now, so the tape no longer describes f here; compile again at this ` +
        'point, or use grad',
    );
  }
}
