/**
 * @file Peak resident memory of `grad` on a chain of n applications, in a
 * fresh Node process so that nothing else the bench did counts.
 *
 * The child is the toolkit as a package user runs it: compiled to plain
 * JavaScript (esbuild bundles bench/chain-rss-child.ts) and run by `node`
 * alone. Run through tsx instead, the same program starts about 40 MB
 * higher, which is tsx's loader and TypeScript compiler, not the toolkit;
 * `{ loader: 'tsx' }` measures that way too, for comparison.
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

/** What the child measured. */
export interface ChainRss {
  readonly maxRssBytes: number;
  readonly baselineRssBytes: number;
}

const child = fileURLToPath(new URL('./chain-rss-child.ts', import.meta.url));

/** Runs the chain of n applications in a fresh process and returns its peak and starting RSS. */
export function chainRss(
  n: number,
  { loader = 'node' }: { loader?: 'node' | 'tsx' } = {},
): ChainRss {
  const folder = mkdtempSync(join(tmpdir(), 'wengert-chain-rss-'));
  try {
    let args = ['--import', 'tsx', child, String(n)];
    if (loader === 'node') {
      const script = join(folder, 'chain-rss.mjs');
      buildSync({
        entryPoints: [child],
        outfile: script,
        bundle: true,
        format: 'esm',
        platform: 'node',
        logLevel: 'error',
      });
      args = [script, String(n)];
    }
    const out = execFileSync(process.execPath, args, { encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').at(-1) as string);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 1e7);
  for (const loader of ['node', 'tsx'] as const) {
    const { maxRssBytes, baselineRssBytes } = chainRss(n, { loader });
    console.log(
      `${loader}: peak ${(maxRssBytes / 1e6).toFixed(0)} MB, at start ${(baselineRssBytes / 1e6).toFixed(0)} MB`,
    );
  }
}
