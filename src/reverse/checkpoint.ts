/** @file checkpoint(g): a segment whose intermediate values are recomputed in the reverse sweep instead of kept on the tape. */

import { asConstant } from '../core/operand.ts';
import type { Value } from '../core/value.ts';
import type { MatrixRule } from '../primitives/matrix-rule.ts';
import { primalsOf, pullBack, type Recording, record } from './recording.ts';
import type { Tape } from './tape.ts';
import type { TapeMatrix } from './tape-matrix.ts';
import type { TapeVar } from './tape-var.ts';

type Segment = (...args: readonly Value[]) => Value;

/** A value on this tape, of either kind. */
function onTape(x: Value, tape: Tape): x is TapeVar | TapeMatrix {
  return typeof x === 'object' && (x as { trace?: unknown }).trace === tape;
}

/** The innermost trace among the arguments, if it is a tape. */
function innermostTape(args: readonly Value[]): Tape | null {
  let top: { tag: number; kind: string } | null = null;
  for (const a of args) {
    if (typeof a === 'object' && 'trace' in a && (top === null || a.trace.tag > top.tag)) {
      top = a.trace;
    }
  }
  return top !== null && top.kind === 'reverse' ? (top as Tape) : null;
}

/**
 * Marks `g` as a checkpointed segment. Under reverse mode, calling the
 * result evaluates g on a short recording of its own that is dropped at
 * once, and puts one entry on the tape that keeps only g's inputs and
 * output. When the reverse sweep reaches that entry, it records g again on
 * the saved inputs and sweeps that short recording: memory traded for
 * time, with the same gradient. Elsewhere (forward mode, plain values) the
 * result just calls g, which then has nothing to keep.
 *
 * g must receive every traced value it uses as an argument: one it closes
 * over from the enclosing recording is refused with an error, because the
 * recomputation could not send it an adjoint.
 *
 * @example
 * ```ts
 * const block = checkpoint((h: Mat, w: Mat) => tanh(matmul(w, tanh(matmul(w, h)))));
 * const [h0, w0] = [ones(2, 1), matrix([[0.5, -0.25], [0.125, 1]])];
 * const [dh, dw] = grad(([h, w]: Mat[]) => sum(block(h, w)))([h0, w0]); // as without checkpoint
 * ```
 */
export function checkpoint<A extends readonly Value[], R extends Value>(
  g: (...args: A) => R,
): (...args: A) => R {
  const segment = g as unknown as Segment;
  const rule = segmentRule(segment);
  return (...args: A): R => {
    const tape = innermostTape(args);
    if (tape === null) return g(...args);
    tape.assertLive('checkpoint');
    const values = args.map((a, i) => (onTape(a, tape) ? a.value : asConstant(a, 'checkpoint', i)));
    const inputs = args.map((a) => (onTape(a, tape) ? a.index : -1));
    // The enclosing tape is paused meanwhile, so that a traced value g was
    // not given cannot silently become a constant of the short recording.
    const out = tape.whilePaused('checkpoint', () => {
      const rec = recordSegment(segment, values);
      rec.tape.release();
      return primalsOf(rec)[0] as Value;
    });
    return tape.pushMatrixEntry({ rule, params: null, inputs, values, out }) as unknown as R;
  };
}

/** g recorded on its own tape, its arguments the tape's inputs. */
function recordSegment(g: Segment, values: readonly Value[]): Recording {
  return record('checkpoint', (xs: readonly Value[]) => g(...xs), {
    values: [...values],
    isArray: true,
  });
}

/** The rule of a segment's tape entry: its pullback recomputes g and sweeps the recomputation. */
function segmentRule(g: Segment): MatrixRule<'checkpoint'> {
  return {
    kind: 'matrix',
    name: 'checkpoint',
    arity: g.length,
    id: -1,
    shape: () => null,
    evaluate: (inputs) => g(...inputs) as number,
    tangents: [],
    pullback: (values, _out, bar, _params, wanted) => {
      const rec = recordSegment(g, values);
      try {
        return pullBack(rec, [bar]).map((a, i) => (wanted[i] ? a : null));
      } finally {
        rec.tape.release();
      }
    },
    latex: {
      op: 'y = g(x_1, \\ldots, x_k)',
      forward: '\\dot{y} = J_g \\dot{x}',
      reverse: '\\bar{x}_i \\mathrel{+}= (J_g^{\\top} \\bar{y})_i \\text{, recomputing } g',
    },
  };
}
