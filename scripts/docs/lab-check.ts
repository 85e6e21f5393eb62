/**
 * @file The lab driven in Chromium: examples loaded from the hash and swept to the end against the library's results in Node, a parse error, a Jacobian both ways, the cost explorer, the time of one step, screenshots.
 *
 * Each example is a hash (every "open in the lab" link of the chapters,
 * and a few more); its forward sweep must end on jvp's tangent and its
 * reverse sweep on vjp's pullback of the seed, computed here in Node from
 * src/. The page must show no KaTeX error and log no console error; at
 * 1280 and 400 pixels it must pass the same layout checks as every page
 * (legibility.ts: no page wider than the window, no box that cuts off its
 * content, no plot or graph text under 12 pixels). Screenshots of one state at both
 * widths go to `docs-screenshots/lab-1280.png` and `lab-400.png`.
 */

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { readHash, writeHash } from '../../lab/hash.ts';
import { measure } from './browser.ts';
import { close, expected, open, result, shownProblems } from './lab-page.ts';
import { layoutProblems } from './legibility.ts';

/** Examples beyond the chapters' links: several outputs, constants, piecewise rules, fan-out. */
const EXAMPLES = [
  '#f=x*y%3B%20sin(x)%20%2B%20y*y&at=x%3D1%2Cy%3D2&dir=2%2C-1&seed=1%2C-0.5',
  '#f=max(x%2C%20y)%20*%20abs(x%20-%202*y)%20%2F%203&at=0.5%2C-1',
  '#f=sin(x)%20%2B%20exp(x)%20%2B%20x*x&at=0.5',
  '#f=atan2(y%2C%20x)%3B%20sqrt(x*x%20%2B%20y*y)%3B%20x%5Ey&at=1.5%2C0.5',
];

/** A function of 201 entries: 50 terms sin(k·x + y) and their sum, for the time of one step. */
const LONG = Array.from({ length: 50 }, (_, i) => `sin(${i + 1}*x + y)`).join(' + ');

/** Loads an example in each mode, sweeps it to the end (by key, by button, and step by step) and compares. */
async function sweeps(
  page: Page,
  lab: string,
  hash: string,
  stepByStep: boolean,
): Promise<string[]> {
  const problems: string[] = [];
  const want = expected(hash);
  for (const mode of ['forward', 'reverse'] as const) {
    const where = `lab ${mode} ${hash}`;
    await open(page, lab, writeHash({ ...readHash(hash), mode, step: 0 }));
    if (stepByStep) {
      for (let k = 1; k <= want.operations; k++) {
        await page.keyboard.press('ArrowRight');
        const counter = await page.textContent('#counter');
        if (counter !== `step ${k} of ${want.operations}`)
          problems.push(`${where}: after ${k} steps the counter says '${counter}'`);
      }
    } else if (mode === 'forward') {
      await page.keyboard.press('End');
    } else {
      await page.click('#end');
    }
    const got = await result(page);
    if (got.kind !== mode || !close(got.value, want[mode])) {
      problems.push(
        `${where}: data-result ${JSON.stringify(got)}, the library gives ${JSON.stringify(want[mode])}`,
      );
    }
    problems.push(...(await shownProblems(page, where)));
  }
  return problems;
}

/** Types a malformed expression and expects the parse error with its caret under the field. */
async function parseError(page: Page, lab: string): Promise<string[]> {
  await open(page, lab, '');
  await page.fill('#f', '5*x^*2');
  await page.waitForSelector('#f-error:not([hidden])');
  const text = (await page.textContent('#f-error')) ?? '';
  const invalid = await page.getAttribute('#f', 'aria-invalid');
  const caret = /column 5.*\n {2}5\*x\^\*2\n {6}\^$/.test(text);
  return caret && invalid === 'true'
    ? []
    : [
        `lab: '5*x^*2' should show a caret under column 5 and mark the field invalid; shows '${text}' (aria-invalid ${invalid})`,
      ];
}

/** Builds a Jacobian by columns and by rows, checks the nulls while it fills and the rows at the end. */
async function jacobians(page: Page, lab: string, hash: string): Promise<string[]> {
  const want = expected(hash);
  const problems: string[] = [];
  await open(page, lab, hash);
  for (const [by, rows] of [
    ['columns', want.jacfwd],
    ['rows', want.jacrev],
  ] as const) {
    await page.click(`#by-${by}`);
    await page.click('#jacobian-next');
    const part = await result(page);
    const nulls = JSON.stringify(part.value).includes('null');
    if (part.kind !== 'jacobian' || !nulls)
      problems.push(`lab Jacobian by ${by}: after one step ${JSON.stringify(part)}`);
    await page.click('#jacobian-all');
    const whole = await result(page);
    if (!close(whole.value, rows)) {
      problems.push(
        `lab Jacobian by ${by}: ${JSON.stringify(whole.value)}, the library gives ${JSON.stringify(rows)}`,
      );
    }
  }
  const auto = (await page.textContent('#auto')) ?? '';
  if (!/^'auto' chose (forward|reverse)\./.test(auto))
    problems.push(`lab: no 'auto' choice shown ('${auto}')`);
  return problems;
}

/** Runs the cost explorer as it opens (n = 4, m = 1 to 64) and expects two plots with two series each. */
async function explorer(page: Page): Promise<string[]> {
  await page.click('#explorer-run');
  await page.waitForSelector('#explorer[data-state="done"]', { timeout: 120_000 });
  const lines = await page.$$eval('.plots figure svg polyline', (l) => l.length);
  const status = (await page.textContent('#explorer-status')) ?? '';
  return lines === 4 && status.startsWith('Done: 7 sizes')
    ? []
    : [`lab cost explorer: ${lines} plotted lines (expected 4), status '${status}'`];
}

/**
 * One step on Next, timed `steps` times: the work it does (the click's
 * handler and the layout it leaves, read at once) and the time until the
 * next frame is painted (which includes waiting for that frame); medians.
 */
async function stepTime(page: Page, steps: number): Promise<{ work: number; frame: number }> {
  // No named helper inside: tsx would wrap it in a __name() call that the page does not have.
  const times = await page.evaluate(async (count) => {
    const work: number[] = [];
    const frame: number[] = [];
    for (let i = 0; i < count; i++) {
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const start = performance.now();
      document.getElementById('next')?.click();
      void document.body.offsetHeight;
      work.push(performance.now() - start);
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      frame.push(performance.now() - start);
    }
    return { work, frame };
  }, steps);
  const median = (xs: number[]) =>
    xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  return { work: median(times.work), frame: median(times.frame) };
}

/**
 * Drives the lab in `context` (whose offsite requests the caller refuses
 * and reports); `links` are the chapters' links into the lab. Returns the
 * problems found and prints the time of one step on a 201-entry list.
 */
export async function checkLab(
  context: BrowserContext,
  labPath: string,
  links: readonly string[],
  screenshots: string,
): Promise<string[]> {
  const lab = pathToFileURL(labPath).href;
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`lab console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`lab uncaught exception: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`lab: did not load ${request.url()}`));
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    const hashes = [...new Set([...links.map((l) => l.slice(l.indexOf('#'))), ...EXAMPLES])];
    for (const [i, hash] of hashes.entries())
      problems.push(...(await sweeps(page, lab, hash, i === 0)));
    problems.push(...(await parseError(page, lab)));
    problems.push(...(await jacobians(page, lab, EXAMPLES[0] as string)));

    await open(
      page,
      lab,
      writeHash({ f: LONG, at: '0.3,0.7', dir: '', seed: '', mode: 'reverse', step: 100 }),
    );
    await page.click('#draw-graph');
    await page.waitForSelector('#graph svg', { timeout: 120_000 });
    const reverse = await stepTime(page, 15);
    await page.check('input[name="mode"][value="forward"]');
    const forward = await stepTime(page, 15);
    const ms = (t: { work: number; frame: number }) =>
      `${t.work.toFixed(1)} ms of work, ${t.frame.toFixed(1)} ms to the next frame`;
    console.log(
      `lab: one step on a 201-entry list (medians of 15): reverse ${ms(reverse)}; forward ${ms(forward)}`,
    );

    // One state for the screenshots: a reverse sweep half-way with the = bug beside it, a
    // Jacobian half built, the explorer run.
    await open(page, lab, '#f=sin(x)%20%2B%20exp(x)%20%2B%20x*x&at=0.5&mode=reverse&step=3');
    await page.check('#assign');
    await page.click('#by-rows');
    await page.click('#jacobian-next');
    await page.waitForSelector('#graph svg');
    problems.push(...(await explorer(page)));
    for (const width of [1280, 400]) {
      await page.setViewportSize({ width, height: 900 });
      problems.push(...(await shownProblems(page, `lab at ${width}px`)));
      problems.push(...layoutProblems(await measure(page, new Map())).map((p) => `lab ${p}`));
      await page.screenshot({ path: join(screenshots, `lab-${width}.png`), fullPage: true });
    }
  } finally {
    await page.close();
  }
  return problems;
}
