/** @file The toolkit's cost ledger as a benchmark note: what one call did, counted. */

import type { Cost } from '../../src/index.ts';
import type { Note } from './case.ts';

/** The ledger's counts, without its wall time (the harness times calls itself). */
export function ledgerNote(cost: Cost): Note {
  return {
    forwardPasses: cost.forwardPasses,
    reverseSweeps: cost.reverseSweeps,
    primal: cost.primal,
    tangent: cost.tangent,
    adjoint: cost.adjoint,
    tapeEntries: cost.tapeEntries,
    peakTapeBytes: cost.peakTapeBytes,
    peakTapeBytesInUse: cost.peakTapeBytesInUse,
  };
}

/** All the primitive work a ledger counts: primal, tangent and adjoint applications. */
export function applications(note: Note): number {
  return Number(note.primal) + Number(note.tangent) + Number(note.adjoint);
}
