/** @file `wengert adjoint`: the printed program runs and gives the gradient; its formats, defaults, help and errors. */

import { describe, expect, it } from 'vitest';
import { HELP } from '../src/cli/help.ts';
import { run } from '../src/cli/main.ts';

type Gradient = (x: number[]) => { value: number; grad: number[] };

/** The printed program, evaluated as the help says it can be. */
// biome-ignore lint/security/noGlobalEval: running the printed program is the claim under test
const evaluate = (source: string): Gradient => globalThis.eval(source) as Gradient;

describe('wengert adjoint', () => {
  it('prints a program that returns f(2, 3) = 14 and ∇f = (10x − y, −x) = (17, −2) for 5x² − xy', async () => {
    const { output, code } = await run(['adjoint', '5*x^2 - x*y', '--at', 'x=2,y=3']);
    expect(code).toBe(0);
    const lines = output.split('\n');
    expect(lines[0]).toBe(
      '// f(x, y) = 5*x^2 - x*y: its value and gradient by reverse mode, written out by wengert adjoint',
    );
    expect(lines[1]).toBe('// at (x, y) = (2, 3), it returns value 14 and gradient [17, -2]');
    expect(lines[2]).toBe('(x) => {');
    expect(output).toContain('const w3 = Math.pow(w1, 2);');
    expect(output).toContain('w1_bar += w3_bar * (2 * w1);');
    // the comment lines above the program do not stop it from running
    const g = evaluate(output);
    expect(g([2, 3])).toEqual({ value: 14, grad: [17, -2] });
    expect(g([1, 0])).toEqual({ value: 5, grad: [10, -1] });
  });

  it('without --at shows the value and gradient at 1 for every variable: the program is the same', async () => {
    const at1 = await run(['adjoint', 'sin(x)*y']);
    const at2 = await run(['adjoint', 'sin(x)*y', '--at', '0.5,2']);
    // sin 1 = 0.84147098…, shown to 6 significant digits
    expect(at1.output).toContain('at (x, y) = (1, 1), it returns value 0.841471');
    expect(at1.output.split('\n').slice(2)).toEqual(at2.output.split('\n').slice(2));
  });

  it('--format md: a heading, a sentence and a fenced js block that runs', async () => {
    const { output, code } = await run([
      'adjoint',
      'x*exp(y)',
      '--at',
      'x=2,y=0',
      '--format',
      'md',
    ]);
    expect(code).toBe(0);
    expect(output.startsWith('### The adjoint program of `f(x, y) = x*exp(y)`\n')).toBe(true);
    expect(output).toContain('At (x, y) = (2, 0), it returns value 2 and gradient [1, 2].');
    const block = /```js\n([\s\S]*?)\n```/.exec(output)?.[1] ?? '';
    expect(evaluate(block)([2, 0])).toEqual({ value: 2, grad: [1, 2] });
  });

  it('is listed in the help, and has its own', async () => {
    expect(HELP.main).toContain('adjoint');
    for (const argv of [
      ['adjoint', '--help'],
      ['help', 'adjoint'],
    ]) {
      const { output, code } = await run(argv);
      expect(code).toBe(0);
      expect(output).toContain('wengert adjoint "<expr>" [--at x=2,y=3] [--format ts|md]');
    }
  });

  it.each([
    [['adjoint', 'x*y; x'], /adjoint takes one expression, not 2.*wengert jacobian "x\*y; x"/],
    [['adjoint', 'x', '--format', 'js'], /--format must be one of ts, md; got 'js'/],
    [['adjoint', 'x*y', '--at', 'x=1,z=2'], /'z' is not a variable/],
    [['adjoint', 'x', '--at', 'x=Infinity'], /finite points only/],
    [
      ['adjoint', 'x', '--mode', 'reverse'],
      /adjoint: unknown option '--mode'; adjoint takes --at, --format and --help/,
    ],
    [['adjoint', '5*x^*2'], /parse error at column 5/],
    [['adjoint'], /adjoint takes one expression in quotes/],
  ])('%j fails with one line and exit code 2', async (argv, message) => {
    const { output, code } = await run(argv);
    expect(code).toBe(2);
    expect(output).toMatch(message);
    expect(output.split('\n')).toHaveLength(1);
  });
});
