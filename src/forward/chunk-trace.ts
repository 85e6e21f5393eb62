/** @file One chunked forward pass: the trace that pushes k tangents at once through each primitive its values meet. */

import { notePass } from '../core/ledger.ts';
import type { BinaryPrimitive, MatrixRule, UnaryPrimitive } from '../core/rule.ts';
import { Trace } from '../core/trace.ts';
import type { Num, Value } from '../core/value.ts';
import { type ChunkDual, pushChunkBinary, pushChunkUnary } from './chunk-dual.ts';
import { pushChunkMatrix } from './chunk-matrix.ts';

/**
 * A forward pass that carries `width` tangents. Each primitive application
 * is evaluated once and its local partials computed once; only the scaling
 * of tangents is done `width` times. The ledger counts it as one pass and
 * `width` tangent applications per primitive application.
 */
export class ChunkTrace extends Trace {
  readonly kind = 'forward';
  applications = 0;

  constructor(readonly width: number) {
    super();
  }

  unary(rule: UnaryPrimitive, x: ChunkDual): ChunkDual {
    return pushChunkUnary(this, rule, x);
  }

  binary(rule: BinaryPrimitive, x: Num, y: Num): ChunkDual {
    return pushChunkBinary(this, rule, x, y);
  }

  matrix(rule: MatrixRule, args: readonly Value[], params: unknown): Value {
    return pushChunkMatrix(this, rule, args, params);
  }

  /** Ends the pass and reports it to any open cost ledger. */
  end(): void {
    this.live = false;
    notePass(this.applications, this.width);
  }
}
