/**
 * @file `npm run docs`: builds `docs/*.md` into a static site in `site/` that opens from file://.
 *
 * Pages. `docs/index.md` is the landing page, `docs/NN-slug.md` are the
 * chapters in the order of NN, and any other `docs/*.md` is a reference page
 * placed after them. Each page starts with a `# Title`; each gets links to
 * the home page and to the previous and next page. Links between pages are
 * written `03-reverse-accumulation.md#anchor` and become `.html`.
 *
 * Math. `$...$` and `$$...$$` are rendered to HTML by KaTeX here, at build
 * time; KaTeX's stylesheet and fonts are copied into `site/assets/katex/`,
 * so a page needs no script and no network. The plugin does not throw on
 * bad LaTeX but leaves a `.katex-error` element, so the build scans every
 * page for one and fails, naming the page and the LaTeX.
 *
 * Generated content. Nothing a run of the toolkit can produce is typed into
 * a chapter by hand. Where a chapter needs a number, a table, a graph or a
 * plot, its Markdown holds a placeholder, on its own line or inside a
 * sentence:
 *
 *     <!-- generate: worked-reverse-table -->
 *
 * Before the page is parsed, the placeholder is replaced by the Markdown
 * (math included) that the generator of that name returns. Generators are
 * plain functions that import the toolkit from `src/index.ts`, run it and
 * format what it returned; they live in `scripts/docs/generators/`, one
 * file per chapter, and are listed by name in `generators/index.ts`. A
 * generator that makes a figure writes the SVG with `context.figure(name,
 * svg)`, which stores it under `site/figures/` and returns the relative
 * address to put in `![alt](...)`. An unknown name fails the build with the
 * page and line. To add a chapter: write `docs/NN-slug.md`, add a
 * `generators/NN-slug.ts` if it needs one, and list it in the index.
 *
 * The declarations. `declarations.html` is the one Markdown page with no
 * file in docs/: `api-reference.ts` generates it with TypeDoc from the
 * declarations and doc comments of `src/index.ts` (running their examples),
 * and it is placed right after `api.md`, the guide that introduces it.
 * Chapters link to an entry as `declarations.md#jvp-function`.
 *
 * The lab. `lab.html` is the one page not written in Markdown: an
 * interactive page whose sources are in `lab/`, built by `lab.ts` (see its
 * header) after the chapters.
 *
 * Run: `npm run docs` (then open site/index.html). `npm run docs:check`
 * builds and then checks every page in a headless Chromium.
 */

import { copyFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { declarationsPage } from './api-reference.ts';
import { type Context, expand } from './generate.ts';
import { generators } from './generators/index.ts';
import { buildLab } from './lab.ts';
import { layout } from './layout.ts';
import { createRenderer } from './markdown.ts';
import { discoverPages, type Page } from './pages.ts';
import { katexErrors } from './scan.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface BuildOptions {
  /** Where the Markdown is (default `docs/`). */
  readonly docs?: string;
  /** Where the site goes (default `site/`); emptied first. */
  readonly out?: string;
  /** Where `npm run bench` leaves `results.md` (default `bench/`). */
  readonly bench?: string;
}

/** A page as built: where it is, and how many formulas KaTeX rendered on it. */
export interface BuiltPage {
  readonly page: Page;
  readonly path: string;
  readonly formulas: number;
}

export interface Site {
  readonly out: string;
  readonly pages: readonly BuiltPage[];
  /** The lab's page (`lab.html`), which is not built from Markdown. */
  readonly lab: string;
}

/** KaTeX's stylesheet and the fonts it refers to, next to each other as in the package. */
function copyKatex(out: string): void {
  const dist = dirname(createRequire(import.meta.url).resolve('katex'));
  const target = join(out, 'assets', 'katex');
  mkdirSync(target, { recursive: true });
  copyFileSync(join(dist, 'katex.min.css'), join(target, 'katex.min.css'));
  cpSync(join(dist, 'fonts'), join(target, 'fonts'), { recursive: true });
}

/** The pages with the generated declarations right after the API guide (or last, if there is none). */
async function withDeclarations(pages: Page[]): Promise<Page[]> {
  const guide = pages.findIndex((page) => page.source === 'api.md');
  const at = guide < 0 ? pages.length : guide + 1;
  return [...pages.slice(0, at), await declarationsPage(), ...pages.slice(at)];
}

/** Builds the site and returns what it wrote; throws if a page has a KaTeX error. */
export async function buildSite(options: BuildOptions = {}): Promise<Site> {
  const out = resolve(options.out ?? join(root, 'site'));
  const pages = await withDeclarations(discoverPages(resolve(options.docs ?? join(root, 'docs'))));
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'figures'), { recursive: true });
  copyKatex(out);
  copyFileSync(
    fileURLToPath(new URL('style.css', import.meta.url)),
    join(out, 'assets', 'style.css'),
  );

  const figures = new Set<string>();
  const context: Context = {
    pages,
    benchFolder: resolve(options.bench ?? join(root, 'bench')),
    figure(name, content) {
      if (figures.has(name)) throw new Error(`docs: two figures named ${name}`);
      figures.add(name);
      writeFileSync(join(out, 'figures', name), content);
      return `figures/${name}`;
    },
  };
  const render = createRenderer();
  const built: BuiltPage[] = [];
  for (const [index, page] of pages.entries()) {
    const { html, formulas } = render(await expand(page, generators, context));
    const errors = katexErrors(html);
    if (errors.length > 0) {
      const list = errors.map((e) => `  ${e.latex}\n    ${e.message}`).join('\n');
      throw new Error(`docs/${page.source}: KaTeX could not render:\n${list}`);
    }
    const path = join(out, page.file);
    writeFileSync(path, layout(pages, index, html));
    built.push({ page, path, formulas });
  }
  return { out, pages: built, lab: await buildLab(out) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const site = await buildSite();
  console.log(
    `docs: ${site.pages.length} pages and the lab in ${site.out}; open ${join(site.out, 'index.html')}`,
  );
}
