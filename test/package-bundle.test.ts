/**
 * @file The browser bundles, built in memory with the options `npm run build` uses: the classic
 * script defines `wengert` and differentiates in a bare JavaScript context (no Node), stays within
 * its size budget, and leaves Graphviz out; the ES module bundle imports and works too.
 */

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_BUDGET_GZIP, browserBundles } from '../scripts/build.ts';

let iife = '';
let esm = '';

beforeAll(async () => {
  const { iife: classic, esm: module } = browserBundles('/virtual');
  const text = async (options: typeof classic) => {
    const out = await build({ ...options, write: false });
    return out.outputFiles[0]?.text ?? '';
  };
  [iife, esm] = await Promise.all([text(classic), text(module)]);
}, 60_000);

/** A context with nothing of Node in it, as a page has: the script's globals land on `globalThis`. */
function page(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const context = createContext({ ...extra });
  runInContext(iife, context);
  return context as Record<string, unknown>;
}

describe('dist/wengert.browser.js', () => {
  it(`is within its budget of ${BROWSER_BUDGET_GZIP / 1024} kB min+gzip`, () => {
    const gzip = gzipSync(iife, { level: 9 }).length;
    console.log(
      `wengert.browser.js: ${(iife.length / 1024).toFixed(1)} kB minified, ${(gzip / 1024).toFixed(1)} kB min+gzip`,
    );
    expect(gzip).toBeLessThan(BROWSER_BUDGET_GZIP);
    expect(gzip).toBeGreaterThan(5 * 1024); // the library is in it
  });

  it('the README states the same budget', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(`under ${BROWSER_BUDGET_GZIP / 1024} kB gzipped`);
  });

  it('defines the global wengert, which differentiates without Node', () => {
    const { wengert } = page() as { wengert: typeof import('../src/index.ts') };
    const { grad, hessian, mul, sub, sin, parseMany, jacrev, matrix, sum } = wengert;
    const f = ([x, y]: [import('../src/index.ts').Num, import('../src/index.ts').Num]) =>
      sub(mul(5, mul(x, x)), mul(x, y));
    expect(grad(f)([2, 3])).toEqual([17, -2]);
    expect(hessian(f)([2, 3])).toEqual([
      [10, -1],
      [-1, 0],
    ]);
    expect(jacrev(parseMany('x*y; sin(x)'))([0, 2])).toEqual([
      [2, 0],
      [1, 0],
    ]);
    expect(
      grad((w: import('../src/index.ts').Mat) => sum(mul(w, w)))(matrix([[1, 2]])).toString(),
    ).toBe('[[2, 4]]');
    expect(typeof sin).toBe('function');
  });

  it('holds no Node module and no Graphviz', () => {
    expect(iife).not.toMatch(/["']node:/);
    // Graphviz is 1.2 MB of JavaScript and WebAssembly; only a message names it.
    expect(iife).not.toMatch(/import\(["']@viz-js/);
    expect(iife.length).toBeLessThan(300 * 1024);
  });

  it("graphSvg uses the page's global Viz, and says what to load without it", async () => {
    type W = typeof import('../src/index.ts');
    const bare = (page() as { wengert: W }).wengert;
    const list = bare.trace(bare.parse('x*y'), [2, 3]);
    await expect(bare.graphSvg(list)).rejects.toThrow(
      "wengert: graphSvg needs Graphviz: load @viz-js/viz's dist/viz-global.js",
    );
    const dots: string[] = [];
    const Viz = {
      instance: async () => ({
        renderString: (dot: string) => {
          dots.push(dot);
          return '<svg>drawn</svg>';
        },
      }),
    };
    const withViz = (page({ Viz }) as { wengert: W }).wengert;
    expect(await withViz.graphSvg(withViz.trace(withViz.parse('x*y'), [2, 3]))).toBe(
      '<svg>drawn</svg>',
    );
    expect(dots[0]).toContain('digraph wengert');
  });
});

describe('dist/wengert.browser.mjs', () => {
  it('is one ES module that differentiates, with Graphviz left to a dynamic import', async () => {
    expect(esm).not.toMatch(/["']node:/);
    expect(esm).toMatch(/import\(["']@viz-js\/viz["']\)/);
    expect(gzipSync(esm).length).toBeLessThan(BROWSER_BUDGET_GZIP);
    const folder = mkdtempSync(join(tmpdir(), 'wengert-esm-'));
    const file = join(folder, 'wengert.browser.mjs');
    writeFileSync(file, esm);
    try {
      const w = (await import(pathToFileURL(file).href)) as typeof import('../src/index.ts');
      // d/dx x·sin x = sin x + x·cos x, which is 0 at 0 and sin 1 + cos 1 at 1
      expect(w.grad((x: import('../src/index.ts').Num) => w.mul(x, w.sin(x)))(1)).toBeCloseTo(
        Math.sin(1) + Math.cos(1),
        12,
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
