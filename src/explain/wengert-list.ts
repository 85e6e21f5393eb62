/** @file trace: one evaluation recorded on a tape and read back as a Wengert list a person can inspect. */

import { flattenInput, type Point } from '../core/point.ts';
import { isMat, type Num, toNumber } from '../core/value.ts';
import { ruleById } from '../primitives/lookup.ts';
import { readEntry } from '../reverse/entries.ts';
import { record } from '../reverse/recording.ts';
import { INPUT_OP } from '../reverse/tape.ts';
import { TapeVar } from '../reverse/tape-var.ts';

/**
 * What an operation read: an earlier entry, or a constant.
 *
 * @example
 * ```ts
 * const [, product] = trace((x: Num) => mul(2, x), 3).entries;
 * console.log(product?.operands); // a constant 2 and entry 0, x
 * ```
 */
export type Operand =
  | { readonly kind: 'entry'; readonly index: number }
  | { readonly kind: 'constant'; readonly value: number };

/**
 * One SSA assignment w_{index+1} = op(operands).
 *
 * @example
 * ```ts
 * const entry = trace((x: Num) => sin(x), 0).entries[1];
 * console.log(entry?.op, entry?.value, entry?.partials); // sin 0 [1]
 * ```
 */
export interface WengertEntry {
  readonly index: number;
  /**
   * The primitive's name (a `ScalarPrimitiveName`, or the name of one made
   * with definePrimitive), or 'input' for the entries that stand for f's inputs.
   */
  readonly op: string;
  readonly operands: readonly Operand[];
  readonly value: number;
  /** ∂(this entry)/∂(operand i), for the operands that are entries (NaN stands where a constant is). */
  readonly partials: readonly number[];
  /** The input's name, for inputs. */
  readonly label?: string;
}

/**
 * A recorded evaluation: its entries in evaluation order, and which of them f returned.
 *
 * @example
 * ```ts
 * const list = trace(([x, y]: Num[]) => [mul(x, y), add(x, y)], [2, 3]);
 * console.log(list.entries.length, list.outputs, list.isArray); // 4 entries, two outputs
 * ```
 */
export interface WengertList {
  readonly entries: readonly WengertEntry[];
  /** One operand per output of f: usually an entry, a constant if f returned one. */
  readonly outputs: readonly Operand[];
  /** Whether f returned an array (the outputs) or one value. */
  readonly isArray: boolean;
}

/**
 * The inputs' names in the Wengert list.
 *
 * @example
 * trace(([a, b]: Num[]) => mul(a, b), [2, 3], { names: ['a', 'b'] }).entries[0]?.label; // 'a'
 */
export interface TraceOptions {
  /** Names of the inputs, in order (default x, y, z, then x1, x2, ...). */
  readonly names?: readonly string[];
}

/** Default input names: x, y, z for up to three inputs, else x1, x2, .... */
export function defaultNames(n: number): string[] {
  return n <= 3 ? ['x', 'y', 'z'].slice(0, n) : Array.from({ length: n }, (_, i) => `x${i + 1}`);
}

/**
 * Evaluates `f` once at `x` on a tape, with the same recording the reverse
 * mode uses, and returns the Wengert list: inputs first, then one SSA entry
 * per primitive application, with its value and local partials.
 *
 * @example
 * const list = trace(([x, y]: Num[]) => sub(mul(5, mul(x, x)), mul(x, y)), [2, 3]);
 * list.entries.length; // 2 inputs + 4 operations
 */
export function trace(
  f: (x: never) => unknown,
  at: Point,
  options: TraceOptions = {},
): WengertList {
  const x = flattenInput('trace', 'x', at);
  // A matrix op is refused while recording, naming the op; a matrix that
  // reached none (an input returned or ignored) is refused here.
  const rec = record('trace', f, x, { forDisplay: true });
  const { tape } = rec;
  if (tape.matrixEntries.length > 0 || rec.outputs.some(isMat)) {
    tape.release();
    throw new TypeError(
      'wengert: trace shows scalar programs one operation a row; an input or output is a matrix',
    );
  }
  const display = tape.display as NonNullable<typeof tape.display>;
  const names = options.names ?? defaultNames(x.values.length);
  if (names.length !== x.values.length) {
    throw new Error(`wengert: trace: ${names.length} names given for ${x.values.length} inputs`);
  }
  const entries: WengertEntry[] = [];
  for (let k = 0; k < tape.size; k++) {
    const { op: code, in0, in1, d0, d1 } = readEntry(tape, k);
    const value = toNumber(display.values[k] as Num);
    if (code === INPUT_OP) {
      entries.push({
        index: k,
        op: 'input',
        operands: [],
        value,
        partials: [],
        label: names[k] as string,
      });
      continue;
    }
    const rule = ruleById(code);
    if (rule === undefined) throw new Error(`wengert: trace: unknown op code ${code}`);
    const constants = display.constants.get(k);
    const ids = [in0, in1].slice(0, rule.arity);
    const stored = [d0, d1];
    const operands: Operand[] = ids.map((id, i) =>
      id >= 0
        ? { kind: 'entry', index: id }
        : { kind: 'constant', value: toNumber(constants?.[i] ?? Number.NaN) },
    );
    const partials = ids.map((id, i) => (id < 0 ? Number.NaN : toNumber(stored[i] as Num)));
    entries.push({ index: k, op: rule.name, operands, value, partials });
  }
  const outputs: Operand[] = rec.outputs.map((y) =>
    y instanceof TapeVar && y.trace === tape
      ? { kind: 'entry', index: y.index }
      : { kind: 'constant', value: toNumber(y as Num) },
  );
  tape.release();
  return { entries, outputs, isArray: rec.isArray };
}
