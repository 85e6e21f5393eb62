/**
 * @file The report: every table of a run, then the targets, as the Markdown
 * that `npm run bench` prints and writes to bench/results.md for the docs.
 */

import { AUTO, CHUNK, JACFWD, JACFWD_CHUNK, JACREV, JAX_JACFWD } from './cases/jacobians.ts';
import type { Case } from './lib/case.ts';
import { TOLERANCE } from './lib/check.ts';
import { applications } from './lib/ledger.ts';
import { count, duration, markdownTable, sig3, times } from './lib/markdown.ts';
import { FULL, QUICK } from './lib/measure.ts';
import { type Measurement, type Results, ratio } from './lib/result.ts';
import { TARGETS } from './targets.ts';

/** Where and how the run happened. */
export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly node: string;
  readonly platform: string;
  readonly date: string;
  readonly quick: boolean;
  readonly minutes: number;
  readonly measurements: number;
  readonly peers: string;
  /** The 1-minute load average when the run started and when it ended: other work on the machine. */
  readonly loadAtStart: number;
  readonly loadAtEnd: number;
}

/** Ratio and time, as every timed cell shows them. */
function cell(m: Measurement | undefined): string {
  return m === undefined ? '—' : `${times(ratio(m))} (${duration(m.ms)})`;
}

/** The sizes these cases ran at, smallest first, as (label, value) pairs. */
function sizesRun(results: Results, ids: readonly string[]): { label: string; value: number }[] {
  const seen = new Map<number, string>();
  for (const m of results.all) if (ids.includes(m.caseId)) seen.set(m.sizeValue, m.size);
  return [...seen].sort((a, b) => a[0] - b[0]).map(([value, label]) => ({ label, value }));
}

/** One task over sizes: a row per variant (grouped by the form of its case), a column per size. */
function sizeTable(results: Results, cases: readonly Case[], task: string): string {
  const ids = cases.map((c) => c.id);
  const sizes = sizesRun(results, ids);
  const rows = [
    ['', 'plain-JS primal', ...sizes.map((s) => duration(results.primalMs(ids, s.value)))],
  ];
  for (const c of cases) {
    for (const v of c.variants.filter((v) => v.task === task)) {
      rows.push([
        c.form,
        v.name,
        ...sizes.map((s) => cell(results.atValue(c.id, v.name, s.value))),
      ]);
    }
  }
  return markdownTable(['form', 'variant', ...sizes.map((s) => s.label)], rows, 2);
}

function mlpSection(results: Results, c: Case): string {
  const rows = c.variants.map((v) => {
    const m = results.at(c.id, v.name, 0);
    return [v.name, v.precision, m ? duration(m.ms) : '—', m ? times(ratio(m)) : '—'];
  });
  const primal = results.primalMs([c.id], results.of(c.id)[0]?.sizeValue ?? 0);
  return markdownTable(
    ['variant', 'arithmetic', 'time per step', 'step / forward pass'],
    [['plain-JS forward pass (loss only)', 'float64', duration(primal), '1x'], ...rows],
    2,
  );
}

function jacobianSection(results: Results, c: Case): string {
  const rows: string[][] = [];
  const sizes = [...new Set(results.of(c.id).map((m) => m.sizeIndex))].sort();
  for (const index of sizes) {
    for (const v of c.variants) {
      const m = results.at(c.id, v.name, index);
      if (m === undefined) continue;
      const n = m.note;
      const ledger = 'primal' in n;
      rows.push([
        m.size,
        v.name,
        duration(m.ms),
        times(ratio(m)),
        ...(ledger
          ? [
              count(n.forwardPasses),
              count(n.reverseSweeps),
              count(applications(n)),
              count(n.primal),
              count(n.tangent),
              count(n.adjoint),
              count(n.peakTapeBytes),
            ]
          : ['', '', '', '', '', '', '']),
      ]);
    }
  }
  const table = markdownTable(
    [
      'shape',
      'variant',
      'time',
      '/ primal',
      'forward passes',
      'reverse sweeps',
      'applications',
      'primal',
      'tangent',
      'adjoint',
      'peak tape bytes',
    ],
    rows,
    2,
  );
  const choices = sizes.map((index) => {
    const [fwd, rev, auto] = [JACFWD, JACREV, AUTO].map((v) => results.at(c.id, v, index));
    if (!fwd || !rev || !auto) return '';
    const chose = Number(auto.note.reverseSweeps) > 0 ? 'reverse' : 'forward';
    const fewer = applications(fwd.note) <= applications(rev.note) ? 'forward' : 'reverse';
    const faster = fwd.ms <= rev.ms ? 'forward' : 'reverse';
    return `- ${auto.size}: 'auto' chose **${chose}**; fewer applications: ${fewer}; faster: ${faster}.`;
  });
  const chunked = sizes.map((index) => {
    const [fwd, chunk, jax] = [JACFWD, JACFWD_CHUNK, JAX_JACFWD].map((v) =>
      results.at(c.id, v, index),
    );
    if (!fwd || !chunk || !jax) return '';
    return (
      `- ${chunk.size}: jacfwd with chunks of ${CHUNK} took ${passes(chunk.note.forwardPasses)} ` +
      `and ${sig3(chunk.ms / fwd.ms)}× the time of one pass per column; ` +
      `${sig3(ratio(chunk) / ratio(jax))}× jax-js \`jit(jacfwd)\` (each against its own primal).`
    );
  });
  return `${table}\n\n${[...choices, ...chunked].filter((s) => s !== '').join('\n')}`;
}

/** "1 pass", "5 passes". */
function passes(n: number | string | undefined): string {
  return `${count(n)} pass${Number(n) === 1 ? '' : 'es'}`;
}

function memorySection(results: Results, c: Case): string {
  const rows = results.of(c.id).map((m) => {
    const n = m.note;
    const bytes = Number(n.peakTapeBytes);
    return [
      m.size,
      count(n.primal),
      count(n.tapeEntries),
      count(bytes),
      sig3(bytes / Number(n.primal)),
      sig3(bytes / Number(n.tapeEntries)),
    ];
  });
  return markdownTable(
    [
      'size',
      'applications recorded',
      'tape entries',
      'peak tape bytes',
      'bytes / application',
      'bytes / entry',
    ],
    rows,
  );
}

function shapesSection(results: Results, c: Case): string {
  const rows = sizesRun(results, [c.id]).flatMap((s) => {
    const [fwd, rev] = ['jacfwd', 'jacrev'].map((v) => results.atValue(c.id, v, s.value));
    if (!fwd || !rev) return [];
    return [
      [
        count(fwd.note.forwardPasses),
        count(rev.note.reverseSweeps),
        duration(fwd.ms),
        duration(rev.ms),
        count(applications(fwd.note)),
        count(applications(rev.note)),
        fwd.ms <= rev.ms ? 'forward' : 'reverse',
      ],
    ];
  });
  return markdownTable(
    ['n', 'm', 'jacfwd', 'jacrev', 'jacfwd applications', 'jacrev applications', 'faster'],
    rows,
    0,
  );
}

function targetsSection(results: Results): string {
  const rows = TARGETS.map((t) => {
    const outcome = t.evaluate(results);
    const status = outcome === undefined ? 'not measured' : outcome.met ? '**met**' : '**not met**';
    return [t.what, t.source, t.limit, outcome?.measured ?? '—', status];
  });
  return markdownTable(['target', 'from', 'limit', 'measured', 'status'], rows, 5);
}

/** The whole report. `figures` maps a chart's name to its file, linked beside its section. */
export function markdownReport(results: Results, cases: readonly Case[], machine: Machine): string {
  const byId = (id: string) => cases.find((c) => c.id === id) as Case;
  const has = (id: string) => results.of(id).length > 0;
  const budget = machine.quick ? QUICK : FULL;
  const out: string[] = [
    '# Benchmark results',
    '',
    `Measured by \`npm run bench${machine.quick ? ' -- --quick' : ''}\` on ${machine.date}: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB; Node ${machine.node} on ${machine.platform}; ${machine.peers}. ${machine.measurements} measurements in ${sig3(machine.minutes)} minutes, with a load average of ${machine.loadAtStart.toFixed(1)} at the start and ${machine.loadAtEnd.toFixed(1)} at the end.`,
    '',
    `Each measurement (one case, one size, one variant) runs in a fresh Node process. That process times the plain-JS primal of the same function first, then the variant; the **ratio** is the variant’s median time over the primal’s, both from that process, so the two share the machine’s state. Times are medians of ${budget.minSamples} to ${budget.maxSamples} samples after warm-up (fast calls are batched so that a sample lasts at least ${budget.sampleMs} ms). Before timing, and again on the last timed call, every answer is checked against the analytic one, to a relative error of ${TOLERANCE.float64} in float64 and ${TOLERANCE.float32} for the float32 peers: a wrong answer stops the run. Cells read “ratio (median time)”; “—” marks a variant not run at that size.`,
  ];
  if (has('rosenbrock-scalar') || has('rosenbrock-vector')) {
    const forms = [byId('rosenbrock-scalar'), byId('rosenbrock-vector')];
    out.push(
      '',
      '## 1. Extended Rosenbrock',
      '',
      ...forms.flatMap((c) => [`**${c.form}.** ${c.about}`, '']),
    );
    out.push('### Gradient', '', sizeTable(results, forms, 'gradient'), '');
    out.push(
      '### One JVP',
      '',
      sizeTable(results, forms, 'jvp'),
      '',
      '![Extended Rosenbrock: ratios to the primal](rosenbrock.svg)',
    );
  }
  const sections: [string, string, (r: Results, c: Case) => string, string][] = [
    ['mlp', '2. ', mlpSection, '![MLP step: ratios to the forward pass](mlp.svg)'],
    ['jacobians', '3. ', jacobianSection, ''],
    ['tape-memory', '4. ', memorySection, ''],
    ['shapes', '5. ', shapesSection, '![jacfwd and jacrev over shapes](shapes.svg)'],
  ];
  for (const [id, number, render, figure] of sections) {
    if (!has(id)) continue;
    const c = byId(id);
    out.push('', `## ${number}${c.title}`, '', c.about, '', render(results, c));
    if (figure !== '') out.push('', figure);
  }
  out.push('', '## Targets', '', targetsSection(results), '');
  return out.join('\n');
}
