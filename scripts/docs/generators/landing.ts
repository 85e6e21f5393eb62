/** @file The landing page: one worked example, run, and the list of every page present. */

import { grad, hessian, jvp, mul, type Num, sub } from '../../../src/index.ts';
import { example } from '../examples.ts';
import type { Context, Generator } from '../generate.ts';

function firstLook(): void {
  // #region first-look
  const f = ([x, y]: [Num, Num]) => sub(mul(5, mul(x, x)), mul(x, y)); // 5x² − xy

  console.log(f([2, 3])); // evaluate it
  console.log(grad(f)([2, 3])); // reverse mode: one recording, one sweep
  console.log(jvp(f, [2, 3], [1, 0])); // forward mode: ∂f/∂x in one pass
  console.log(hessian(f)([2, 3])); // forward over reverse
  // #endregion
}

/** A bullet per page: chapters by number, then the reference pages. */
function contents({ pages }: Context): string {
  const chapters = pages.filter((p) => p.chapter !== undefined);
  const others = pages.filter((p) => p.chapter === undefined && p.source !== 'index.md');
  return [
    '## Chapters',
    '',
    ...chapters.map((p) => `- Chapter ${p.chapter}: [${p.title}](${p.source})`),
    '',
    '## Reference',
    '',
    ...others.map((p) => `- [${p.title}](${p.source})`),
  ].join('\n');
}

export const landing: Record<string, Generator> = {
  'first-look': () => example(import.meta.url, 'first-look', firstLook),
  contents,
};
