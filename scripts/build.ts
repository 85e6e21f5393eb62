/**
 * @file `npm run build`: `src/` compiled to `dist/` for Node and bundlers, plus two browser bundles.
 *
 * Node and bundlers: TypeScript's own emit (`tsconfig.build.json`), one ES
 * module per source file with its `.d.ts` and a source map holding the
 * source; `rewriteRelativeImportExtensions` turns the sources' `./x.ts`
 * imports into `./x.js`. tsc leaves `./x.ts` in the declarations, which
 * TypeScript 5 and later resolve, but older tools do not, so they are
 * rewritten to `./x.js` here too. Whatever `src/` holds is compiled (an
 * include glob), so moving files needs no change here.
 *
 * Browsers: esbuild bundles `src/index.ts` twice, minified, without source maps:
 * - `dist/wengert.browser.js`, one classic script (IIFE) that defines the
 *   global `wengert`, since module scripts are blocked on file://;
 * - `dist/wengert.browser.mjs`, the same as one ES module.
 * Graphviz (`@viz-js/viz`, 1 MB, used only by `graphSvg`) stays out of both:
 * the ES module keeps its dynamic `import('@viz-js/viz')` (an import map or
 * a bundler resolves it); the classic script uses the global `Viz` of
 * Viz's own `viz-global.js` if the page loaded it, and says so otherwise.
 *
 * Run: `npm run build` (also run by `npm pack` through `prepack`).
 */

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type BuildOptions, build, type Plugin } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

/** What the classic script gets for `@viz-js/viz`: the page's global Viz, or a clear error. */
const vizFromGlobal: Plugin = {
  name: 'viz-from-global',
  setup(b) {
    b.onResolve({ filter: /^@viz-js\/viz$/ }, () => ({ path: 'viz', namespace: 'viz-global' }));
    b.onLoad({ filter: /.*/, namespace: 'viz-global' }, () => ({
      loader: 'js',
      contents: `export function instance() {
  const Viz = globalThis.Viz;
  if (Viz && typeof Viz.instance === 'function') return Viz.instance();
  return Promise.reject(new Error("wengert: graphSvg needs Graphviz: load @viz-js/viz's " +
    "dist/viz-global.js in a <script> before wengert.browser.js (graphDot gives the DOT text without it)"));
}`,
    }));
  },
};

/** Every file under a folder, recursively. */
function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** `from './x.ts'` and `import('./x.ts')` in declarations become `./x.js`. */
function rewriteDeclarations(dir: string): number {
  let count = 0;
  for (const file of files(dir).filter((f) => f.endsWith('.d.ts'))) {
    const text = readFileSync(file, 'utf8');
    const out = text.replace(/((?:from|import\()\s*['"]\.\.?\/[^'"]*?)\.ts(['"])/g, '$1.js$2');
    if (out !== text) {
      writeFileSync(file, out);
      count++;
    }
  }
  return count;
}

/** Size in kB, plain and minified-then-gzipped (the bundles are minified already). */
export function sizes(file: string): { bytes: number; gzip: number } {
  const bytes = readFileSync(file);
  return { bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** tsc with tsconfig.build.json and extra flags; throws with its diagnostics if it fails. */
function tsc(...flags: string[]): void {
  const run = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/typescript/bin/tsc'),
      '-p',
      join(root, 'tsconfig.build.json'),
      ...flags,
    ],
    { encoding: 'utf8' },
  );
  if (run.status !== 0)
    throw new Error(`tsc failed (exit code ${run.status}):\n${run.stdout}${run.stderr}`);
}

/**
 * Only the declarations of `src/`, as the package ships them, into `outDir`:
 * what the README test type-checks a consumer's code against without a build.
 */
export function emitDeclarations(outDir: string): void {
  tsc(
    '--emitDeclarationOnly',
    '--sourceMap',
    'false',
    '--inlineSources',
    'false',
    '--outDir',
    outDir,
  );
  rewriteDeclarations(outDir);
}

/**
 * The min+gzip size the classic browser script must stay under
 * (test/package-bundle.test.ts), in kB of 1,024 bytes as the package test
 * prints them. The script is about 44.5 kB: the whole public API, teaching
 * views, vectorize's code writer (by entries and by rows) and the replay's
 * written-out loops included. A bundle
 * that grows past the budget is a decision to make, not a test to loosen.
 */
export const BROWSER_BUDGET_GZIP = 46 * 1024;

/** esbuild's options for the two browser bundles, written into `outDir`. */
export function browserBundles(outDir: string): { iife: BuildOptions; esm: BuildOptions } {
  const common: BuildOptions = {
    entryPoints: [join(root, 'src/index.ts')],
    bundle: true,
    minify: true,
    // No maps: they would ship every source a third time (750 kB); dist/*.js.map have them.
    sourcemap: false,
    platform: 'browser',
    target: 'es2022',
    logLevel: 'warning',
  };
  return {
    iife: {
      ...common,
      format: 'iife',
      globalName: 'wengert',
      outfile: join(outDir, 'wengert.browser.js'),
      plugins: [vizFromGlobal],
    },
    esm: {
      ...common,
      format: 'esm',
      outfile: join(outDir, 'wengert.browser.mjs'),
      external: ['@viz-js/viz'],
    },
  };
}

export async function buildAll(): Promise<void> {
  rmSync(dist, { recursive: true, force: true });
  tsc();
  rewriteDeclarations(dist);
  const { iife, esm } = browserBundles(dist);
  await build(iife);
  await build(esm);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const start = performance.now();
  await buildAll();
  const all = files(dist);
  const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  console.log(`dist/: ${all.length} files in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  for (const name of ['wengert.browser.js', 'wengert.browser.mjs']) {
    const { bytes, gzip } = sizes(join(dist, name));
    console.log(`  ${name}: ${kB(bytes)} minified, ${kB(gzip)} min+gzip`);
  }
}
