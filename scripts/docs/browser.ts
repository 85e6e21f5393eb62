/** @file Opens built pages in Debian's Chromium (headless, through playwright-core, never a downloaded browser) and reads back what a reader would see. */

import { type Browser, chromium, type Page } from 'playwright-core';
import {
  displayedSize,
  type FigureText,
  type Layout,
  type MathFollower,
  type Overflowing,
} from './legibility.ts';

/** Flags for a quiet, offline, sandbox-free headless Chromium (CI runs as root in a container). */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** What one page contains once loaded (the same at every width). */
export interface Seen {
  /** Rendered formulas (KaTeX's `.katex` roots) and error elements. */
  readonly katex: number;
  readonly katexErrors: readonly string[];
  /** The page's text outside code, preformatted blocks and rendered math. */
  readonly prose: string;
  /** All the text a reader can see, code included, and every image's alternative text. */
  readonly text: string;
  readonly ids: readonly string[];
  /** Every link as written (`raw`) and as the browser resolved it (`url`). */
  readonly links: readonly { readonly raw: string; readonly url: string }[];
  readonly images: readonly { readonly src: string; readonly naturalWidth: number }[];
  readonly failedFonts: readonly string[];
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: FLAGS });
}

/** Loads `url` and waits for its images and fonts. */
export async function load(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
}

/** Reads what the loaded page contains. */
export async function inspect(page: Page): Promise<Seen> {
  return page.evaluate(() => {
    const outside = 'code, pre, .katex, .katex-error, script, style';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const prose: string[] = [];
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (node.parentElement?.closest(outside) === null) prose.push(node.textContent ?? '');
    }
    return {
      katex: document.querySelectorAll('.katex').length,
      katexErrors: [...document.querySelectorAll('.katex-error')].map(
        (e) => e.getAttribute('title') ?? e.textContent ?? '',
      ),
      prose: prose.join(' '),
      text: [document.body.innerText, ...[...document.images].map((img) => img.alt)].join('\n'),
      ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
      links: [...document.querySelectorAll('a[href]')].map((a) => ({
        raw: a.getAttribute('href') ?? '',
        url: (a as HTMLAnchorElement).href,
      })),
      images: [...document.images].map((img) => ({ src: img.src, naturalWidth: img.naturalWidth })),
      failedFonts: [...document.fonts].filter((f) => f.status === 'error').map((f) => f.family),
    };
  });
}

/**
 * The smallest text of every SVG drawn in the current document (inline, or
 * the document itself when an SVG file is opened), at the size it is drawn:
 * its font size times the scale of its coordinates. One entry per SVG.
 * It runs inside the page, so it names no helper of its own (tsx would
 * wrap a named helper in a __name() call that the page does not have).
 */
function smallestSvgText(): FigureText[] {
  const smallest = new Map<Element, FigureText>();
  for (const element of document.querySelectorAll<SVGTextContentElement>('svg text, svg tspan')) {
    if (element.closest('.katex') !== null) continue; // KaTeX's own drawings: roots, arrows
    const own = [...element.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent ?? '')
      .join('')
      .trim();
    const matrix = element.getScreenCTM();
    if (own === '' || matrix === null || element.getBoundingClientRect().width === 0) continue;
    const scale = Math.hypot(matrix.a, matrix.b);
    const size = Number.parseFloat(getComputedStyle(element).fontSize) * scale;
    let outer = element.ownerSVGElement as SVGSVGElement;
    while (outer.ownerSVGElement !== null) outer = outer.ownerSVGElement;
    const place = outer.closest('[id]')?.id;
    const figure = place === undefined ? 'the SVG' : `the SVG in #${place}`;
    const before = smallest.get(outer);
    if (before === undefined || size < before.size)
      smallest.set(outer, { figure, text: own, size });
  }
  return [...smallest.values()];
}

/** The smallest text of the SVG file at `url`, at the file's own size. */
export async function svgFileText(page: Page, url: string): Promise<FigureText | undefined> {
  await load(page, url);
  const [found] = await page.evaluate(smallestSvgText);
  return found;
}

/** Inline math and the character after it, where each was laid out. */
function mathFollowers(): MathFollower[] {
  const found: MathFollower[] = [];
  const blocks = 'p, li, td, th, dd, dt, h1, h2, h3, h4, blockquote, figcaption, div';
  for (const math of document.querySelectorAll('.katex')) {
    const block = math.parentElement?.closest(blocks);
    if (math.closest('.katex-display') !== null || block == null) continue;
    // The first text after the formula, in the same block: the formula's last leaf, then onwards.
    let leaf: Node = math;
    while (leaf.lastChild !== null) leaf = leaf.lastChild;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    walker.currentNode = leaf;
    let next = walker.nextNode();
    while (next !== null && (next.textContent ?? '') === '') next = walker.nextNode();
    if (next === null || math.contains(next)) continue;
    const range = document.createRange();
    range.setStart(next, 0);
    range.setEnd(next, 1);
    const after = range.getClientRects()[0];
    const lines = (math.querySelector('.katex-html') ?? math).getClientRects();
    const last = lines[lines.length - 1];
    if (after === undefined || last === undefined) continue;
    found.push({
      latex: math.querySelector('annotation')?.textContent ?? '',
      text: (next.textContent ?? '').slice(0, 12),
      math: last.toJSON(),
      next: after.toJSON(),
    });
  }
  return found;
}

/** Boxes whose content is wider than they are (whether they scroll is for legibility.ts to judge). */
function overflowing(): Overflowing[] {
  const boxes =
    'pre, table, td, th, .katex-display, figure, img, svg, p, li, blockquote, h1, h2, h3, h4, nav, dl, dd, dt, figcaption, div, section, label, fieldset, output';
  return [...document.querySelectorAll(boxes)]
    .filter((e) => e.closest('.katex') === null && e.scrollWidth > e.clientWidth)
    .map((e) => ({
      what: `<${e.tagName.toLowerCase()}${e.className === '' || typeof e.className !== 'string' ? '' : ` class="${e.className}"`}> '${(e.textContent ?? '').trim().slice(0, 40)}'`,
      overflowX: getComputedStyle(e).overflowX,
      scrollWidth: e.scrollWidth,
      clientWidth: e.clientWidth,
    }));
}

/**
 * Reads the loaded page's layout at the window's width. `figureFiles`
 * gives the smallest text of each SVG file an image shows (read once with
 * svgFileText); an image's text is seen at that size times its scale.
 */
export async function measure(
  page: Page,
  figureFiles: ReadonlyMap<string, FigureText>,
): Promise<Layout> {
  const width = page.viewportSize()?.width ?? 0;
  const sideways = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  const images = await page.evaluate(() =>
    [...document.images].map((img) => ({
      src: img.src,
      width: img.getBoundingClientRect().width,
      naturalWidth: img.naturalWidth,
    })),
  );
  const shown = images.flatMap((img) => {
    const text = figureFiles.get(img.src);
    if (text === undefined) return [];
    const size = displayedSize(text.size, img.width, img.naturalWidth);
    return [{ figure: img.src.replace(/^.*\//, ''), text: text.text, size }];
  });
  return {
    width,
    sideways,
    mathFollowers: await page.evaluate(mathFollowers),
    overflowing: await page.evaluate(overflowing),
    figureText: [...shown, ...(await page.evaluate(smallestSvgText))],
  };
}
