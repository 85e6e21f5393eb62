/**
 * @file The latest goals over several full bench runs, each run's figure and
 * the median: `npx tsx bench/median.ts DIR DIR DIR`, where each DIR holds the
 * results.json of one `npm run bench -- --out DIR`. One run can be a second
 * slower than the next on a shared machine; the median of three is the figure
 * a goal is judged by.
 */

import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Results } from './lib/result.ts';
import { TARGETS } from './targets.ts';

interface Run {
  readonly machine: {
    readonly loadAtStart: number;
    readonly loadAtEnd: number;
    readonly date: string;
  };
  readonly measurements: ConstructorParameters<typeof Results>[0];
}

const folders = process.argv.slice(2);
if (folders.length === 0) {
  console.error('usage: npx tsx bench/median.ts DIR [DIR ...] (each with a results.json)');
  process.exit(2);
}
// JSON wrote NaN (an untimed measurement's time) as null.
const runs: Run[] = folders.map((dir) =>
  JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'), (_, v) =>
    v === null ? Number.NaN : v,
  ),
);
const results = runs.map((run) => new Results(run.measurements));

/** The first number in a figure such as "1,380x (minimal flat tape 1,048x)". */
const leading = (text: string) =>
  Number(/[\d,.]+/.exec(text)?.[0].replaceAll(',', '') ?? Number.NaN);

for (const [k, run] of runs.entries()) {
  const { loadAtStart, loadAtEnd } = run.machine;
  console.log(
    `run ${k + 1} (${folders[k]}): load average ${loadAtStart.toFixed(1)} at the start, ${loadAtEnd.toFixed(1)} at the end`,
  );
}
console.log(`load average now: ${loadavg()[0]?.toFixed(1)}\n`);
for (const target of TARGETS.filter((t) => t.set === 'latest')) {
  const outcomes = results.map((r) => target.evaluate(r));
  const known = outcomes.filter((o) => o !== undefined);
  const sorted = [...known].sort((a, b) => leading(a.measured) - leading(b.measured));
  const median = sorted[(sorted.length - 1) >> 1];
  console.log(`${target.what} (${target.limit})`);
  for (const [k, o] of outcomes.entries()) {
    console.log(
      `  run ${k + 1}: ${o === undefined ? 'not measured' : `${o.measured}${o.met ? ', met' : ''}`}`,
    );
  }
  console.log(
    `  median: ${median === undefined ? '—' : `${median.measured}${median.met ? ', met' : ', not met'}`}\n`,
  );
}
