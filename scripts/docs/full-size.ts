/**
 * @file A figure that keeps its own size: drawn so its smallest text is
 * 12 px at that size, it scrolls sideways on a narrow screen instead of
 * shrinking (style.css: `figure.full-size`).
 */

const attribute = (s: string) => s.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/**
 * The HTML for such a figure, on a line of its own in a page's Markdown
 * where `![alt](src)` would go: a `<figure>` that scrolls, around the image.
 *
 * @example
 * fullSizeImage(context.figure('graph.svg', svg), 'The graph of f');
 */
export function fullSizeImage(src: string, alt: string): string {
  return `<figure class="full-size"><img src="${attribute(src)}" alt="${attribute(alt)}"></figure>`;
}
