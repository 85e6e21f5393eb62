/** @file The lab page as a test reads it: open it at a hash, read its result and what it shows wrong, and what the library computes in Node for the same hash. */

import type { Page } from 'playwright-core';
import { readHash } from '../../lab/hash.ts';
import { loadProgram } from '../../lab/program.ts';
import { jacfwd, jacrev, jvp, vjp } from '../../src/index.ts';

/** Numbers equal to 1e-12 relative, lists element by element, null only where null is expected. */
export function close(got: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    return (
      Array.isArray(got) &&
      got.length === expected.length &&
      expected.every((e, i) => close(got[i], e))
    );
  }
  if (typeof expected !== 'number' || typeof got !== 'number') return got === expected;
  return Math.abs(got - expected) <= 1e-12 * Math.max(1, Math.abs(expected));
}

/** What the library computes in Node for an example: jvp's tangent, vjp's pullback, both Jacobians. */
export function expected(hash: string) {
  const loaded = loadProgram(readHash(hash));
  if (!loaded.ok)
    throw new Error(`lab example ${hash} does not load: ${JSON.stringify(loaded.errors)}`);
  const { f, x, direction, seed, list } = loaded.program;
  const { pullback } = vjp(f, [...x]);
  return {
    forward: jvp(f, [...x], [...direction]).tangent,
    reverse: pullback((list.isArray ? seed : seed[0]) as never),
    jacfwd: jacfwd(f)([...x]),
    jacrev: jacrev(f)([...x]),
    operations: list.entries.filter((e) => e.op !== 'input').length,
  };
}

/** The lab's data-result and data-kind, read back. */
export const result = async (page: Page) => ({
  kind: await page.getAttribute('#result', 'data-kind'),
  value: JSON.parse((await page.getAttribute('#result', 'data-result')) ?? 'null') as unknown,
});

/**
 * Opens the lab at a hash, as a fresh page, and waits for its script.
 * Going from one hash to another of the same page would be a same-document
 * navigation that resolves before the page's hashchange handler has run.
 */
export async function open(page: Page, lab: string, hash: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${lab}${hash}`, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready]');
}

/** What the page shows that it should not: field errors, KaTeX errors, a width wider than the window. */
export async function shownProblems(page: Page, where: string): Promise<string[]> {
  const found = await page.evaluate(() => ({
    errors: [...document.querySelectorAll<HTMLElement>('.error:not([hidden])')]
      .filter((e) => e.offsetParent !== null)
      .map((e) => e.textContent ?? ''),
    katex: document.querySelectorAll('.katex-error').length,
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  }));
  return [
    ...found.errors.map((e) => `${where}: shows an error: ${e}`),
    ...(found.katex > 0 ? [`${where}: ${found.katex} KaTeX errors`] : []),
    ...(found.overflow > 0 ? [`${where}: ${found.overflow}px wider than the window`] : []),
  ];
}
