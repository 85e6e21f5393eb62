/** @file The command line: each command's output, --help, and one-line errors with exit code 2. */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.ts';

const BIN = join(import.meta.dirname, '..', 'bin', 'wengert.mjs');

describe('wengert grad', () => {
  it('prints f(2, 3) = 14 and the gradient (10x − y, −x) = (17, −2) of 5x² − xy', async () => {
    const { output, code } = await run(['grad', '5*x^2 - x*y', '--at', 'x=2,y=3']);
    expect(code).toBe(0);
    expect(output.split('\n')).toEqual([
      `f = ${5 * 4 - 6}`,
      `∂f/∂x = ${10 * 2 - 3}`,
      `∂f/∂y = ${-2}`,
    ]);
  });

  it('takes the point positionally, in the variables’ alphabetical order', async () => {
    const { output } = await run(['grad', 'y*exp(x)', '--at', '0,3']);
    expect(output).toContain(`∂f/∂x = ${3 * Math.exp(0)}`);
    expect(output).toContain(`∂f/∂y = ${Math.exp(0)}`);
  });
});

describe('wengert explain', () => {
  it('shows the Wengert list and both sweeps, with w̄1 receiving −3 and 20', async () => {
    const { output, code } = await run(['explain', '5*x^2 - x*y', '--at', 'x=2,y=3']);
    expect(code).toBe(0);
    expect(output).toContain('Primal');
    expect(output).toContain('Forward sweep');
    expect(output).toContain('Reverse sweep');
    const w1 = output.split('\n').find((line) => /^\s*1\s+w̄1/.test(line)) ?? '';
    expect(w1).toContain(`= ${3 * -1}`);
    expect(w1).toContain(`= ${2 * 2 * 5}`);
    expect(w1.trim().endsWith(String(10 * 2 - 3))).toBe(true);
  });

  it('honours --mode, --format, --direction and --seed', async () => {
    const forward = await run([
      'explain',
      'x*y',
      '--at',
      '2,3',
      '--mode',
      'forward',
      '--direction',
      'x=0,y=1',
    ]);
    expect(forward.output).not.toContain('Reverse sweep');
    expect(forward.output.trim().endsWith('2')).toBe(true); // ∂(xy)/∂y = x = 2
    const md = await run(['explain', 'x*y', '--at', '2,3', '--format', 'md', '--seed', '3']);
    expect(md.output).toContain('| $w_{3}$ |');
    expect(md.output).toContain('### Reverse sweep');
    const latex = await run(['explain', 'x*y', '--at', '2,3', '--format', 'latex']);
    expect(latex.output).toContain('\\begin{array}');
  });

  it('writes the graph as SVG with --svg', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wengert-')), 'graph.svg');
    const { code } = await run(['explain', 'sin(x)*x', '--at', 'x=1', '--svg', file]);
    expect(code).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('<svg');
  });
});

describe('wengert jacobian', () => {
  const expected = (x: number, y: number) => [
    [y, x],
    [Math.cos(x), 1],
  ];

  it.each(['forward', 'reverse'])('in %s mode prints one row per expression', async (mode) => {
    const { output, code } = await run([
      'jacobian',
      'x*y; sin(x) + y',
      '--at',
      'x=1,y=2',
      '--mode',
      mode,
    ]);
    expect(code).toBe(0);
    const rows = output.split('\n').filter((l) => l.startsWith('['));
    expect(rows).toEqual(expected(1, 2).map((r) => `[${r.join(', ')}]`));
  });

  it('in compare mode prints both Jacobians and the two cost ledgers', async () => {
    const { output } = await run([
      'jacobian',
      'x*y; sin(x) + y; x^2',
      '--at',
      '1,2',
      '--mode',
      'compare',
    ]);
    expect(output).toContain('forward passes');
    expect(output).toMatch(/forward passes\s*\|\s*2\s*\|\s*0/);
    expect(output).toMatch(/reverse sweeps\s*\|\s*0\s*\|\s*3/);
    expect(output).toContain('largest difference: 0');
  });
});

describe('help and errors', () => {
  it.each(['explain', 'grad', 'jacobian'])(
    '%s --help prints its usage with exit code 0',
    async (command) => {
      const { output, code } = await run([command, '--help']);
      expect(code).toBe(0);
      expect(output).toContain(`wengert ${command}`);
    },
  );

  it.each([
    [['frob'], /unknown command 'frob'/],
    [['grad', 'x*y'], /--at is required/],
    [['grad', 'x*y', '--at', 'x=1'], /no value for 'y'/],
    [['grad', 'x*y', '--at', 'x=1,z=2'], /'z' is not a variable/],
    [['grad', 'x', '--at', 'x=abc'], /'abc' is not a number/],
    [['grad', '5*x^*2', '--at', 'x=1'], /parse error at column 5/],
    [['grad', 'foo(x)', '--at', 'x=1'], /foo/],
    [
      ['explain', 'x', '--at', 'x=1', '--mode', 'sideways'],
      /--mode must be one of forward, reverse, both/,
    ],
    [['explain', 'x', '--at', 'x=1', '--bogus'], /--bogus/],
    [['grad', 'x', 'y', '--at', 'x=1'], /one expression/],
  ])('%j fails with one line and exit code 2', async (argv, says) => {
    const { output, code } = await run(argv);
    expect(code).toBe(2);
    expect(output).toMatch(says);
    expect(output.split('\n')).toHaveLength(1);
    expect(output.startsWith('wengert: ')).toBe(true);
  });

  it('the real executable prints to stdout on success and one line to stderr on failure', () => {
    const ok = spawnSync(process.execPath, [BIN, 'grad', 'x^3', '--at', 'x=2'], {
      encoding: 'utf8',
    });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`∂f/∂x = ${3 * 2 ** 2}`);
    const bad = spawnSync(process.execPath, [BIN, 'grad', '(x', '--at', 'x=2'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  });
});
