/**
 * @file What a page laid out at one width must not show: punctuation that
 * starts a line after inline math, a box whose content sticks out of it with
 * no scrollbar, a page wider than the window, figure text under 12 pixels.
 * The browser measures (browser.ts); these functions judge, so each rule can
 * be tested without a browser.
 */

/** A rectangle on the page, in CSS pixels, as `getBoundingClientRect` gives it. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** Inline math, the text that follows it, and where the last piece of each was laid out. */
export interface MathFollower {
  readonly latex: string;
  /** The first characters of the text node after the formula. */
  readonly text: string;
  /** The formula's last line box and its following character's box. */
  readonly math: Box;
  readonly next: Box;
}

/** An element whose content is wider than its box, as measured. */
export interface Overflowing {
  /** Tag and class, and the start of its text, to find it on the page. */
  readonly what: string;
  readonly overflowX: string;
  readonly scrollWidth: number;
  readonly clientWidth: number;
}

/** The smallest text of a figure or an inline SVG: its font size times the scale it is drawn at. */
export interface FigureText {
  readonly figure: string;
  readonly text: string;
  /** The size in pixels as the reader sees it. */
  readonly size: number;
}

/** What the browser read off one page at one window width. */
export interface Layout {
  readonly width: number;
  /** How far the page scrolls sideways: 0 unless something is wider than the window. */
  readonly sideways: number;
  readonly mathFollowers: readonly MathFollower[];
  readonly overflowing: readonly Overflowing[];
  readonly figureText: readonly FigureText[];
}

/** No text in a figure smaller than this, as displayed, at any width. */
export const SMALLEST_TEXT = 12;

/** Rounding in layout: a box may be a fraction of a pixel off without anyone seeing it. */
const SLACK = 1;

/**
 * Whether `text` opens with punctuation that belongs to the word before it
 * (a full stop, comma, closing bracket or quote): such a character must not
 * begin a line.
 */
export function startsWithPunctuation(text: string): boolean {
  return /^[.,;:!?)\]}…’”»%]/u.test(text);
}

/**
 * Whether the character in `next` went to a new line after the formula in
 * `math`: on the same line it starts where the formula ends; on the next it
 * starts back at the left and lower down.
 */
export function onNewLine(math: Box, next: Box): boolean {
  return next.left < math.right - SLACK && next.top > math.top + SLACK;
}

/**
 * Whether an element cuts off or spills content: wider than its box, and
 * not a box that scrolls (`auto` or `scroll` give the reader a scrollbar).
 */
export function hidesOverflow(element: Overflowing): boolean {
  const scrolls = element.overflowX === 'auto' || element.overflowX === 'scroll';
  return !scrolls && element.scrollWidth > element.clientWidth + SLACK;
}

/**
 * The size at which a reader sees text of `fontSize` in an SVG drawn
 * `renderedWidth` wide whose own width is `naturalWidth` (an image scales
 * everything in it alike).
 *
 * @example
 * displayedSize(14, 357, 416); // → 12.01…
 */
export function displayedSize(
  fontSize: number,
  renderedWidth: number,
  naturalWidth: number,
): number {
  return naturalWidth > 0 ? (fontSize * renderedWidth) / naturalWidth : fontSize;
}

/** The problems on one page at one width, each saying where and how big. */
export function layoutProblems(layout: Layout): string[] {
  const at = `at ${layout.width}px`;
  const problems: string[] = [];
  if (layout.sideways > 0) {
    problems.push(`${at}: the page is ${layout.sideways}px wider than the window`);
  }
  for (const f of layout.mathFollowers) {
    if (startsWithPunctuation(f.text) && onNewLine(f.math, f.next)) {
      problems.push(`${at}: '${f.text}' starts a line after the formula ${f.latex}`);
    }
  }
  for (const e of layout.overflowing.filter(hidesOverflow)) {
    problems.push(
      `${at}: ${e.what} is ${e.scrollWidth - e.clientWidth}px too wide for its box and does not scroll (overflow-x: ${e.overflowX})`,
    );
  }
  for (const t of layout.figureText) {
    if (t.size < SMALLEST_TEXT) {
      problems.push(`${at}: text '${t.text}' in ${t.figure} shows at ${t.size.toFixed(1)}px`);
    }
  }
  return problems;
}
