/** @file A tape variable: the name (entry index) of one value recorded on a tape. */

import { Tracer } from '../tracer.ts';
import type { Num } from '../value.ts';
import type { Tape } from './tape.ts';

/**
 * The handle user code holds during a recording: just the tape and an entry
 * index. Its value lives on the tape, and its derivative in an adjoint array
 * indexed by entry, so the handle stays small and there is nothing on it to
 * reset between sweeps.
 */
export class TapeVar extends Tracer {
  constructor(
    readonly trace: Tape,
    readonly index: number,
  ) {
    super();
  }

  get value(): Num {
    return this.trace.value(this.index);
  }

  /** The mode this value belongs to; a prototype getter, so it costs no memory per value. */
  get mode(): 'reverse' {
    return 'reverse';
  }

  toString(): string {
    return `TapeVar#${this.trace.tag}(w${this.index + 1} = ${String(this.value)})`;
  }
}
