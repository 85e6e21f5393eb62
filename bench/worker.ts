/**
 * @file One measurement in a fresh process: `tsx bench/worker.ts <case> <size index>
 * <variant> [quick]`. Times the case's plain-JS primal, sets the variant up,
 * checks its answer, times it, checks it again, and prints one result line.
 */

import { cases } from './cases/index.ts';
import type { Output } from './lib/case.ts';
import { assertClose } from './lib/check.ts';
import { FULL, medianTimes, QUICK } from './lib/measure.ts';
import { type Measurement, RESULT_MARKER } from './lib/result.ts';

const [caseId, sizeArg, variantName, mode] = process.argv.slice(2);
const quick = mode === 'quick';
const benchCase = cases.find((c) => c.id === caseId);
const info = benchCase?.variants.find((v) => v.name === variantName);
if (benchCase === undefined || info === undefined || sizeArg === undefined) {
  throw new Error(`bench worker: no case '${caseId}' with a variant '${variantName}'`);
}
const sizeIndex = Number(sizeArg);
const size = benchCase.sizes(quick)[sizeIndex];
if (size === undefined) throw new Error(`bench worker: ${caseId} has no size ${sizeArg}`);
const what = `${caseId}, ${size.label}, '${info.name}'`;
const budget = quick ? QUICK : FULL;

const prepared = benchCase.prepare(sizeIndex, quick);
if (!Number.isFinite(prepared.primal())) {
  throw new Error(`bench: the primal of ${what} is not finite`);
}

const { timed, error } = await prepared.setup(info.name);
// The first call is checked (and is warm-up); so is the last timed call.
const before = error(timed.run());
assertClose(what, before, info.precision);
const measured = info.untimed
  ? undefined
  : medianTimes([prepared.primal, timed.run], budget, [1, 1]);
const after = measured === undefined ? before : error(measured.last[1] as Output);
assertClose(`${what}, after timing`, after, info.precision);
const [primal, timing] = measured?.timings ?? [];
const note = timed.note?.() ?? {};
timed.dispose?.();

const result: Measurement = {
  caseId: benchCase.id,
  sizeIndex,
  size: size.label,
  sizeValue: size.value,
  variant: info.name,
  task: info.task,
  precision: info.precision,
  primalMs: primal?.ms ?? Number.NaN,
  ms: timing?.ms ?? Number.NaN,
  samples: timing?.samples ?? 0,
  batch: timing?.batch ?? 0,
  error: Math.max(before, after),
  note,
};
process.stdout.write(`\n${RESULT_MARKER}${JSON.stringify(result)}\n`);
