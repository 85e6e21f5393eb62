/**
 * @file `npm run docs:check`: builds the site, opens every page from file:// in headless Chromium and fails on what a reader would trip over.
 *
 * Per page: a `.katex-error`; math left as raw `$...$` or `\command` in the
 * prose; fewer or more rendered formulas than the build handed to KaTeX (or
 * a chapter with none); a link that is absolute or leads to a missing page
 * or anchor; an image with no pixels; a font that failed; a page wider than
 * the window, at 1024 and at 400 pixels. For the whole run: a script error, a local file (stylesheet,
 * font, image) that failed to load, and any request to an address that is
 * not a local file. Screenshots of the landing page and the primitive
 * reference go to `docs-screenshots/` (git-ignored). Then the lab is
 * driven (lab-check.ts), starting from every link to it; a link's `#...`
 * into the lab is its state, not an anchor.
 */

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inspect, launch, type Seen, sideways } from './browser.ts';
import { type BuiltPage, buildSite, type Site } from './build.ts';
import { checkLab } from './lab-check.ts';
import { rawMath } from './scan.ts';

const screenshots = fileURLToPath(new URL('../../docs-screenshots', import.meta.url));

/** The problems on one page, given what every page's ids are (to resolve `page.html#anchor`). */
function judge(
  built: BuiltPage,
  seen: Seen,
  ids: ReadonlyMap<string, ReadonlySet<string>>,
  lab: string,
): string[] {
  const problems: string[] = [];
  for (const latex of seen.katexErrors) problems.push(`KaTeX error in: ${latex}`);
  for (const raw of rawMath(seen.prose)) problems.push(`unrendered math in the text: ${raw}`);
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
  if (seen.overflow > 0) problems.push(`the page is ${seen.overflow}px wider than a 1024px window`);
  return problems;
}

/** Checks every page of a built site; prints a line per page and returns how many problems it found. */
export async function checkInBrowser(site: Site): Promise<number> {
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
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
    mkdirSync(screenshots, { recursive: true });
    for (const built of site.pages) {
      current = built.page.file;
      seen.set(built, await inspect(page, pathToFileURL(built.path).href));
      if (built.page.source === 'index.md' || built.page.source.startsWith('10-')) {
        const name = built.page.file.replace(/\.html$/, '.png');
        await page.screenshot({ path: join(screenshots, name), fullPage: true });
      }
    }
    // Wide formulas and tables must scroll inside themselves on a phone too.
    await page.setViewportSize({ width: 400, height: 800 });
    const narrow = new Map<BuiltPage, number>();
    for (const built of site.pages) {
      narrow.set(built, await sideways(page, pathToFileURL(built.path).href));
    }
    const lab = pathToFileURL(site.lab).href;
    const labLinks = [...seen.values()].flatMap((s) =>
      s.links.filter((l) => l.url.startsWith(`${lab}#`)).map((l) => l.url),
    );
    const labProblems = await checkLab(context, site.lab, labLinks, screenshots);
    const ids = new Map([...seen].map(([b, s]) => [pathToFileURL(b.path).href, new Set(s.ids)]));
    let failures = 0;
    for (const [built, s] of seen) {
      const problems = judge(built, s, ids, lab);
      const phone = narrow.get(built) ?? 0;
      if (phone > 0) problems.push(`the page is ${phone}px wider than a 400px window`);
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
    for (const load of failedLoads) console.log(`FAIL did not load: ${load}`);
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
