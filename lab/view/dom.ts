/** @file The few DOM helpers the view needs: find an element the page must have, make one, render LaTeX. */

import katex from 'katex';

/** The element with this id; the page is broken without it, so a missing one throws. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`lab: the page has no #${id}`);
  return found as T;
}

/** A new element with a class and text (both optional). */
export function make<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = '',
  text = '',
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className !== '') element.className = className;
  if (text !== '') element.textContent = text;
  return element;
}

/** LaTeX rendered into `element` by KaTeX, as strict as the docs' build; a formula it cannot read shows as a .katex-error (the browser check looks for one), never throws. */
export function renderTex(element: HTMLElement, latex: string, display = false): void {
  katex.render(latex, element, { displayMode: display, throwOnError: false, strict: 'error' });
}

/**
 * Scrolls `container` (not the page) so that `target`, inside it, is in
 * view: stepping with the keys must not make the whole page jump. Lines of
 * source are revealed only up and down (`sideways` false), so a long line
 * does not scroll the start of every line away. It waits for the next
 * frame, where the browser lays the page out anyway, instead of forcing a
 * layout in the middle of a step.
 */
export function reveal(container: HTMLElement, target: Element, sideways = true): void {
  requestAnimationFrame(() => {
    const box = container.getBoundingClientRect();
    const item = target.getBoundingClientRect();
    if (item.top < box.top || item.bottom > box.bottom) {
      container.scrollTop += item.top - box.top - (box.height - item.height) / 2;
    }
    if (sideways && (item.left < box.left || item.right > box.right)) {
      container.scrollLeft += item.left - box.left - (box.width - item.width) / 2;
    }
  });
}
