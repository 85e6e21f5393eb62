/**
 * @file The program whose peak resident memory bench/chain-rss.ts measures:
 * `grad` on a chain of n applications (sin of sin of ... x). It prints
 * `{ "n": ..., "maxRssBytes": ..., "baselineRssBytes": ... }`.
 */

import { grad, type Num, sin } from '../src/index.ts';

const n = Number(process.argv[2] ?? 1e7);
// what the process holds before any recording (Node and the toolkit)
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
