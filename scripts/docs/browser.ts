/** @file Opens built pages in Debian's Chromium (headless, through playwright-core, never a downloaded browser) and reads back what a reader would see. */

import { type Browser, chromium, type Page } from 'playwright-core';

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

/** What one page looked like once loaded. */
export interface Seen {
  /** Rendered formulas (KaTeX's `.katex` roots) and error elements. */
  readonly katex: number;
  readonly katexErrors: readonly string[];
  /** The page's text outside code, preformatted blocks and rendered math. */
  readonly prose: string;
  readonly ids: readonly string[];
  /** Every link as written (`raw`) and as the browser resolved it (`url`). */
  readonly links: readonly { readonly raw: string; readonly url: string }[];
  readonly images: readonly { readonly src: string; readonly naturalWidth: number }[];
  readonly failedFonts: readonly string[];
  /** How far the page scrolls sideways (0 unless something is wider than the window). */
  readonly overflow: number;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: FLAGS });
}

/** How far the page at `url` scrolls sideways in the current window (0 when everything fits). */
export async function sideways(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

/** Loads `url`, waits for images and fonts, and reads the page. */
export async function inspect(page: Page, url: string): Promise<Seen> {
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
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
      ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
      links: [...document.querySelectorAll('a[href]')].map((a) => ({
        raw: a.getAttribute('href') ?? '',
        url: (a as HTMLAnchorElement).href,
      })),
      images: [...document.images].map((img) => ({ src: img.src, naturalWidth: img.naturalWidth })),
      failedFonts: [...document.fonts].filter((f) => f.status === 'error').map((f) => f.family),
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });
}
