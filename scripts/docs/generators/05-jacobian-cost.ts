/** @file Chapter 5: Jacobians by columns and by rows on a family of any shape, counted and timed, with the crossover plotted. */

import {
  add,
  compareModes,
  costTable,
  jacobian,
  jvp,
  mul,
  type Num,
  tanh,
  withCost,
} from '../../../src/index.ts';
import { linePlot } from '../../plot/line.ts';
import { code } from '../examples.ts';
import { math, num, table } from '../format.ts';
import type { Context, Generator } from '../generate.ts';

// #region family
const weight = (i: number, j: number) => Math.sin(1 + i + 2 * j); // fixed constants
const layer = (m: number) => (x: Num[]) =>
  Array.from({ length: m }, (_, i) =>
    tanh(x.reduce<Num>((s, xj, j) => add(s, mul(weight(i, j), xj)), 0)),
  );
const point = (n: number) => Array.from({ length: n }, (_, j) => Math.cos(j) / 2);
// #endregion

/** The family, for the chunk table (05-chunks.ts). */
export const family = { layer, point } as const;

/** Primitive applications in one evaluation of layer(m) at n inputs, from the ledger of one pass. */
const size = (n: number, m: number) =>
  withCost(() => jvp(layer(m), point(n), point(n))).cost.primal;

/** Counted work of each mode: forward is primal + tangent, reverse is primal + adjoint. */
function work(n: number, m: number) {
  const { forward, reverse } = compareModes(layer(m), point(n));
  return {
    forward: forward.cost.primal + forward.cost.tangent,
    reverse: reverse.cost.primal + reverse.cost.adjoint,
    passes: forward.cost.forwardPasses,
    sweeps: reverse.cost.reverseSweeps,
  };
}

const N = 8;
const OUTPUTS = [1, 2, 4, 8, 16, 32, 64, 128, 256];
const REPEATS = 9;

/** Median wall time of each mode over repeated runs (after one run to warm the engine up). */
function timed(n: number, m: number) {
  compareModes(layer(m), point(n));
  const runs = Array.from({ length: REPEATS }, () => compareModes(layer(m), point(n)));
  const median = (xs: number[]) => xs.sort((p, q) => p - q)[Math.floor(xs.length / 2)] as number;
  return {
    forwardMs: median(runs.map((r) => r.forward.cost.wallMs)),
    reverseMs: median(runs.map((r) => r.reverse.cost.wallMs)),
  };
}

type Shape = { m: number } & ReturnType<typeof work> & ReturnType<typeof timed>;
let measured: Shape[] | undefined;

/** Every shape n × m of the sweep, counted and timed; measured once, on first use. */
function shapes(): Shape[] {
  measured ??= OUTPUTS.map((m) => ({ m, ...work(N, m), ...timed(N, m) }));
  return measured;
}

const countedCrossover = () => shapes().find((s) => s.forward < s.reverse)?.m;
const timedCrossover = () => shapes().find((s) => s.forwardMs < s.reverseMs)?.m;
const fewer = (f: number, r: number) => (f < r ? 'forward' : f > r ? 'reverse' : 'tie');

function crossoverTable(): string {
  const auto = (m: number) =>
    withCost(() => jacobian(layer(m), { mode: 'auto' })(point(N))).cost.reverseSweeps > 0
      ? 'reverse'
      : 'forward';
  const headers = ['n × m', 'passes', 'forward work', 'sweeps', 'reverse work', 'less work'];
  return table(
    [...headers, 'forward ms', 'reverse ms', 'faster', 'auto picks'],
    shapes().map((s) => [
      `${N} × ${s.m}`,
      num(s.passes),
      num(s.forward),
      num(s.sweeps),
      num(s.reverse),
      fewer(s.forward, s.reverse),
      num(s.forwardMs, 3),
      num(s.reverseMs, 3),
      fewer(s.forwardMs, s.reverseMs),
      auto(s.m),
    ]),
  );
}

type Mode = 'forward' | 'reverse';

/** One figure: a value of each mode against m, on log scales, with the crossover marked. */
function modesPlot(
  title: string,
  unit: string,
  value: (s: Shape, mode: Mode) => number,
  at?: number,
) {
  const series = (mode: Mode) => ({
    name: `${mode} mode (${mode === 'forward' ? 'jacfwd' : 'jacrev'})`,
    points: shapes().map((s): [number, number] => [s.m, value(s, mode)]),
    dashed: mode === 'reverse',
  });
  return linePlot({
    title,
    panels: [
      {
        x: { label: 'm, the number of outputs', log: true },
        y: { label: unit, log: true },
        series: [series('forward'), series('reverse')],
        ...(at === undefined ? {} : { marker: { x: at, label: `forward ahead from m = ${at}` } }),
      },
    ],
  });
}

async function workPlot(context: Context): Promise<string> {
  const title = `Counted work of the whole Jacobian, n = ${N}`;
  const svg = await modesPlot(
    title,
    'primitive applications',
    (s, mode) => s[mode],
    countedCrossover(),
  );
  return `![Counted primitive applications of jacfwd and jacrev against the number of outputs](${context.figure('jacobian-work.svg', svg)})`;
}

async function timePlot(context: Context): Promise<string> {
  const title = `Measured time of the whole Jacobian, n = ${N}`;
  const unit = `milliseconds (median of ${REPEATS})`;
  const svg = await modesPlot(title, unit, (s, mode) => s[`${mode}Ms`], timedCrossover());
  return `![Measured wall time of jacfwd and jacrev against the number of outputs](${context.figure('jacobian-time.svg', svg)})`;
}

/** Nanoseconds per counted application at the largest shape, where start-up costs matter least. */
function perApplication(): string {
  const s = shapes().at(-1);
  if (s === undefined) return '';
  const ns = (ms: number, count: number) => num((ms * 1e6) / count, 2);
  return `At ${N} × ${s.m}, forward mode took ${ns(s.forwardMs, s.forward)} ns per counted application and reverse mode ${ns(s.reverseMs, s.reverse)} ns`;
}

function timeVerdict(): string {
  const m = timedCrossover();
  return m === undefined
    ? `In this build's measurements reverse mode was faster at every ${math('m')} up to ${OUTPUTS.at(-1)}`
    : `In this build's measurements forward mode was faster from ${math(`m = ${m}`)} on`;
}

/** Which mode does less counted work, and by what factor, over a grid of shapes. */
function shapeGrid(): string {
  const sizes = [1, 4, 16, 64];
  return table(
    ['n inputs \\ m outputs', ...sizes.map(String)],
    sizes.map((n) => [
      String(n),
      ...sizes.map((m) => {
        const w = work(n, m);
        const winner = fewer(w.forward, w.reverse);
        const ratio = Math.max(w.forward, w.reverse) / Math.min(w.forward, w.reverse);
        return winner === 'tie' ? 'tie' : `${winner} ×${num(ratio, 2)}`;
      }),
    ]),
  );
}

export const jacobianCost: Record<string, Generator> = {
  'cost-family-code': () => code(import.meta.url, 'family'),
  'cost-size': () => num(size(N, 1)),
  'cost-wide': () => costTable(compareModes(layer(1), point(32))),
  'cost-tall': () => costTable(compareModes(layer(32), point(1))),
  'crossover-table': crossoverTable,
  'counted-crossover': () => {
    const m = countedCrossover();
    return m === undefined ? 'no shape measured' : math(`m = ${m}`);
  },
  'work-plot': workPlot,
  'time-plot': timePlot,
  'time-verdict': timeVerdict,
  'time-per-application': perApplication,
  'shape-grid': shapeGrid,
};
