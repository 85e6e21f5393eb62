/**
 * @file The report that `npm run bench` prints and writes to bench/results.md:
 * what the run found, how it measured, every table with its figure, and last
 * the performance goals. Each part starts with a marker (`<!-- part: name -->`)
 * so that the docs' performance page can take the parts meant for readers and
 * leave the goals, which are the developers', to this file.
 */

import { findings } from './findings.ts';
import type { Case } from './lib/case.ts';
import { TOLERANCE } from './lib/check.ts';
import { markdownTable, sig3 } from './lib/markdown.ts';
import { FULL, QUICK } from './lib/measure.ts';
import type { Results } from './lib/result.ts';
import { jacobianTables, memoryTable, mlpTable, shapesTable, sizeTable } from './report-tables.ts';
import { type GoalSet, TARGETS } from './targets.ts';

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

/** The parts of the report, in order; the docs page shows the first two. */
export const PARTS = ['findings', 'measurements', 'goals'] as const;

const marker = (part: (typeof PARTS)[number]) => `<!-- part: ${part} -->`;

function method(machine: Machine): string {
  const budget = machine.quick ? QUICK : FULL;
  const command = `npm run bench${machine.quick ? ' -- --quick' : ''}`;
  return [
    '## How it was measured',
    '',
    `By \`${command}\` on ${machine.date}: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB; Node ${machine.node} on ${machine.platform}; ${machine.peers}. ${machine.measurements} measurements took ${sig3(machine.minutes)} minutes; the load average was ${machine.loadAtStart.toFixed(1)} at the start and ${machine.loadAtEnd.toFixed(1)} at the end.`,
    '',
    `Each measurement (one case, one size, one variant) runs in a fresh Node process, which times the plain-JS primal of the same function first and then the variant. A **ratio** is the variant’s median time over the primal’s, both from that process, so the two share the machine’s state. Times are medians of ${budget.minSamples} to ${budget.maxSamples} samples after warm-up; calls shorter than ${budget.sampleMs} ms are batched until a sample lasts that long. Every answer is checked against the analytic one before timing and again on the last timed call, to a relative error of ${TOLERANCE.float64} in float64 and ${TOLERANCE.float32} for the float32 peers; a wrong answer stops the run. A “—” marks a variant not run at that size.`,
  ].join('\n');
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function rosenbrock(results: Results, forms: readonly Case[]): string {
  return [
    '## 1. Extended Rosenbrock',
    '',
    ...forms.flatMap((c) => [`**${capitalised(c.form)}.** ${c.about}`, '']),
    'Each cell is a ratio to the plain-JS primal, whose time heads the column.',
    '',
    '### Gradient',
    '',
    sizeTable(results, forms, 'gradient'),
    '',
    '### One JVP',
    '',
    sizeTable(results, forms, 'jvp'),
    '',
    '![Extended Rosenbrock: ratios to the primal](rosenbrock.svg)',
  ].join('\n');
}

const GOAL_SETS: readonly [GoalSet, string][] = [
  ['latest', 'Latest goals'],
  ['earlier', 'Earlier goals'],
  ['first', 'First goals'],
];

/** The goals, one table per set, newest first: each with its limit, the run's figure and its status. */
function goals(results: Results): string {
  const tables = GOAL_SETS.flatMap(([set, heading]) => {
    const rows = TARGETS.filter((t) => t.set === set).map((t) => {
      const outcome = t.evaluate(results);
      const status = outcome === undefined ? 'not measured' : outcome.met ? 'met' : '**not met**';
      return [t.what, t.limit, outcome?.measured ?? '—', status];
    });
    if (rows.length === 0) return [];
    return [`### ${heading}\n\n${markdownTable(['goal', 'limit', 'measured', 'status'], rows, 4)}`];
  });
  return [
    '## Performance goals',
    '',
    'What wengert’s developers hold this run to; an older goal stays listed after a newer one on the same figure replaced it.',
    '',
    tables.join('\n\n'),
  ].join('\n');
}

/** The whole report, its figures linked by file name beside their sections. */
export function markdownReport(results: Results, cases: readonly Case[], machine: Machine): string {
  const byId = (id: string) => cases.find((c) => c.id === id) as Case;
  const has = (id: string) => results.of(id).length > 0;
  const sections: string[] = [method(machine)];
  if (has('rosenbrock-scalar') || has('rosenbrock-vector')) {
    sections.push(rosenbrock(results, [byId('rosenbrock-scalar'), byId('rosenbrock-vector')]));
  }
  const others: [string, (r: Results, c: Case) => string, string][] = [
    ['mlp', mlpTable, '![MLP step: ratios to the forward pass](mlp.svg)'],
    ['jacobians', jacobianTables, ''],
    ['tape-memory', memoryTable, ''],
    ['shapes', shapesTable, '![jacfwd and jacrev over shapes](shapes.svg)'],
  ];
  let number = sections.length; // 1 after the method, 2 after Rosenbrock as well
  for (const [id, table, figure] of others) {
    if (!has(id)) continue;
    const c = byId(id);
    const parts = [`## ${number++}. ${c.title}`, c.about, table(results, c), figure];
    sections.push(parts.filter((p) => p !== '').join('\n\n'));
  }
  return [
    '# Benchmark results',
    `The bench’s own report, rewritten by every run of \`npm run bench\`. The docs site’s performance page shows its first two parts; the last, the performance goals, is for wengert’s developers.`,
    marker('findings'),
    `## In short\n\nEach figure is a time divided by the time of the same function in plain JavaScript, so 1x would mean a derivative for free; lower is faster.\n\n${findings(results)}`,
    marker('measurements'),
    sections.join('\n\n'),
    marker('goals'),
    goals(results),
  ]
    .join('\n\n')
    .concat('\n');
}
