/** @file Replay: a recording made once, run again at new points from the rules alone (compile's engine). */

import { noteRecording } from '../core/ledger.ts';
import { flattenOutput } from '../core/point.ts';
import type { Num } from '../core/value.ts';
import { addRule, mulRule, subRule } from '../primitives/arithmetic.ts';
import { COMPARISONS, compareNumbers } from '../primitives/comparison.ts';
import { type AnyScalarRule, ruleById } from '../primitives/lookup.ts';
import { CHUNK_BITS, CHUNK_SIZE, type Chunk } from './chunk.ts';
import { readEntry } from './entries.ts';
import { sweep } from './sweep.ts';
import { COMPARE_OP, Tape } from './tape.ts';
import { TapeVar } from './tape-var.ts';

const SYMBOL = ['<', '≤', '>', '≥', '=', '≠'];
const [ADD, SUB, MUL] = [addRule.id, subRule.id, mulRule.id];

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
  const replay = new Replay(tape, out, constantsOf(tape));
  tape.display = null;
  return replay;
}

/** Each entry's constant operands (the 5 of 5·w3), as two arrays indexed by entry. */
function constantsOf(tape: Tape): [Float64Array, Float64Array] {
  const c0 = new Float64Array(tape.size);
  const c1 = new Float64Array(tape.size);
  for (const [k, [a, b]] of tape.display?.constants ?? []) {
    if (a !== null) c0[k] = a as number;
    if (b !== null) c1[k] = b as number;
  }
  return [c0, c1];
}

/** The recording and the buffers a replay works in, kept between calls. */
export class Replay {
  private readonly values: Float64Array;
  private readonly output: number;
  private readonly outputConstant: number;

  constructor(
    private readonly tape: Tape,
    out: Num,
    private readonly constants: [Float64Array, Float64Array],
  ) {
    this.values = new Float64Array(tape.size);
    // Every chunk gets its second operand's arrays, so the loop below needs
    // no test for a chunk of one-operand entries (see Chunk).
    for (const chunk of tape.chunks) if (chunk.in1 === null) tape.grow(chunk.addSecond());
    const onTape = out instanceof TapeVar && out.trace === tape;
    this.output = onTape ? out.index : -1;
    this.outputConstant = onTape ? 0 : (out as number);
  }

  run(at: readonly number[]): { value: number; grad: number[] } {
    const { tape, values } = this;
    const n = tape.inputs;
    if (at.length !== n) {
      throw new Error(`wengert: compile: the tape was recorded with ${n} inputs, got ${at.length}`);
    }
    for (let i = 0; i < n; i++) values[i] = at[i] as number;
    this.forward();
    noteRecording(0, tape.size - n);
    const adjoint = tape.adjoints();
    if (this.output >= 0) adjoint[this.output] = 1;
    sweep(tape, { scalar: adjoint, matrix: [], bytes: 0 });
    const grad = new Array<number>(n);
    for (let i = 0; i < n; i++) grad[i] = adjoint[i] as number;
    return {
      value: this.output >= 0 ? (values[this.output] as number) : this.outputConstant,
      grad,
    };
  }

  /** Entry by entry: operands from the values (or the stored constants), then the rule's primal and partials. */
  private forward(): void {
    const { tape, values } = this;
    const [c0, c1] = this.constants;
    for (let c = tape.inputs >>> CHUNK_BITS; c < tape.chunks.length; c++) {
      const chunk = tape.chunks[c] as Chunk;
      const { op: ops, in0, d0 } = chunk;
      const in1 = chunk.in1 as Int32Array;
      const d1 = chunk.d1 as Float64Array;
      const start = c << CHUNK_BITS;
      const end = Math.min(tape.size, start + CHUNK_SIZE);
      for (let k = Math.max(start, tape.inputs), p = k - start; k < end; k++, p++) {
        const i = in0[p] as number;
        const j = in1[p] as number;
        const a = i >= 0 ? (values[i] as number) : (c0[k] as number);
        const b = j >= 0 ? (values[j] as number) : (c1[k] as number);
        const op = ops[p] as number;
        // add, sub and mul are most of most programs: their records' functions
        // get call sites of their own here, which the engine can inline (one
        // shared call site for every rule is far slower). Same rules, same results.
        if (op === ADD) {
          const z = addRule.primal(a, b);
          values[k] = z;
          d0[p] = addRule.partials[0](a, b, z) as number;
          d1[p] = addRule.partials[1](a, b, z) as number;
        } else if (op === SUB) {
          const z = subRule.primal(a, b);
          values[k] = z;
          d0[p] = subRule.partials[0](a, b, z) as number;
          d1[p] = subRule.partials[1](a, b, z) as number;
        } else if (op === MUL) {
          const z = mulRule.primal(a, b);
          values[k] = z;
          d0[p] = mulRule.partials[0](a, b, z) as number;
          d1[p] = mulRule.partials[1](a, b, z) as number;
        } else if (op === COMPARE_OP) {
          // a comparison keeps its constant operands in its partial slots
          this.check(k, i >= 0 ? a : (d0[p] as number), j >= 0 ? b : (d1[p] as number));
        } else {
          const rule = ruleById(op) as AnyScalarRule;
          if (rule.arity === 1) {
            const y = rule.primal(a);
            values[k] = y;
            d0[p] = rule.partial(a, y) as number;
          } else {
            const z = rule.primal(a, b);
            values[k] = z;
            d0[p] = i >= 0 ? (rule.partials[0](a, b, z) as number) : 0;
            d1[p] = j >= 0 ? (rule.partials[1](a, b, z) as number) : 0;
          }
        }
      }
    }
  }

  /** Throws if the comparison recorded at entry k comes out differently at this point. */
  private check(k: number, a: number, b: number): void {
    const { code, result } = this.tape.comparisons.get(k) as { code: number; result: boolean };
    if (compareNumbers(code, a, b) === result) return;
    const { in0, in1 } = readEntry(this.tape, k);
    const name = (id: number, v: number) => (id >= 0 ? `w${id + 1} = ${v}` : String(v));
    throw new Error(
      `wengert: compile: a branch flips at this point: the comparison ${COMPARISONS[code]} ` +
        `(${name(in0, a)} ${SYMBOL[code]} ${name(in1, b)}) was ${result} when f was recorded ` +
        `and is ${!result} now, so the tape no longer describes f here; compile again at this ` +
        'point, or use grad',
    );
  }
}
