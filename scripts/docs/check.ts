/**
 * @file `npm run docs:check`: builds the site, opens every page from file:// in headless Chromium and fails on what a reader would trip over.
 *
 * Per page: a `.katex-error`; math left as raw `$...$` or `\command` in the
 * prose; fewer or more rendered formulas than the build handed to KaTeX (or
 * a chapter with none); a link that is absolute or leads to a missing page
 * or anchor; an image with no pixels; a font that failed; words of the
 * project's bookkeeping ("issue 15"). At 1280 and at 400 pixels
 * (legibility.ts): a page wider than the window, punctuation that starts a
 * line after inline math, a box whose content is wider than it and does
 * not scroll, and text in a figure smaller than 12 pixels as displayed.
 * For the whole run: a script error, a local file (stylesheet, font, image)
 * that failed to load, and any request to an address that is not a local
 * file. Every page is photographed at both widths into `docs-screenshots/`
 * (git-ignored) as `NAME-1280.png` and `NAME-400.png`. Then the lab is
 * driven (lab-check.ts), starting from every link to it; a link's `#...`
 * into the lab is its state, not an anchor.
 */

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { inspect, launch, load, measure, type Seen, svgFileText } from './browser.ts';
import { type BuiltPage, buildSite, type Site } from './build.ts';
import { checkLab } from './lab-check.ts';
import { type FigureText, layoutProblems } from './legibility.ts';
import { bookkeeping, rawMath } from './scan.ts';

const screenshots = fileURLToPath(new URL('../../docs-screenshots', import.meta.url));

/** The window widths every page is checked and photographed at: a laptop and a phone. */
export const WIDTHS = [1280, 400] as const;

/** The problems in one page's content, given what every page's ids are (to resolve `page.html#anchor`). */
function judge(
  built: BuiltPage,
  seen: Seen,
  ids: ReadonlyMap<string, ReadonlySet<string>>,
  lab: string,
): string[] {
  const problems: string[] = [];
  for (const latex of seen.katexErrors) problems.push(`KaTeX error in: ${latex}`);
  for (const raw of rawMath(seen.prose)) problems.push(`unrendered math in the text: ${raw}`);
  for (const words of new Set(bookkeeping(seen.text))) {
    problems.push(`project bookkeeping a reader cannot use: '${words}'`);
  }
  if (seen.katex !== built.formulas) {
    problems.push(`${seen.katex} rendered formulas, expected ${built.formulas}`);
  }
  if (built.page.chapter !== undefined && built.formulas === 0) {
    problems.push('a chapter without a single formula');
  }
  for (const { raw, url } of seen.links) {
    if (/^(\/|file:)/i.test(raw)) problems.push(`absolute link (breaks when moved): ${raw}`);
    if (!url.startsWith('file:')) continue;
    const [file, anchor] = url.split('#') as [string, string | undefined];
    const targets = ids.get(file);
    if (file === lab) continue; // the lab's hash is its state; checkLab opens every such link
    if (targets === undefined) problems.push(`link to a missing page: ${raw}`);
    else if (anchor !== undefined && anchor !== '' && !targets.has(decodeURIComponent(anchor))) {
      problems.push(`link to a missing anchor: ${raw}`);
    }
  }
  for (const image of seen.images) {
    if (image.naturalWidth === 0) problems.push(`image did not load: ${image.src}`);
  }
  for (const font of seen.failedFonts) problems.push(`font did not load: ${font}`);
  return problems;
}

/** The smallest text of every SVG figure the pages show, read once from each file. */
async function figureFiles(page: Page, seen: Iterable<Seen>): Promise<Map<string, FigureText>> {
  const files = new Set([...seen].flatMap((s) => s.images.map((i) => i.src)));
  const found = new Map<string, FigureText>();
  for (const src of [...files].filter((f) => f.endsWith('.svg'))) {
    const text = await svgFileText(page, src);
    if (text !== undefined) found.set(src, text);
  }
  return found;
}

/** Checks every page of a built site; prints a line per page and returns how many problems it found. */
export async function checkInBrowser(site: Site): Promise<number> {
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: WIDTHS[0], height: 900 } });
    const offsite: string[] = [];
    // Nothing may leave the machine: record and refuse every request that is not for a local file.
    context.on('request', (request) => {
      if (!/^(file|data):/.test(request.url())) offsite.push(request.url());
    });
    await context.route(/^(?!file:|data:)/, (route) => route.abort());
    const page = await context.newPage();
    const scriptErrors: string[] = [];
    page.on('pageerror', (error) => scriptErrors.push(error.message));
    // A local file that failed to load: a stylesheet, a font (even one with a fallback), an image.
    let current = '';
    const failedLoads: string[] = [];
    page.on('requestfailed', (request) => {
      if (request.url().startsWith('file:')) failedLoads.push(`${current}: ${request.url()}`);
    });

    const seen = new Map<BuiltPage, Seen>();
    for (const built of site.pages) {
      current = built.page.file;
      await load(page, pathToFileURL(built.path).href);
      seen.set(built, await inspect(page));
    }
    const figures = await figureFiles(page, seen.values());
    const laidOut = new Map<BuiltPage, string[]>(site.pages.map((b) => [b, []]));
    mkdirSync(screenshots, { recursive: true });
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const built of site.pages) {
        current = built.page.file;
        await load(page, pathToFileURL(built.path).href);
        laidOut.get(built)?.push(...layoutProblems(await measure(page, figures)));
        const name = built.page.file.replace(/\.html$/, `-${width}.png`);
        // A long page on a busy machine can take a while to photograph whole.
        await page.screenshot({ path: join(screenshots, name), fullPage: true, timeout: 180_000 });
      }
    }
    const lab = pathToFileURL(site.lab).href;
    const labLinks = [...seen.values()].flatMap((s) =>
      s.links.filter((l) => l.url.startsWith(`${lab}#`)).map((l) => l.url),
    );
    const labProblems = await checkLab(context, site.lab, labLinks, screenshots);
    const ids = new Map([...seen].map(([b, s]) => [pathToFileURL(b.path).href, new Set(s.ids)]));
    let failures = 0;
    for (const [built, s] of seen) {
      const problems = [...judge(built, s, ids, lab), ...(laidOut.get(built) ?? [])];
      failures += problems.length;
      const counts = `${s.katex} formulas, ${s.links.length} links, ${s.images.length} images`;
      console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${built.page.file}: ${counts}`);
      for (const p of problems) console.log(`       ${p}`);
    }
    console.log(
      `${labProblems.length === 0 ? 'ok  ' : 'FAIL'} lab.html: ${labLinks.length} links from the chapters`,
    );
    for (const p of labProblems) console.log(`       ${p}`);
    for (const url of offsite) console.log(`FAIL request left the machine: ${url}`);
    for (const message of scriptErrors) console.log(`FAIL script error: ${message}`);
    for (const file of failedLoads) console.log(`FAIL did not load: ${file}`);
    failures += offsite.length + scriptErrors.length + failedLoads.length + labProblems.length;
    console.log(
      `docs:check: ${site.pages.length} pages, ${failures} problems; screenshots in ${screenshots}`,
    );
    return failures;
  } finally {
    await browser.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = (await checkInBrowser(await buildSite())) === 0 ? 0 : 1;
}
