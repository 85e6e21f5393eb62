/**
 * @file The lab's files in the built site: its page, its script (lab/ bundled by esbuild into one classic script) and what it runs on.
 *
 * The page loads four classic scripts (module scripts are blocked on
 * file://): KaTeX's browser build, Graphviz (`@viz-js/viz`'s global
 * build, for graphSvg), the package's own browser bundle (the global
 * `wengert`, built here with the options `npm run build` uses, so the lab
 * runs what a user's page would) and `assets/lab.js`. The lab's code
 * imports the engine from `src/index.ts` as any code does; in the bundle
 * that import becomes the page's global `wengert`, and `katex` the global
 * `katex`, so the engine is never bundled twice. A lab file importing any
 * other engine module fails the build, except the leaves listed in
 * LEAVES (pure helpers that import nothing but each other).
 */

import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { browserBundles } from '../build.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const lab = join(root, 'lab');
const src = join(root, 'src');

/** Engine files the lab may bundle itself: how the CLI reads a point, how the tables write a number (and the formatter that writes it). */
const LEAVES = new Set(['cli/args.ts', 'symbolic/number.ts', 'core/format.ts']);

/** `src/index.ts` and `katex` resolve to the globals the page's other scripts define. */
const pageGlobals: Plugin = {
  name: 'lab-page-globals',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.path === 'katex') return { path: 'katex', namespace: 'page-global' };
      if (args.kind === 'entry-point' || !args.path.startsWith('.')) return undefined;
      const file = relative(src, resolve(args.resolveDir, args.path));
      if (file.startsWith('..')) return undefined;
      if (file === 'index.ts') return { path: 'wengert', namespace: 'page-global' };
      if (LEAVES.has(file)) return undefined;
      const importer = relative(root, args.importer);
      return {
        errors: [
          {
            text: `${importer} imports src/${file}: the lab takes the engine from src/index.ts (the page's global wengert)`,
          },
        ],
      };
    });
    b.onLoad({ filter: /.*/, namespace: 'page-global' }, (args) => ({
      contents: `module.exports = globalThis.${args.path};`,
      loader: 'js',
    }));
  },
};

/** Writes `lab.html` and its assets into the site at `out`; returns the page's path. */
export async function buildLab(out: string): Promise<string> {
  const assets = join(out, 'assets');
  mkdirSync(join(assets, 'katex'), { recursive: true });
  const require = createRequire(import.meta.url);
  copyFileSync(
    join(dirname(require.resolve('katex')), 'katex.min.js'),
    join(assets, 'katex', 'katex.min.js'),
  );
  copyFileSync(
    join(dirname(require.resolve('@viz-js/viz')), 'viz-global.js'),
    join(assets, 'viz-global.js'),
  );
  await build(browserBundles(assets).iife);
  await build({
    entryPoints: [join(lab, 'main.ts')],
    outfile: join(assets, 'lab.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    charset: 'utf8',
    logLevel: 'warning',
    plugins: [pageGlobals],
  });
  copyFileSync(join(lab, 'lab.css'), join(assets, 'lab.css'));
  const page = join(out, 'lab.html');
  copyFileSync(join(lab, 'lab.html'), page);
  return page;
}
