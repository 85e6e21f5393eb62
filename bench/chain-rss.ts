/**
 * @file Peak resident memory of `grad` on a chain of n applications
 * (sin of sin of ... x), run as a child process of the bench so that
 * nothing else it did counts: `node --import tsx bench/chain-rss.ts 1e7`
 * prints `{ "n": ..., "maxRssBytes": ..., "baselineRssBytes": ... }`.
 */

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { grad, type Num, sin } from '../src/index.ts';

/** Runs this file in a fresh Node process and returns what it measured. */
export function chainRss(n: number): { maxRssBytes: number; baselineRssBytes: number } {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), String(n)],
    { encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').at(-1) as string);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 1e7);
  // what the process holds before any recording (Node, tsx, the toolkit)
  const baselineRssBytes = process.resourceUsage().maxRSS * 1024;
  const f = (x: Num) => {
    let s = x;
    for (let k = 0; k < n; k++) s = sin(s);
    return s;
  };
  const g = grad(f)(0.5);
  if (!Number.isFinite(g)) throw new Error(`chain-rss: gradient ${g}`);
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ n, maxRssBytes, baselineRssBytes }));
}
