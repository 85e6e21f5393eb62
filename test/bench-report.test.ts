/** @file The bench's report: findings worked out from measurements made up here, its parts, its tables' width, and the goals kept off the docs page. */

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cases } from '../bench/cases/index.ts';
import { findings } from '../bench/findings.ts';
import type { Note } from '../bench/lib/case.ts';
import { sig3, times } from '../bench/lib/markdown.ts';
import { type Measurement, Results } from '../bench/lib/result.ts';
import { type Machine, markdownReport, PARTS } from '../bench/report.ts';
import { TARGETS } from '../bench/targets.ts';
import type { Context } from '../scripts/docs/generate.ts';
import { performance } from '../scripts/docs/generators/performance.ts';

/** One made-up measurement: `ms` against a primal of `primalMs`, so its ratio is known here. */
function measured(
  caseId: string,
  variant: string,
  size: { index: number; label: string; value: number },
  ms: number,
  primalMs: number,
  note: Note = {},
): Measurement {
  return {
    caseId,
    sizeIndex: size.index,
    size: size.label,
    sizeValue: size.value,
    variant,
    task: variant.includes('jvp') || variant.includes('dual') ? 'jvp' : 'gradient',
    precision: 'float64',
    primalMs,
    ms,
    samples: 5,
    batch: 1,
    error: 0,
    note,
  };
}

const n1e3 = { index: 0, label: 'n = 1,000', value: 1e3 };
const n1e4 = { index: 1, label: 'n = 10,000', value: 1e4 };

/** The committed full run, read the way `--render` reads it. */
const committed = JSON.parse(
  readFileSync(new URL('../bench/results.json', import.meta.url), 'utf8'),
  (_, v) => (v === null ? Number.NaN : v),
) as { machine: Machine; measurements: Measurement[] };

/** The text between one part's marker and the next. */
function part(report: string, name: string): string {
  const start = report.indexOf(`<!-- part: ${name} -->`);
  const next = report.indexOf('<!-- part:', start + 1);
  return report.slice(start, next < 0 ? undefined : next);
}

describe('the findings', () => {
  it("compare wengert's tape with the minimal flat tape at the largest size every variant ran", () => {
    // At n = 1e4 the closures did not run, so the comparison is at n = 1e3.
    const results = new Results([
      measured('rosenbrock-scalar', 'wengert grad', n1e3, 3, 0.01),
      measured('rosenbrock-scalar', 'minimal flat tape', n1e3, 1.5, 0.01),
      measured('rosenbrock-scalar', 'micrograd-style closures', n1e3, 40, 0.01),
      measured('rosenbrock-scalar', 'wengert grad', n1e4, 50, 0.1),
      measured('rosenbrock-scalar', 'minimal flat tape', n1e4, 10, 0.1),
    ]);
    const text = findings(results);
    expect(text).toContain('At n\u00a0=\u00a01,000, `grad`');
    // 3 ms and 1.5 ms over a primal of 0.01 ms; the closures 40 ms; at n = 1e4, 50 ms over 0.1 ms.
    expect(text).toContain(`takes ${times(300)}, and the minimal flat tape`);
    expect(text).toContain(`can cost, ${times(150)}:`);
    expect(text).toContain(`${sig3(2)} times that floor`);
    expect(text).toContain(`with micrograd-style closures, ${times(4000)}`);
    expect(text).not.toContain(times(500));
  });

  it("say whether 'auto' took the mode with fewer applications, and leave out what did not run", () => {
    const shape = { index: 0, label: 'n = 2, m = 50', value: 2 };
    const ledger = (
      passes: number,
      sweeps: number,
      primal: number,
      tangent: number,
      adjoint: number,
    ) => ({ forwardPasses: passes, reverseSweeps: sweeps, primal, tangent, adjoint }) as Note;
    const results = new Results([
      measured('jacobians', 'wengert jacfwd', shape, 1, 0.1, ledger(2, 0, 300, 300, 0)),
      measured('jacobians', 'wengert jacrev', shape, 9, 0.1, ledger(0, 50, 150, 0, 7500)),
      // 'auto' went reverse although forward applies fewer primitives here.
      measured(
        'jacobians',
        "wengert jacobian, mode 'auto'",
        shape,
        9,
        0.1,
        ledger(1, 50, 300, 150, 7500),
      ),
    ]);
    const text = findings(results);
    expect(text).toContain('fewer primitives at 0 of 1 shapes');
    expect(text).not.toMatch(/Scalar ops|Array ops|training step|Memory/);
  });
});

describe('the report of the committed run', () => {
  const report = markdownReport(new Results(committed.measurements), cases, committed.machine);

  it('has its parts in order, each once', () => {
    const at = PARTS.map((name) => report.indexOf(`<!-- part: ${name} -->`));
    expect(at.every((k) => k >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(report.match(/<!-- part:/g)).toHaveLength(PARTS.length);
  });

  it('lists every goal with a status in its last part, and cites no issue anywhere', () => {
    const goals = part(report, 'goals');
    for (const t of TARGETS) expect(goals).toContain(t.what);
    expect(goals.match(/\| (met|\*\*not met\*\*|not measured) \|$/gm)).toHaveLength(TARGETS.length);
    expect(report).not.toMatch(/\bissue\b/i);
  });

  it("keeps the readers' parts free of goals and statuses", () => {
    const readers = part(report, 'findings') + part(report, 'measurements');
    expect(readers).not.toMatch(/\bmet\b|\bgoals?\b|\btargets?\b/i);
  });

  it('keeps every table of the readers’ parts to five columns, no number parted from its unit by a line break', () => {
    const readers = part(report, 'findings') + part(report, 'measurements');
    const tables = readers.split('\n\n').filter((block) => block.startsWith('| '));
    expect(tables.length).toBeGreaterThan(5);
    for (const table of tables) {
      const [header, rule, ...rows] = table.split('\n') as [string, string, ...string[]];
      const right = rule
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim() === '---:');
      expect(right.length, header).toBeLessThanOrEqual(5);
      for (const row of rows) {
        const cells = row.split(' | ').map((c) => c.replace(/^\| |\s\|$/g, ''));
        cells.forEach((cell, k) => {
          if (right[k] === true) expect(cell, row).not.toMatch(/\d /);
        });
      }
    }
  });

  it('has the same parts in the committed bench/results.md', () => {
    const file = readFileSync(new URL('../bench/results.md', import.meta.url), 'utf8');
    for (const name of PARTS) expect(file).toContain(`<!-- part: ${name} -->`);
    expect(file).not.toMatch(/\bissue\b/i);
  });

  it('gives the docs page its findings and measurements, and not its goals', () => {
    const bench = mkdtempSync(join(tmpdir(), 'wengert-report-'));
    writeFileSync(join(bench, 'results.md'), report);
    for (const svg of ['rosenbrock.svg', 'mlp.svg', 'shapes.svg']) {
      writeFileSync(join(bench, svg), '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    }
    const context: Context = { pages: [], benchFolder: bench, figure: (name) => name };
    const page = Object.values(performance)
      .map((generate) => generate(context) as string)
      .join('\n');
    expect(page).toContain('## In short');
    expect(page).toContain('## 1. Extended Rosenbrock');
    expect(page).not.toMatch(/Performance goals|not met/);
  });

  it('is whole for a partial run too, numbering only the sections it has', () => {
    const mlpOnly = committed.measurements.filter((m) => m.caseId === 'mlp');
    const partial = markdownReport(new Results(mlpOnly), cases, committed.machine);
    for (const name of PARTS) expect(partial).toContain(`<!-- part: ${name} -->`);
    expect(partial).toContain('## 1. MLP training step');
    expect(partial).not.toContain('Extended Rosenbrock');
    expect(part(partial, 'findings')).toMatch(/^- \*\*A training step\.\*\*/m);
    expect(part(partial, 'goals')).toContain('not measured');
  });
});
