/** @file The cost ledger: what a differentiation did, counted while it runs. */

/**
 * What a computation cost. A primitive application is one call of a
 * primitive on traced values; constants computed on plain numbers are free.
 * Nested differentiations count the work of every level: a Hessian's
 * forward passes also count, as tangent work, the recording and the sweep
 * that run on their dual numbers, and the recording counts its entries.
 *
 * @example
 * ```ts
 * const { cost } = withCost(() => grad(([x, y]: Num[]) => mul(sin(x), y))([1, 2]));
 * console.log(cost.reverseSweeps, cost.tapeEntries); // 1 sweep; x, y, sin x, the product
 * ```
 */
export interface Cost {
  /** Primitive applications evaluated for their values (every forward pass and every recording). */
  primal: number;
  /**
   * Local JVPs applied: one per primitive application of each forward pass,
   * per tangent it carries. A chunked pass of k tangents (`jacfwd(f, { chunk: k })`)
   * evaluates each application and its local partials once, then scales k
   * tangents by them, and counts k here: n columns cost n·W tangent work in
   * ⌈n/k⌉ passes, whatever k is, and the saving shows in `primal`.
   */
  tangent: number;
  /** Local VJPs applied: one per recorded application, in each reverse sweep. */
  adjoint: number;
  /** Forward passes with dual numbers (a chunked pass of k tangents counts once). */
  forwardPasses: number;
  /** Reverse sweeps over a tape. */
  reverseSweeps: number;
  /** Tape entries recorded (inputs included). */
  tapeEntries: number;
  /**
   * The most bytes held by tapes at any one time: the capacity of their
   * chunks (allocated 1,024 entries at a time, so a tiny tape holds 13 to
   * 25 KB), their adjoints, and the matrices their entries keep.
   */
  peakTapeBytes: number;
  /**
   * The most bytes of those in use at any one time: the entries recorded
   * (13 bytes for one operand, 25 for two, as a chunk stores them; without
   * the unused tail of the last chunk), adjoints and kept matrices.
   */
  peakTapeBytesInUse: number;
  /**
   * Colours of sparse Jacobians (`jacobian(f, { sparsity })`): one per
   * forward pass or reverse sweep they ran, which `forwardPasses` or
   * `reverseSweeps` count too.
   */
  colours: number;
  /**
   * What those Jacobians would have run without colouring, in the same mode:
   * n passes (one per column) where they went forward, m sweeps (one per
   * row) where they went in reverse. Compare with `colours`.
   */
  denseSeeds: number;
  /** Wall-clock time of the whole call, in milliseconds. */
  wallMs: number;
}

interface OpenLedger {
  cost: Cost;
  heldBytes: number;
  inUseBytes: number;
}

const open: OpenLedger[] = [];

function emptyCost(): Cost {
  return {
    primal: 0,
    tangent: 0,
    adjoint: 0,
    forwardPasses: 0,
    reverseSweeps: 0,
    tapeEntries: 0,
    peakTapeBytes: 0,
    peakTapeBytesInUse: 0,
    colours: 0,
    denseSeeds: 0,
    wallMs: 0,
  };
}

/**
 * Runs `compute` and reports what every differentiation inside it cost,
 * nested ones included.
 *
 * @example
 * ```ts
 * const f = ([x, y, z]: Num[]) => [mul(x, y), sin(z)];
 * const { result, cost } = withCost(() => jacrev(f)([1, 2, 3]));
 * console.log(result, cost.reverseSweeps); // one sweep per output
 * ```
 */
export function withCost<T>(compute: () => T): { result: T; cost: Cost } {
  const ledger: OpenLedger = { cost: emptyCost(), heldBytes: 0, inUseBytes: 0 };
  open.push(ledger);
  const start = performance.now();
  try {
    const result = compute();
    ledger.cost.wallMs = performance.now() - start;
    return { result, cost: ledger.cost };
  } finally {
    open.splice(open.indexOf(ledger), 1);
  }
}

/** A forward pass of `lanes` tangents ended after pushing them through `applications` primitives. */
export function notePass(applications: number, lanes = 1): void {
  for (const { cost } of open) {
    cost.forwardPasses++;
    cost.primal += applications;
    cost.tangent += applications * lanes;
  }
}

/** A recording ended with `entries` entries, `applications` of them primitive applications. */
export function noteRecording(entries: number, applications: number): void {
  for (const { cost } of open) {
    cost.tapeEntries += entries;
    cost.primal += applications;
  }
}

/** A reverse sweep pulled adjoints back through `applications` entries. */
export function noteSweep(applications: number): void {
  for (const { cost } of open) {
    cost.reverseSweeps++;
    cost.adjoint += applications;
  }
}

/** A sparse Jacobian used `colours` passes or sweeps where a dense one would have used `dense`. */
export function noteColouring(colours: number, dense: number): void {
  for (const { cost } of open) {
    cost.colours += colours;
    cost.denseSeeds += dense;
  }
}

/** Tape memory grew (or, negative, was released) by `delta` bytes, `inUse` of them holding data. */
export function noteBytes(delta: number, inUse = delta): void {
  for (const ledger of open) {
    const { cost } = ledger;
    ledger.heldBytes += delta;
    ledger.inUseBytes += inUse;
    if (ledger.heldBytes > cost.peakTapeBytes) cost.peakTapeBytes = ledger.heldBytes;
    if (ledger.inUseBytes > cost.peakTapeBytesInUse) cost.peakTapeBytesInUse = ledger.inUseBytes;
  }
}
