/** @file What one measurement reports, as it travels from a worker process to the report. */

import type { Note, Precision } from './case.ts';
import { median } from './measure.ts';

/** Starts the worker's result line, so a peer's chatter on stdout cannot be mistaken for it. */
export const RESULT_MARKER = '@@wengert-bench-result ';

/** One (case, size, variant), measured in its own process. */
export interface Measurement {
  readonly caseId: string;
  readonly sizeIndex: number;
  readonly size: string;
  readonly sizeValue: number;
  readonly variant: string;
  readonly task: string;
  readonly precision: Precision;
  /** Median time of the plain-JS primal in the same process (NaN when untimed). */
  readonly primalMs: number;
  /** Median time of the variant (NaN when untimed). */
  readonly ms: number;
  readonly samples: number;
  readonly batch: number;
  /** The larger relative error of the checks before and after timing. */
  readonly error: number;
  readonly note: Note;
}

/** A worker's result line back into a measurement (JSON turned its NaNs into nulls). */
export function parseMeasurement(line: string): Measurement {
  return JSON.parse(line.slice(RESULT_MARKER.length), (_, v) => (v === null ? Number.NaN : v));
}

/** The variant's time over the primal's, both from its process. */
export function ratio(m: Measurement): number {
  return m.ms / m.primalMs;
}

/** Every measurement of a run, looked up by case, variant and size. */
export class Results {
  constructor(readonly all: readonly Measurement[]) {}

  /** The measurement of `variant` in case `caseId` at the size with this index, if it ran. */
  at(caseId: string, variant: string, sizeIndex: number): Measurement | undefined {
    return this.all.find(
      (m) => m.caseId === caseId && m.variant === variant && m.sizeIndex === sizeIndex,
    );
  }

  /** The same, found by the size's value (n for Rosenbrock). */
  atValue(caseId: string, variant: string, sizeValue: number): Measurement | undefined {
    return this.all.find(
      (m) => m.caseId === caseId && m.variant === variant && m.sizeValue === sizeValue,
    );
  }

  of(caseId: string): Measurement[] {
    return this.all.filter((m) => m.caseId === caseId);
  }

  /** The median over processes of the primal's time at one size of these cases. */
  primalMs(caseIds: readonly string[], sizeValue: number): number {
    const times = this.all
      .filter((m) => caseIds.includes(m.caseId) && m.sizeValue === sizeValue)
      .map((m) => m.primalMs)
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    return times.length === 0 ? Number.NaN : median(times);
  }
}
