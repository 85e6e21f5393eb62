/** @file One chunked forward pass: f on chunk duals seeded with k unit directions, read as f(x) and k columns J·e_j. */

import { zeros } from '../core/matrix.ts';
import { type Flat, flattenOutput } from '../core/point.ts';
import { isMat, type Value } from '../core/value.ts';
import { ChunkDual } from './chunk-dual.ts';
import { ChunkMatrix } from './chunk-matrix.ts';
import { ChunkTrace } from './chunk-trace.ts';
import { laneAt } from './lanes.ts';

/** f(x), flattened, and for each of the chunk's k directions the tangent of every output. */
export interface ChunkPass {
  readonly primal: Value[];
  /** `tangents[l][i]`: output i's tangent along direction l (a zero matrix for a matrix output). */
  readonly tangents: Value[][];
  readonly isArray: boolean;
}

/**
 * Evaluates `f` once on chunk duals whose lane l is seeded with e_(start+l),
 * for l < width, counting the entries of all inputs in order (each matrix
 * row by row). An input holding none of those entries has no lanes at all.
 * `fn` names the public transform in error messages.
 *
 * @example
 * chunkPass('jacfwd', f, { values: [1, 2, 3], isArray: true }, 0, 3).tangents; // J's 3 columns
 */
export function chunkPass(
  fn: string,
  f: (x: never) => unknown,
  x: Flat,
  start: number,
  width: number,
): ChunkPass {
  const trace = new ChunkTrace(width);
  let offset = 0;
  const duals = x.values.map((p) => {
    const first = offset - start; // the lane of this input's first entry
    offset += isMat(p) ? p.rows * p.cols : 1;
    if (!isMat(p)) {
      if (first < 0 || first >= width) return new ChunkDual(trace, p, null);
      const lanes = new Array<number>(width).fill(0);
      lanes[first] = 1;
      return new ChunkDual(trace, p, lanes);
    }
    const size = p.rows * p.cols;
    if (first + size <= 0 || first >= width) return new ChunkMatrix(trace, p, null);
    const lanes = Array.from({ length: width }, (_, l) => {
      if (l < first || l >= first + size) return 0;
      const e = zeros(p.rows, p.cols);
      e.data[l - first] = 1;
      return e;
    });
    return new ChunkMatrix(trace, p, lanes);
  });
  let out: Flat;
  try {
    out = flattenOutput(fn, (f as (x: unknown) => unknown)(x.isArray ? duals : duals[0]));
  } finally {
    trace.end();
  }
  const mine = (y: Value): y is ChunkDual | ChunkMatrix =>
    (y instanceof ChunkDual || y instanceof ChunkMatrix) && y.trace === trace;
  // Read each output once and hand its lanes out to the k columns.
  const m = out.values.length;
  const tangents = Array.from({ length: width }, () => new Array<Value>(m));
  out.values.forEach((y, i) => {
    if (y instanceof ChunkDual && y.trace === trace && y.lanes !== null) {
      for (let l = 0; l < width; l++) (tangents[l] as Value[])[i] = laneAt(y.lanes, l);
    } else if (y instanceof ChunkMatrix && y.trace === trace && y.lanes !== null) {
      for (let l = 0; l < width; l++) {
        (tangents[l] as Value[])[i] = y.lanes[l] || zeros(y.rows, y.cols);
      }
    } else {
      for (let l = 0; l < width; l++) {
        (tangents[l] as Value[])[i] = isMat(y) ? zeros(y.rows, y.cols) : 0;
      }
    }
  });
  return {
    primal: out.values.map((y) => (mine(y) ? y.value : y)),
    tangents,
    isArray: out.isArray,
  };
}
