/** @file Runs every notebook in a child process: it must exit 0, print its key numbers (computed here by hand, in plain JS) and write its Markdown. */

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { initialParams, moons, plainLoss } from '../notebooks/lib/mlp.ts';
import { TAPE_LAYOUT, tapeBytes } from './support.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const folder = join(root, 'notebooks');
const notebooks = readdirSync(folder)
  .filter((name) => /^\d\d-.*\.ts$/.test(name))
  .sort();

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly markdown: string | undefined;
  readonly svg: string | undefined;
}

const runs = new Map<string, Run>();

/** Runs one notebook with `--markdown` into a fresh folder. */
function run(name: string, out: string): Promise<Run> {
  const md = join(out, name.replace(/\.ts$/, '.md'));
  const svg = join(out, name.replace(/\.ts$/, '.svg'));
  const args = ['--import', 'tsx', join('notebooks', name), '--markdown', md, '--svg', svg];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: root, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      const markdown = existsSync(md) ? readFileSync(md, 'utf8') : undefined;
      resolve({
        code,
        stdout,
        stderr,
        markdown,
        svg: existsSync(svg) ? readFileSync(svg, 'utf8') : undefined,
      });
    });
  });
}

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'wengert-notebooks-'));
  const results = await Promise.all(notebooks.map((name) => run(name, out)));
  notebooks.forEach((name, i) => {
    runs.set(name, results[i] as Run);
  });
}, 120_000);

const NUMBER = /-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:e[+-]?\d+)?|-?∞|-?Infinity|NaN/g;

/** Every number in a piece of text (thousands separators allowed, ∞ read as Infinity). */
function numbers(text: string): number[] {
  return (text.match(NUMBER) ?? []).map((s) =>
    Number(s.replaceAll(',', '').replace('∞', 'Infinity')),
  );
}

/** The numbers a notebook printed as `label = ...` (the first such line). */
function reported(output: string, label: string): number[] {
  const line = output.split('\n').find((l) => l.trim().startsWith(`${label} `));
  if (line === undefined) throw new Error(`no line '${label} = ...' in the output`);
  const rest = line
    .trim()
    .slice(label.length)
    .replace(/^\s*=\s*/, '');
  return numbers(rest);
}

/** The numbers in the cells after `lead` of the first text-table row whose first cells are `lead`. */
function row(output: string, ...lead: string[]): number[] {
  for (const line of output.split('\n')) {
    const cells = line.trim().split(/\s{2,}/);
    if (lead.every((c, i) => cells[i] === c)) return numbers(cells.slice(lead.length).join('  '));
  }
  throw new Error(`no table row starting '${lead.join(' | ')}'`);
}

/**
 * Notebooks print numbers to 6 significant digits: each printed number must
 * be the expected one rounded so, within half a unit of its sixth digit (a
 * relative 5e-6), give or take `slack` where the expected value is itself
 * computed from a printed, rounded number or from a finite difference.
 */
function expectClose(actual: readonly number[], expected: readonly number[], slack = 0): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((e, i) => {
    const error = Math.abs((actual[i] as number) - e);
    expect(error, `${actual[i]} printed for ${e}`).toBeLessThanOrEqual(5e-6 * Math.abs(e) + slack);
  });
}

const times = (M: number[][], v: number[]) =>
  M.map((r) => r.reduce((s, m, j) => s + m * (v[j] as number), 0));
const transpose = (M: number[][]) => (M[0] ?? []).map((_, j) => M.map((r) => r[j] as number));
const matmul = (P: number[][], Q: number[][]) => P.map((r) => times(transpose(Q), r));

/** Each notebook's key numbers, derived by hand. */
const checks: Record<string, (out: string, run: Run) => void> = {
  '00-demo.ts': (out) => {
    expect(reported(out, 'f(2, 3)')).toEqual([5 * 2 ** 2 - 2 * 3]);
    expect(reported(out, 'gradient, reverse mode (1 sweep)')).toEqual([10 * 2 - 3, -2]);
    expect(reported(out, 'gradient, forward mode (2 JVPs)')).toEqual([10 * 2 - 3, -2]);
    expect(reported(out, 'forward passes')).toEqual([1000]);
    expect(reported(out, 'reverse sweeps')).toEqual([1]);
    const entries = 1000 * 3; // each input, its square, and the sum so far
    expect(reported(out, 'reverse tape entries')).toEqual([entries]);
    const [inUse, capacity] = tapeBytes(entries);
    expect(reported(out, 'reverse tape bytes in use')).toEqual([inUse]);
    expect(reported(out, 'reverse tape capacity (bytes)')).toEqual([capacity]);
    for (const name of notebooks.filter((n) => !n.startsWith('00-'))) {
      expect(out).toContain(`npx tsx notebooks/${name}`);
    }
  },
  '01-chain-rule.ts': (out) => {
    const x = 0.8;
    const dydx = Math.exp(Math.sin(x * x)) * Math.cos(x * x) * 2 * x;
    for (const label of [
      'dy/dx by forward accumulation (ẇ4)',
      'dy/dx by reverse accumulation (w̄1)',
      'jvp(y, 0.8, 1).tangent',
      'grad(y)(0.8)',
    ]) {
      expectClose(reported(out, label), [dydx]);
    }
  },
  '02-dual-numbers.ts': (out) => {
    expect(reported(out, 'jvp(square, 3, 1)')).toEqual([3 * 3, 2 * 3]);
    expectClose(reported(out, 'jvp(f, 1, 1).tangent'), [Math.exp(1) * (Math.sin(1) + Math.cos(1))]);
    const J = [
      [2, 1],
      [Math.cos(1), 2 * 2],
    ]; // g(x, y) = (xy, sin x + y²) at (1, 2)
    expectClose(reported(out, 'jvp(g, (1, 2), (2, -1)).tangent'), times(J, [2, -1]));
    expectClose(reported(out, 'jvp(g, (1, 2), (1, 0)).tangent'), times(J, [1, 0]));
  },
  '03-reverse-accumulation.ts': (out) => {
    const [x, y] = [2, 3];
    expect(reported(out, 'grad(f)(2, 3)')).toEqual([10 * x - y, -x]);
    expect(reported(out, 'w̄1 = their sum')).toEqual([10 * x - y]);
    expect(reported(out, 'path through 5x² (w3)')).toEqual([10 * x]);
    expect(reported(out, 'path through xy (w5)')).toEqual([-y]);
    expect(reported(out, 'pullback(2)')).toEqual([2 * (10 * x - y), -2 * x]);
    // two inputs, x·x, 5·(x·x), x·y and the difference: six entries, one tape for both sweeps
    expect(reported(out, 'tape entries recorded')).toEqual([6]);
    const [inUse, capacity] = tapeBytes(6);
    expect(reported(out, 'tape bytes in use')).toEqual([inUse]);
    expect(reported(out, 'tape capacity (bytes)')).toEqual([capacity]);
    expect(out).toMatch(new RegExp(`^ +1 +w̄1 .* ${10 * x - y}$`, 'm'));
  },
  '04-local-jacobians.ts': (out) => {
    const [x, y, z] = [0.5, 2, 1];
    const [p, q] = [x * y, Math.sin(z)];
    const [r, s] = [p * q, p + q];
    const JA = [
      [y, x, 0],
      [0, 0, Math.cos(z)],
    ];
    const JB = [
      [q, p],
      [1, 1],
    ];
    const JC = [
      [1 - Math.tanh(r) ** 2, 0],
      [1, -2 * s],
    ];
    const J = matmul(JC, matmul(JB, JA));
    const [u, v] = [
      [1, 3],
      [1, -1, 2],
    ];
    const Jv = times(J, v);
    const JTu = times(transpose(J), u);
    expectClose(reported(out, 'jvp(F, x, v).tangent'), Jv);
    expectClose(reported(out, 'vjp(F, x).pullback(u)'), JTu);
    expect(reported(out, '(x̄, ȳ) for z̄ = 1')).toEqual([3, 2]);
    const uJv = Jv.reduce((sum, w, i) => sum + w * (u[i] as number), 0);
    expectClose(row(out, 'u, v above').slice(0, 2), [uJv, uJv]);
    for (let k = 1; k <= 4; k++) {
      const [left, right] = row(out, `random ${k}`);
      expectClose([left as number], [right as number]);
    }
  },
  '05-jacobian-cost.ts': (out) => {
    // m outputs, each n products + n sums + one tanh: m(2n + 1) applications per evaluation.
    const size = (n: number, m: number) => m * (2 * n + 1);
    const passes = out.split('\n').find((l) => l.startsWith('| forward passes')) ?? '';
    expect(numbers(passes)).toEqual([32, 0]); // the first cost table: n = 32, m = 1
    const n = 8;
    const ms = [1, 2, 4, 8, 12, 16, 24, 32];
    for (const m of ms) {
      const [passes, forward, sweeps, reverse, inUse, capacity] = row(out, `${n} × ${m}`);
      expect([passes, sweeps]).toEqual([n, m]);
      // the tape: the n inputs, then the evaluation's applications
      expect([inUse, capacity]).toEqual(tapeBytes(n + size(n, m)));
      expect(forward).toBe(n * 2 * size(n, m)); // each pass: primal + tangent
      expect(reverse).toBe(size(n, m) + m * size(n, m)); // one recording + m sweeps
    }
    const crossover = ms.find((m) => n * 2 * size(n, m) < (1 + m) * size(n, m));
    expect(reported(out, 'first m where forward does less work')).toEqual([crossover]);
    expect(reported(out, 'where the auto rule switches to forward')).toEqual([
      ms.find((m) => 2 * (n - 1) < 1 + m),
    ]);
  },
  '09-higher-order.ts': (out) => {
    const [x, y] = [1, 2]; // f = x³y + 2xy²
    const H = [6 * x * y, 3 * x * x + 4 * y, 3 * x * x + 4 * y, 4 * x];
    expect(reported(out, 'hessian(f)(1, 2)')).toEqual(H);
    expect(reported(out, 'first column, jvp of grad')).toEqual([H[0], H[2]]);
    const [a, b] = [0.5, -1]; // g = e^(xy)
    const e = Math.exp(a * b);
    const gH = [b * b * e, (1 + a * b) * e, a * a * e];
    for (const name of [
      'forward over reverse, hessian(g)',
      'reverse over reverse, jacrev(grad(g))',
      'forward over forward, jacfwd(jacfwd(g))',
    ]) {
      expectClose(row(out, name).slice(0, 3), gH);
    }
    // d/dx [x · d/dy (x + y)] = d/dx [x · 1] = 1; one shared ε makes the inner 1 + 1 = 2.
    expect(reported(out, 'untagged duals give')).toEqual([1 * (1 + 1)]);
    for (const label of [
      'the code above',
      'outer forward, inner forward',
      'outer reverse, inner reverse',
      'outer forward, inner reverse',
      'outer reverse, inner forward',
    ]) {
      expect(reported(out, label)).toEqual([1]);
    }
  },
  '08-what-gets-differentiated.ts': (out) => {
    expect(reported(out, 'p′(2), the x² branch ran')).toEqual([2 * 2]);
    expect(reported(out, 'p′(−1), the −3x branch ran')).toEqual([-3]);
    expect(reported(out, 'p′(0), the −3x branch ran')).toEqual([-3]);
    expect(reported(out, 'update′(3)')).toEqual([2 * 3]);
    expect(reported(out, 'entries in the trace of powerLoop(2)')).toEqual([1 + 4]);
    expect(reported(out, 'powerLoop′(2)')).toEqual([4 * 2 ** 3]);
    // value, then ∂/∂ each input by jacfwd, then by grad (the 'why' column may hold digits too)
    expect(row(out, 'abs(x)', '(0)').slice(0, 3)).toEqual([0, 0, 0]);
    expect(row(out, 'relu(x)', '(0)').slice(0, 3)).toEqual([0, 0, 0]);
    expect(row(out, 'max(x, y)', '(1, 1)')).toEqual([1, 0.5, 0.5, 0.5, 0.5]);
    expect(row(out, 'max(x, x)', '(1)').slice(0, 3)).toEqual([1, 1, 1]);
    expect(row(out, 'log(x)', '(0)')).toEqual([Math.log(0), 1 / 0, 1 / 0]);
    expect(row(out, 'log(x)', '(-1)').slice(0, 3)).toEqual([Math.log(-1), 1 / -1, 1 / -1]);
    expect(row(out, 'sqrt(x)', '(0)')).toEqual([0, 0.5 / 0, 0.5 / 0]);
    const quotient = [1 / 0, -0 / 0 ** 2]; // ∂(x/y)/∂x = 1/y, ∂/∂y = −x/y² at (0, 0)
    expect(row(out, 'x / y', '(0, 0)').slice(0, 5)).toEqual([0 / 0, ...quotient, ...quotient]);
    expect(reported(out, 'ignoresLog′(0)')).toEqual([1]);
    expect(out).toContain('TypeError: wengert: a traced value');
  },
  '06-backprop-mlp.ts': (out, run) => {
    const data = moons(200, 7);
    const start = initialParams(16, 3);
    expect(reported(out, 'gradient by hand vs toolkit, largest difference')[0]).toBeLessThan(1e-12);
    // 4 parameter inputs; matmul, add, tanh, matmul, add, mseLoss
    expect(reported(out, 'tape entries (inputs included)')).toEqual([4 + 6]);
    expect(reported(out, 'reverse sweeps')).toEqual([1]);
    expectClose(reported(out, 'loss before training'), [plainLoss(start, data)]);
    const after = reported(out, 'loss after 3,000 steps')[0] as number;
    expect(after).toBeLessThan(plainLoss(start, data) / 10);
    expect(reported(out, 'training accuracy after')[0]).toBeGreaterThan(0.95);
    for (const parameter of ['W1', 'b1', 'W2', 'b2']) {
      const [hand, differences] = row(out, parameter).slice(-2) as [number, number];
      expect(hand, parameter).toBeLessThan(1e-12);
      expect(differences, parameter).toBeLessThan(1e-6);
    }
    expect(run.svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(run.svg).toContain('class="mark-line role-mark');
  },
  '07-memory-and-checkpointing.ts': (out) => {
    // x·x·…·x with n products: the input and one entry per product
    for (const n of [1, 10, 100, 1000, 1023, 1024, 2000, 3000]) {
      expect(row(out, String(n)), `${n} products`).toEqual([n + 1, ...tapeBytes(n + 1)]);
    }
    const activation = (8 * 32 * 64) / 1024; // KB: one 32×64 matrix of doubles
    const weight = (8 * 32 * 32) / 1024; // KB: one 32×32 weight matrix
    for (const layers of [16, 64, 256]) {
      const [forward, reverse, inUse, capacity] = row(out, String(layers));
      expect(forward, `forward mode at L = ${layers}`).toBeLessThan(4 * activation);
      // two activations a layer (matmul's output and tanh's) stay on the tape
      expect(reverse, `reverse mode at L = ${layers}`).toBeGreaterThan(
        0.9 * 2 * layers * activation,
      );
      // the ledger: those activations, the weights given as inputs and their gradients
      expect(inUse, `tape in use at L = ${layers}`).toBeGreaterThan(
        layers * (2 * activation + 2 * weight),
      );
      // capacity: at most one unused block (25,600 bytes) more per tape held
      expect((capacity as number) - (inUse as number)).toBeGreaterThanOrEqual(0);
      expect((capacity as number) - (inUse as number)).toBeLessThanOrEqual(
        (TAPE_LAYOUT.block * TAPE_LAYOUT.entry) / 1024 + 1,
      );
    }
    const plain = row(out, 'no checkpoint');
    expect(plain[1]).toBeGreaterThanOrEqual(plain[0] as number);
    expect(plain.slice(2)).toEqual([2 * 64 + 1, 2 * 64 + 1, 1, 0]);
    for (const k of [2, 4, 8, 16]) {
      const [peak, capacity, primal, adjoint, sweeps, difference] = row(out, `${k} layers`);
      expect(capacity, `segments of ${k}`).toBeGreaterThanOrEqual(peak as number);
      expect(peak, `segments of ${k}`).toBeLessThan(plain[0] as number);
      // the outer tape: 64/k segments and the sum; each layer recorded twice more
      expect(primal, `segments of ${k}`).toBe(64 / k + 1 + 2 * 2 * 64);
      expect(adjoint, `segments of ${k}`).toBe(64 / k + 1 + 2 * 64);
      expect(sweeps, `segments of ${k}`).toBe(1 + 64 / k);
      expect(difference, `segments of ${k}`).toBe(0);
    }
  },
  '10-your-own-primitive.ts': (out) => {
    const sigma = (x: number) => 1 / (1 + Math.exp(-x));
    // attempt 1, the partial σ(−x): only jvp fails, where the two values are σ(−x) and σ(x)
    expect(reported(out, 'attempt 1: checks failed')).toEqual([1]);
    const [x] = reported(out, 'attempt 1: worst x') as [number];
    expect(Math.abs(x)).toBeLessThanOrEqual(2);
    // its table row: the error |σ(−x) − σ(x)| (both below 1), the tolerance, the point
    // x is read back from the printout (6 digits), so what is computed from it carries slack
    expectClose(row(out, 'jvp', 'NO'), [Math.abs(sigma(-x) - sigma(x)), 1e-6, x], 1e-5);
    expectClose(
      reported(out, 'attempt 1: ∂y/∂x by the rule, by differences'),
      [sigma(-x), sigma(x)],
      1e-5,
    );
    // attempt 2, σ(x) on a plain number: the second derivative is lost (0 against σ(1 − σ))
    expect(reported(out, 'attempt 2: checks failed')).toEqual([1]);
    const [x2] = reported(out, 'attempt 2: worst x') as [number];
    const lost = reported(out, 'attempt 2: ∂²y/∂x² by the rule, by differences');
    expectClose(lost, [0, sigma(x2) * (1 - sigma(x2))], 1e-5);
    expect(out).toContain('softplus2: hessian fails at x = ');
    expect(reported(out, 'the rule: checks failed')).toEqual([0]);
    expect(out).toContain('softplus: ok, 5 checks at 10 points in [-2, 2]');
    const s = sigma(1);
    expectClose(reported(out, 'grad(f)(1)'), [s]);
    expectClose(reported(out, 'hessian(f)(1)'), [s * (1 - s)]);
    expectClose(reported(out, 'third derivative, grad of jvp of grad'), [
      s * (1 - s) * (1 - 2 * s),
    ]);
    expect(out).toContain('softplus(w1)');
  },
  '11-sparse-jacobians.ts': (out, run) => {
    const n = 12;
    const x = Array.from({ length: n }, (_, i) => 0.5 * Math.sin(1 + 3 * i));
    const h2 = 1 / (n + 1) ** 2; // Bratu: J_ii = −2 + h²e^{x_i}, J_i,i±1 = 1
    const J = (i: number, j: number) =>
      i === j ? -2 + h2 * Math.exp(x[i] as number) : Math.abs(i - j) === 1 ? 1 : 0;
    expect(reported(out, 'nonzeros in the pattern')).toEqual([3 * n - 2]);
    expect(reported(out, 'colours of the columns')).toEqual([3]);
    expect(reported(out, 'colour 0')).toEqual([0, 3, 6, 9]);
    const seed = x.map((_, j) => (j % 3 === 0 ? 1 : 0));
    expect(reported(out, 'seed of colour 0')).toEqual(seed);
    const Js = x.map((_, i) => seed.reduce<number>((s, sj, j) => s + sj * J(i, j), 0));
    expectClose(reported(out, 'J · seed'), Js, 5e-6); // the notebook rounds to 6 decimals first
    expect(reported(out, 'forward passes')).toEqual([3]);
    expect(reported(out, 'passes without colouring')).toEqual([n]);
    // column colours, row colours, then the passes or sweeps 'auto' ran
    expect(row(out, 'Bratu (tridiagonal)')).toEqual([3, 3, 3]);
    expect(row(out, 'arrow, dense row')).toEqual([n, 2, 2]);
    expect(row(out, 'arrow, dense column')).toEqual([2, n, 2]);
    expect(row(out, 'full arrowhead')).toEqual([n, n, n]);
    // passes, sweeps, colours at n = 400 (then the time)
    expect(row(out, 'dense, jacfwd').slice(0, 3)).toEqual([400, 0, 0]);
    expect(row(out, 'dense, jacrev').slice(0, 3)).toEqual([0, 400, 0]);
    expect(row(out, "coloured, mode 'forward'").slice(0, 3)).toEqual([3, 0, 3]);
    expect(row(out, "coloured, mode 'auto'").slice(0, 3)).toEqual([0, 3, 3]);
    expect(reported(out, 'colours of the Hessian')).toEqual([3]);
    expect(reported(out, 'largest |H_sparse − H_dense|')[0]).toBeLessThan(1e-10);
    expect(run.svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(run.svg).toContain('<rect');
  },
  '12-pitfalls.ts': (out) => {
    const x = 1;
    expectClose(reported(out, 'contributions to x̄'), [Math.sin(x), Math.cos(x)]);
    expectClose(reported(out, 'with += (wengert)'), [Math.sin(x) + x * Math.cos(x)]);
    expectClose(reported(out, 'with = (the last one)'), [Math.cos(x)]);
    expect(reported(out, 'grad(strict)(0)')).toEqual([Number.NaN]);
    expect(reported(out, 'grad(withEq)(0)')).toEqual([0]);
    expect(reported(out, 'grad(withToNumber)(0)')).toEqual([0]);
    expect(reported(out, 'untagged duals')).toEqual([2]);
    expect(reported(out, 'wengert (tagged)')).toEqual([1]);
    expect(out).toContain('the comparison gt (w1 = -5 > 0) was true when f was recorded');
    expect(reported(out, 'grad(f)([-5])')).toEqual([-3]); // f = −3x there
    expect(reported(out, 'grad(max)([1, 1])').slice(-2)).toEqual([0.5, 0.5]);
    expect(reported(out, 'grad(x / x)(0)')).toEqual([Number.NaN]);
    expect(out).toMatch(/TypeError: wengert: a traced value .* plain JavaScript arithmetic/);
    expect(reported(out, 'AD error')).toEqual([0]);
    expect(out).toMatch(/gradcheck, default step += true/);
    expect(out).toMatch(/gradcheck, eps 1e-14 += false/);
  },
};

describe('the notebooks', () => {
  it('every notebooks/NN-*.ts has its checks here', () => {
    expect(notebooks.length).toBeGreaterThan(7);
    expect(Object.keys(checks).sort()).toEqual(notebooks);
  });

  it('are numbered one-to-one with the chapters of docs/', () => {
    const numbers = (names: string[]) =>
      names.flatMap((n) => /^(\d\d)-/.exec(n)?.[1] ?? []).filter((nn) => nn !== '00');
    const chapters = numbers(readdirSync(join(root, 'docs')).filter((n) => n.endsWith('.md')));
    expect(numbers(notebooks)).toEqual(chapters.sort());
    // and each notebook's title carries its own number
    for (const name of notebooks.filter((n) => !n.startsWith('00-'))) {
      const source = readFileSync(join(folder, name), 'utf8');
      expect(source, name).toContain(`notebook(import.meta.url, '${name.slice(0, 2)} · `);
    }
  });

  describe.each(notebooks)('%s', (name) => {
    it('exits with code 0', () => {
      const r = runs.get(name);
      expect(r?.code, r?.stderr ?? 'not run').toBe(0);
    });

    it('prints its key numbers', () => {
      const r = runs.get(name) as Run;
      checks[name]?.(r.stdout, r);
    });

    it('writes its Markdown with a table and its code', () => {
      const md = runs.get(name)?.markdown ?? '';
      expect(md).toMatch(/^# /);
      expect(md).toMatch(/^\|.*\|\n\|[ :|-]*---[ :|-]*\|$/m);
      expect(md).toContain('```ts\n');
    });
  });
});
