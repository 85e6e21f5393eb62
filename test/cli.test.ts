/** @file The command line: each command's output, --help, and one-line errors with exit code 2. */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPLAIN_LIMIT, HELP } from '../src/cli/help.ts';
import { run } from '../src/cli/main.ts';
import { ParseError, parse } from '../src/index.ts';

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
    // J = [[y, x], [cos x, 1]] at (1, 2); cos 1 = 0.54030230… to 6 significant digits
    expect(rows).toEqual(['[2, 1]', '[0.540302, 1]']);
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
    [['grad', 'x', '--at', 'x=abc'], /'abc' is not a number \(x\)/],
    [['grad', '5*x^*2', '--at', 'x=1'], /parse error at column 5/],
    [['grad', 'foo(x)', '--at', 'x=1'], /foo/],
    [
      ['explain', 'x', '--at', 'x=1', '--mode', 'sideways'],
      /--mode must be one of forward, reverse, both/,
    ],
    [['explain', 'x', '--at', 'x=1', '--bogus'], /^wengert: explain: unknown option '--bogus'/],
    [
      ['grad', 'x', '--at', 'x=1', '--mode', 'forward'],
      /grad: unknown option '--mode'; grad takes --at, --format and --help/,
    ],
    [
      ['jacobian', 'x', '--at', 'x=1', '--svg', 'g.svg'],
      /jacobian: unknown option '--svg'; jacobian takes --at, --mode, --format and --help/,
    ],
    [['grad', 'x', '--at'], /grad: --at needs a value/],
    [['grad', 'x', '--at', '--format', 'json'], /grad: --at needs a value/],
    [['grad', 'x', '--help=yes'], /--help takes no value/],
    [
      ['jacobian', 'x', '--at', 'x=1', '--mode', 'forward', '--mode', 'reverse'],
      /--mode is given twice \('forward' and 'reverse'\)/,
    ],
    [['grad', 'x*y', '--at', 'x=1', '--at', 'x=2'], /'x' is given twice \(x=1 and x=2\)/],
    [
      ['jacobian', 'x', '--at', 'x=1', '--mode', 'sideways'],
      /--mode must be one of forward, reverse, auto, compare/,
    ],
    [['grad', 'x', '--at', 'x=1', '--format', 'latex'], /--format must be one of text, json, md/],
    [['help', 'frob'], /unknown command 'frob'; the commands are explain, grad, jacobian/],
    [['--frob'], /'--frob' before a command/],
    [['grad', 'x', 'y', '--at', 'x=1'], /one expression in quotes.*got 2: 'x', 'y'/],
    [['grad', '--at', 'x=1'], /one expression in quotes.*got none/],
    [['grad', 'x', '-at', '1'], /grad: '-at' is not an option; write --at \(two minuses\)/],
    [
      ['explain', 'x', '--at', '1', '--svg', 'no-such-folder/graph.svg'],
      /--svg: cannot write 'no-such-folder\/graph.svg': the folder 'no-such-folder' does not exist$/,
    ],
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

describe('an expression that starts with a minus', () => {
  it('is the expression, not an option: grad "-x^2" at 3 is -9 with slope -6', async () => {
    const { output, code } = await run(['grad', '-x^2', '--at', 'x=3']);
    expect(code).toBe(0);
    expect(output.split('\n')).toEqual([`f = ${-(3 ** 2)}`, `∂f/∂x = ${-2 * 3}`]);
  });

  it('works in every command, before or after the flags, and after --', async () => {
    expect((await run(['grad', '--at', 'x=3', '-x^2'])).output).toContain(`∂f/∂x = ${-6}`);
    expect((await run(['grad', '--at', 'x=3', '--', '-x^2'])).output).toContain(`∂f/∂x = ${-6}`);
    const jac = await run(['jacobian', '-x*y; -y', '--at', '2,5']);
    expect(jac.output.split('\n').filter((l) => l.startsWith('['))).toEqual([
      '[-5, -2]',
      '[0, -1]',
    ]);
    const explained = await run(['explain', '-sin(x)', '--at', 'x=0']);
    expect(explained.code).toBe(0);
    expect(explained.output).toContain('Reverse sweep');
  });

  it('a negative value after --at is a value: --at -1 and --at x=-1', async () => {
    for (const at of ['-1', 'x=-1']) {
      const { output, code } = await run(['grad', 'x^3', '--at', at]);
      expect(code).toBe(0);
      expect(output).toContain(`∂f/∂x = ${3 * (-1) ** 2}`);
    }
  });

  it('reaches the real executable unharmed', () => {
    const ok = spawnSync(process.execPath, [BIN, 'grad', '-x^2', '--at', 'x=3'], {
      encoding: 'utf8',
    });
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toContain(`∂f/∂x = ${-6}`);
  });
});

describe('--version and help', () => {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8'));

  it.each([['--version'], ['-v']])('%s prints the version of package.json', async (flag) => {
    expect(await run([flag])).toEqual({ output: pkg.version, code: 0 });
  });

  it('help lists the commands with exit code 0; no arguments prints it with exit code 2', async () => {
    expect(await run(['help'])).toEqual({ output: HELP.main, code: 0 });
    expect(await run(['--help'])).toEqual({ output: HELP.main, code: 0 });
    expect(await run([])).toEqual({ output: HELP.main, code: 2 });
    for (const command of ['explain', 'grad', 'jacobian']) expect(HELP.main).toContain(command);
    expect(HELP.main).toContain('wengert help <command>');
    expect(HELP.main).toContain('--version');
  });

  it.each(['explain', 'grad', 'jacobian'] as const)(
    'help %s is the command’s own help, the same as --help and -h, and says --at must be finite',
    async (command) => {
      const help = await run(['help', command]);
      expect(help).toEqual({ output: HELP[command], code: 0 });
      expect(await run([command, '--help'])).toEqual(help);
      expect(await run([command, '-h'])).toEqual(help);
      expect(help.output).toMatch(
        /finite numbers:\s+Infinity, NaN and literals that overflow \(1e400\) are refused/,
      );
    },
  );

  it('the real executable prints the version', () => {
    const out = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
    expect(out.status).toBe(0);
    expect(out.stdout.trim()).toBe(pkg.version);
  });
});

describe('--format for grad and jacobian', () => {
  it('grad --format json: expression, variables, point, value, gradient and the ledger', async () => {
    const { output, code } = await run([
      'grad',
      '5*x^2 - x*y',
      '--at',
      'x=2,y=3',
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(output);
    expect(json).toMatchObject({
      expression: '5*x^2 - x*y',
      variables: ['x', 'y'],
      at: [2, 3],
      value: 5 * 4 - 6,
      gradient: [10 * 2 - 3, -2],
    });
    expect(json.cost).toMatchObject({ reverseSweeps: 1, forwardPasses: 0 });
  });

  it('text writes numbers to 6 significant digits, grouped from 10,000; json keeps every digit', async () => {
    // f = 10000x² + y/3 at (1.5, 2): 22500.666…, ∂f/∂x = 20000x = 30000, ∂f/∂y = 1/3
    const args = ['grad', '10000*x^2 + y/3', '--at', '1.5,2'];
    const text = await run(args);
    expect(text.output.split('\n')).toEqual(['f = 22,500.7', '∂f/∂x = 30,000', '∂f/∂y = 0.333333']);
    const json = JSON.parse((await run([...args, '--format', 'json'])).output);
    expect(json.value).toBe(22500 + 2 / 3);
    expect(json.gradient).toEqual([30000, 1 / 3]);
    const infinite = await run(['grad', 'log(x)', '--at', '0']);
    expect(infinite.output.split('\n')).toEqual(['f = -∞', '∂f/∂x = ∞']);
  });

  it('json writes non-finite results as strings, since JSON has no Infinity', async () => {
    const json = JSON.parse(
      (await run(['grad', 'log(x)*y', '--at', '0,1', '--format', 'json'])).output,
    );
    expect(json.value).toBe('-Infinity');
    expect(json.gradient).toEqual(['Infinity', '-Infinity']);
    const nan = JSON.parse((await run(['grad', 'x/x', '--at', '0', '--format', 'json'])).output);
    expect(nan.value).toBe('NaN');
  });

  it('grad --format md is a Markdown table of f and its partials', async () => {
    const { output } = await run(['grad', 'x*y', '--at', 'x=2,y=3', '--format', 'md']);
    expect(output.split('\n')).toEqual([
      'f = x*y at (x, y) = (2, 3)',
      '',
      '|  | value |',
      '| --- | ---: |',
      `| f | ${6} |`,
      `| ∂f/∂x | ${3} |`,
      `| ∂f/∂y | ${2} |`,
    ]);
  });

  it('jacobian --format json and md hold the Jacobian', async () => {
    const at = ['--at', 'x=1,y=2'];
    const json = JSON.parse(
      (await run(['jacobian', 'x*y; x + y', ...at, '--format', 'json'])).output,
    );
    expect(json).toMatchObject({
      expressions: ['x*y', 'x + y'],
      variables: ['x', 'y'],
      value: [2, 3],
      mode: 'reverse',
      jacobian: [
        [2, 1],
        [1, 1],
      ],
    });
    expect(json.cost.reverseSweeps).toBe(2);
    const md = (await run(['jacobian', 'x*y; x + y', ...at, '--format', 'md'])).output;
    expect(md.split('\n')).toEqual([
      '|  | ∂/∂x | ∂/∂y |',
      '| --- | ---: | ---: |',
      '| x*y | 2 | 1 |',
      '| x + y | 1 | 1 |',
    ]);
  });

  it('jacobian --mode compare --format json holds both Jacobians and both ledgers', async () => {
    const json = JSON.parse(
      (
        await run([
          'jacobian',
          'x*y; sin(x)',
          '--at',
          '1,2',
          '--mode',
          'compare',
          '--format',
          'json',
        ])
      ).output,
    );
    const expected = [
      [2, 1],
      [Math.cos(1), 0],
    ];
    expect(json.forward.jacobian).toEqual(expected);
    expect(json.reverse.jacobian).toEqual(expected);
    expect(json.forward.cost.forwardPasses).toBe(2);
    expect(json.reverse.cost.reverseSweeps).toBe(2);
    expect(json.maxAbsDifference).toBe(0);
  });
});

describe('jacobian --mode auto', () => {
  it.each([
    // n inputs, m outputs: forward when 2(n − 1) < m + 1
    ['x; 2*x; 3*x; x^2', 'x=1', 'forward', [[1], [2], [3], [2]]],
    ['x + y + z', 'x=1,y=2,z=3', 'reverse', [[1, 1, 1]]],
  ])('%s at %s goes %s and says so', async (source, at, chosen, expected) => {
    const { output, code } = await run(['jacobian', source, '--at', at, '--mode', 'auto']);
    expect(code).toBe(0);
    expect(output).toContain(`auto chose ${chosen} mode`);
    const rows = output.split('\n').filter((l) => l.startsWith('['));
    expect(rows).toEqual((expected as number[][]).map((r) => `[${r.join(', ')}]`));
    const json = JSON.parse(
      (await run(['jacobian', source, '--at', at, '--mode', 'auto', '--format', 'json'])).output,
    );
    expect(json.mode).toBe(chosen);
  });
});

describe('blank expressions', () => {
  it.each(['', '   ', '\n', '\n\n', ' \n\t ', '\r\n'])(
    '%j is a parse error with one line and exit code 2',
    async (source) => {
      for (const command of ['grad', 'explain', 'jacobian']) {
        const { output, code } = await run([command, source, '--at', '1']);
        expect(code).toBe(2);
        expect(output).toMatch(/^wengert: parse error at (line 1, )?column 1: empty expression/);
        expect(output.split('\n')).toHaveLength(1);
      }
    },
  );

  it('parse keeps its caret line: the caret under column 1, never a negative padding', () => {
    for (const source of ['\n', '\n\n', '\r\n']) {
      let error: unknown;
      try {
        parse(source);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ParseError);
      expect((error as ParseError).message.split('\n').at(-1)).toBe('  ^');
    }
  });
});

describe('--at and the other points must be finite', () => {
  const commands = [
    ['grad', 'x*y'],
    ['explain', 'x*y'],
    ['jacobian', 'x*y; x'],
  ] as const;
  it.each(['Infinity', '-Infinity', 'NaN', '1e400', '-1e400'])(
    '%s is refused with one line and exit code 2 in every command',
    async (bad) => {
      for (const [command, source] of commands) {
        for (const at of [`x=${bad},y=1`, `1,${bad}`]) {
          const { output, code } = await run([command, source, '--at', at]);
          expect(code).toBe(2);
          expect(output.split('\n')).toHaveLength(1);
          expect(output).toContain(`'${bad}'`);
          expect(output).toMatch(
            /(is not finite|overflows to -?Infinity) \([xy]\); the CLI works at finite points only/,
          );
        }
      }
    },
  );

  it('so are --direction and --seed', async () => {
    const direction = await run(['explain', 'x', '--at', 'x=1', '--direction', 'x=Infinity']);
    expect(direction.code).toBe(2);
    expect(direction.output).toContain('--direction');
    const seed = await run(['explain', 'x', '--at', 'x=1', '--seed', '1e999']);
    expect(seed.code).toBe(2);
    expect(seed.output).toMatch(/--seed: '1e999' overflows to Infinity/);
  });

  it('a large finite value is fine', async () => {
    expect((await run(['grad', '2*x', '--at', 'x=1e300'])).output).toContain(`∂f/∂x = 2`);
  });
});

describe('repeated --at', () => {
  it('is merged: --at x=1 --at y=2 is --at x=1,y=2', async () => {
    const merged = await run(['grad', 'x*y^2', '--at', 'x=1', '--at', 'y=2']);
    expect(merged).toEqual(await run(['grad', 'x*y^2', '--at', 'x=1,y=2']));
    expect(merged.output).toContain(`∂f/∂y = ${2 * 1 * 2}`);
  });
});

describe('grad of several expressions', () => {
  it('points to wengert jacobian with the same expressions', async () => {
    const { output, code } = await run(['grad', 'x*y; sin(x)', '--at', '1,2']);
    expect(code).toBe(2);
    expect(output).toBe(
      'wengert: grad takes one expression, not 2; for the Jacobian of several run: wengert jacobian "x*y; sin(x)" --at ...',
    );
  });

  it('a stray semicolon that is not a list stays a parse error', async () => {
    const { output } = await run(['grad', 'x*;', '--at', '1']);
    expect(output).toMatch(/parse error at column 3/);
  });

  it('explain takes several expressions as one function with several outputs', async () => {
    const { output, code } = await run([
      'explain',
      'x*y; sin(x)',
      '--at',
      '1,2',
      '--seed',
      '0,1',
      '--mode',
      'reverse',
    ]);
    expect(code).toBe(0);
    expect(output).toContain('seed (0, 1)');
    const w1 = output.split('\n').find((line) => /^\s*1\s+w̄1/.test(line)) ?? '';
    expect(w1.trim().endsWith(String(Number(Math.cos(1).toPrecision(6))))).toBe(true);
  });
});

describe('--svg', () => {
  it('into a missing folder is one line naming the folder, and nothing is written', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'wengert-')), 'missing');
    const file = join(folder, 'graph.svg');
    const { output, code } = await run(['explain', 'x*y', '--at', '1,2', '--svg', file]);
    expect(code).toBe(2);
    expect(output).toBe(
      `wengert: --svg: cannot write '${file}': the folder '${folder}' does not exist`,
    );
    expect(existsSync(folder)).toBe(false);
  });

  it('onto a folder is one line too', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'wengert-'));
    const { output, code } = await run(['explain', 'x', '--at', '1', '--svg', folder]);
    expect(code).toBe(2);
    expect(output).toBe(`wengert: --svg: cannot write '${folder}': it is a folder`);
  });
});

/** A sum of n terms cycling through x, sin(y) and x*y: ∂/∂x and ∂/∂y are counted by hand. */
function longSum(n: number): { source: string; dx: number; dy: number } {
  const terms = Array.from({ length: n }, (_, i) => ['x', 'sin(y)', 'x*y'][i % 3] as string);
  const count = (t: string) => terms.filter((u) => u === t).length;
  const [x, y] = [1, 2];
  return {
    source: terms.join(' + '),
    dx: count('x') + count('x*y') * y,
    dy: count('sin(y)') * Math.cos(y) + count('x*y') * x,
  };
}

describe('explain on long expressions', () => {
  it(`above ${EXPLAIN_LIMIT} steps prints a summary with the gradient and how to see everything`, async () => {
    const { source, dx, dy } = longSum(1000);
    const { output, code } = await run(['explain', source, '--at', 'x=1,y=2']);
    expect(code).toBe(0);
    const lines = output.split('\n');
    expect(lines.length).toBeLessThan(10);
    // a count under 10,000 has no thousands separator
    expect(output).toMatch(/^The Wengert list has 1[0-9]{3} steps \(2 inputs/);
    const partial = (name: string) =>
      Number(new RegExp(`∂/∂${name} = ([-0-9.e]+)`).exec(output)?.[1]);
    // printed to 6 significant digits: within half a unit of the sixth
    expect(Math.abs(partial('x') - dx)).toBeLessThanOrEqual(5e-6 * Math.abs(dx));
    expect(Math.abs(partial('y') - dy)).toBeLessThanOrEqual(5e-6 * Math.abs(dy));
    expect(output).toContain('add --full');
  });

  it(`up to ${EXPLAIN_LIMIT} steps prints the tables`, async () => {
    const { output } = await run(['explain', longSum(60).source, '--at', 'x=1,y=2']);
    expect(output).toContain('Reverse sweep');
    expect(output).not.toContain('--full');
  });

  it('--full grows linearly: 10,000 terms print about 10 times what 1,000 do, in seconds', async () => {
    const size = async (n: number) => {
      const start = performance.now();
      const { output, code } = await run([
        'explain',
        longSum(n).source,
        '--at',
        'x=1,y=2',
        '--full',
      ]);
      expect(code).toBe(0);
      return { bytes: output.length, ms: performance.now() - start, output };
    };
    const small = await size(1000);
    const large = await size(10_000);
    const ratio = large.bytes / small.bytes;
    expect(ratio).toBeGreaterThan(8);
    expect(ratio).toBeLessThan(12);
    expect(large.ms).toBeLessThan(30_000);
    // Every contribution is listed under --full: x receives one per x and per x*y term.
    const x = large.output.split('\n').find((line) => /^\s*1\s+w̄1/.test(line)) ?? '';
    expect(x.split('+=').length - 1).toBe(2 * Math.ceil(10_000 / 3) * 2 - 2);
  }, 60_000);

  it('without --full a row lists 6 contributions and counts the rest', async () => {
    // x + x + ... + x (60 terms): x receives one contribution per use, 60 in all.
    const source = new Array(60).fill('x').join(' + ');
    const row = async (...flags: string[]) =>
      (await run(['explain', source, '--at', 'x=1', '--mode', 'reverse', ...flags])).output
        .split('\n')
        .find((line) => /^\s*1\s+w̄1/.test(line)) ?? '';
    const short = await row();
    expect(short).toContain(`… ${60 - 6} more …`);
    expect(short.split('+=').length - 1).toBe(2 * 6);
    expect(short.trim().endsWith(' 60')).toBe(true);
    const full = await row('--full');
    expect(full).not.toContain('more');
    expect(full.split('+=').length - 1).toBe(2 * 60);
  });
});

describe('notebooks refuse bad flags in one line', () => {
  const notebook = join(import.meta.dirname, '..', 'notebooks', '02-dual-numbers.ts');
  const runNotebook = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', notebook, ...args], { encoding: 'utf8' });

  it.each([
    [['--markdown'], /^02-dual-numbers\.ts: --markdown needs a file name/],
    [['--markdown='], /--markdown needs a file name/],
    [['--markdown', '--svg', 'x.svg'], /--markdown needs a file name/],
    [['--bogus'], /unknown option --bogus; a notebook takes --markdown FILE and --svg FILE/],
    [['stray'], /unexpected argument 'stray'/],
  ])('%j', (args, says) => {
    const out = runNotebook(...args);
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).toMatch(says);
  });
});
