/**
 * @file `npm run bench`: every case at every size with every variant, each in
 * a fresh Node process (bench/worker.ts), then the tables, the targets and
 * the figures, written with the raw measurements (results.json) to bench/.
 *
 *   --quick      small sizes and short budgets: a smoke test of a minute
 *   --only a,b   only the named cases
 *   --out DIR    where to write; a quick or partial run defaults to a
 *                temporary folder, so it never overwrites the full run's figures
 *   --render     measure nothing: rebuild the report and figures from DIR/results.json
 */

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cases } from './cases/index.ts';
import { charts } from './charts.ts';
import { duration } from './lib/markdown.ts';
import { type Measurement, parseMeasurement, RESULT_MARKER, Results } from './lib/result.ts';
import { type Machine, markdownReport } from './report.ts';

const { values: options } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string' },
    render: { type: 'boolean', default: false },
  },
});
const quick = options.quick === true;
const here = fileURLToPath(new URL('.', import.meta.url));
const only = options.only?.split(',');
const out =
  options.out ?? (quick || only !== undefined ? join(tmpdir(), 'wengert-bench-quick') : here);
const unknown = only?.filter((id) => !cases.some((c) => c.id === id)) ?? [];
if (unknown.length > 0) {
  throw new Error(
    `bench: no case ${unknown.join(', ')}; cases: ${cases.map((c) => c.id).join(', ')}`,
  );
}

interface Job {
  readonly caseId: string;
  readonly sizeIndex: number;
  readonly size: string;
  readonly variant: string;
}

const jobs: Job[] = cases
  .filter((c) => only === undefined || only.includes(c.id))
  .flatMap((c) =>
    c
      .sizes(quick)
      .flatMap((size, sizeIndex) =>
        c.variants
          .filter((v) => size.value <= v.upTo)
          .map((v) => ({ caseId: c.id, sizeIndex, size: size.label, variant: v.name })),
      ),
  );

/** Runs one job in a fresh process; its result, or the reason it failed. */
function measure(job: Job): Measurement | string {
  const child = spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      '--expose-gc',
      '--max-old-space-size=8192',
      join(here, 'worker.ts'),
      job.caseId,
      String(job.sizeIndex),
      job.variant,
      quick ? 'quick' : 'full',
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 15 * 60 * 1000 },
  );
  const line = child.stdout?.split('\n').find((l) => l.startsWith(RESULT_MARKER));
  if (child.status === 0 && line !== undefined) return parseMeasurement(line);
  const why = child.error?.message ?? child.stderr.trim().split('\n').slice(-12).join('\n');
  return `exit ${child.status ?? child.signal}: ${why}`;
}

/** Runs every job, reporting progress on stderr; exits with a list of failures if any failed. */
function measureAll(): Measurement[] {
  const measurements: Measurement[] = [];
  const failures: string[] = [];
  for (const [k, job] of jobs.entries()) {
    const t0 = performance.now();
    const label = `[${String(k + 1).padStart(3)}/${jobs.length}] ${job.caseId}, ${job.size}, ${job.variant}`;
    const result = measure(job);
    const took = duration(performance.now() - t0);
    if (typeof result === 'string') {
      failures.push(`${label}\n${result}`);
      process.stderr.write(`${label}: FAILED (${took})\n${result}\n`);
    } else {
      measurements.push(result);
      process.stderr.write(`${label}: ${duration(result.ms)} (process ${took})\n`);
    }
  }
  if (failures.length > 0) {
    process.stderr.write(
      `\nbench: ${failures.length} of ${jobs.length} measurements FAILED; nothing written.\n\n${failures.join('\n\n')}\n`,
    );
    process.exit(1);
  }
  return measurements;
}

/** A dependency's installed version, read from its package.json. */
function version(name: string): string {
  const file = join(here, '..', 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** This machine and run, for the report's first line. */
function machine(minutes: number, measurements: number, loadAtStart: number): Machine {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown CPU',
    cores: cpu.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    date: new Date().toISOString().slice(0, 10),
    quick,
    minutes,
    measurements,
    loadAtStart,
    loadAtEnd: loadavg()[0] ?? 0,
    peers: `TensorFlow.js ${version('@tensorflow/tfjs')} (cpu backend), jax-js ${version('@jax-js/jax')} (wasm backend)`,
  };
}

interface Run {
  readonly machine: Machine;
  readonly measurements: Measurement[];
}

const rawFile = join(out, 'results.json');
let run: Run;
if (options.render === true) {
  // JSON wrote NaN (an untimed measurement's time) as null.
  run = JSON.parse(readFileSync(rawFile, 'utf8'), (_, v) => (v === null ? Number.NaN : v));
} else {
  const started = performance.now();
  const load = loadavg()[0] ?? 0;
  const measurements = measureAll();
  const minutes = (performance.now() - started) / 60000;
  run = { machine: machine(minutes, measurements.length, load), measurements };
}

const results = new Results(run.measurements);
const report = markdownReport(results, cases, run.machine);
console.log(report);
mkdirSync(out, { recursive: true });
writeFileSync(rawFile, `${JSON.stringify(run, null, 2)}\n`);
writeFileSync(join(out, 'results.md'), report);
const figures = await charts(results, cases);
for (const [name, svg] of figures) writeFileSync(join(out, name), svg);
process.stderr.write(
  `\nbench: wrote ${['results.json', 'results.md', ...figures.keys()].map((f) => join(out, f)).join(', ')}\n`,
);
