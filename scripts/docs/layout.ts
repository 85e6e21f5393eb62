/** @file The HTML around a rendered page: stylesheets, and home, previous and next links at the top and bottom. */

import type { Page } from './pages.ts';

const escapeHtml = (s: string) =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

/** A page's name in navigation: "3. Reverse accumulation", or its title alone. */
export function label(page: Page): string {
  return page.chapter === undefined ? page.title : `${page.chapter}. ${page.title}`;
}

function navigation(previous: Page | undefined, next: Page | undefined): string {
  // A no-break space keeps each arrow on the line of the word next to it.
  const link = (page: Page | undefined, rel: string, arrow: string) =>
    page === undefined
      ? '<span></span>'
      : `<a rel="${rel}" href="${page.file}">${rel === 'prev' ? `${arrow}\u00a0` : ''}${escapeHtml(label(page))}${rel === 'next' ? `\u00a0${arrow}` : ''}</a>`;
  return [
    '<nav class="pager">',
    link(previous, 'prev', '←'),
    '<a class="home" href="index.html">wengert docs</a>',
    link(next, 'next', '→'),
    '</nav>',
  ].join('');
}

/** The whole HTML file for `pages[index]`, whose body is already rendered. */
export function layout(pages: readonly Page[], index: number, body: string): string {
  const page = pages[index] as Page;
  const nav = navigation(pages[index - 1], pages[index + 1]);
  const title = index === 0 ? page.title : `${label(page)} · wengert`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="assets/katex/katex.min.css">
<link rel="stylesheet" href="assets/style.css">
</head>
<body>
<header>${nav}</header>
<main>
${page.chapter === undefined ? '' : `<p class="chapter-number">Chapter ${page.chapter}</p>\n`}${body}
</main>
<footer>${nav}</footer>
</body>
</html>
`;
}
