/** @file The rules docs:check applies to a page laid out in the browser, tried on made-up measurements (no browser here). */

import { describe, expect, it } from 'vitest';
import {
  type Box,
  displayedSize,
  hidesOverflow,
  type Layout,
  layoutProblems,
  onNewLine,
  startsWithPunctuation,
} from '../scripts/docs/legibility.ts';
import { createRenderer, isNumericCell } from '../scripts/docs/markdown.ts';
import { bookkeeping } from '../scripts/docs/scan.ts';

const box = (left: number, top: number, right: number, bottom: number): Box => ({
  left,
  top,
  right,
  bottom,
});

const empty: Layout = {
  width: 400,
  sideways: 0,
  mathFollowers: [],
  overflowing: [],
  figureText: [],
};

describe('punctuation after inline math', () => {
  it.each(['.', ',', ';', ':', ')', '?', '!', ']', '”', '’s'])(
    'knows %s may not start a line',
    (t) => {
      expect(startsWithPunctuation(t)).toBe(true);
    },
  );

  it.each([' and', '(x)', 'x', '—', '', ' ,'])('lets %j start a line', (t) => {
    expect(startsWithPunctuation(t)).toBe(false);
  });

  it('sees a character back at the left margin, one line down, as on a new line', () => {
    const math = box(300, 100, 356, 122);
    expect(onNewLine(math, box(20, 128, 24, 150))).toBe(true);
    // Right after the formula, on its line, even when the formula is taller than the text.
    expect(onNewLine(math, box(356, 104, 360, 120))).toBe(false);
    expect(onNewLine(box(300, 92, 356, 130), box(355.5, 104, 360, 120))).toBe(false);
  });

  it('reports the comma that wrapped, and not the one that did not', () => {
    const wrapped = {
      latex: 'x_1',
      text: ', then',
      math: box(300, 100, 356, 122),
      next: box(20, 128, 24, 150),
    };
    const kept = { ...wrapped, next: box(356, 102, 360, 122) };
    const words = { ...wrapped, text: ' then' };
    expect(layoutProblems({ ...empty, mathFollowers: [wrapped, kept, words] })).toEqual([
      "at 400px: ', then' starts a line after the formula x_1",
    ]);
  });
});

describe('content wider than its box', () => {
  const wide = { what: '<pre>', scrollWidth: 520, clientWidth: 357 };

  it('is fine in a box that scrolls', () => {
    expect(hidesOverflow({ ...wide, overflowX: 'auto' })).toBe(false);
    expect(hidesOverflow({ ...wide, overflowX: 'scroll' })).toBe(false);
  });

  it('is a problem in a box that shows it past its edge or cuts it off', () => {
    for (const overflowX of ['visible', 'hidden', 'clip']) {
      expect(hidesOverflow({ ...wide, overflowX })).toBe(true);
    }
  });

  it('ignores a pixel of rounding', () => {
    expect(hidesOverflow({ ...wide, overflowX: 'visible', scrollWidth: 358 })).toBe(false);
    expect(hidesOverflow({ ...wide, overflowX: 'visible', scrollWidth: 359 })).toBe(true);
  });

  it('names the element and by how much, and a page wider than the window', () => {
    const layout = { ...empty, sideways: 40, overflowing: [{ ...wide, overflowX: 'hidden' }] };
    expect(layoutProblems(layout)).toEqual([
      'at 400px: the page is 40px wider than the window',
      'at 400px: <pre> is 163px too wide for its box and does not scroll (overflow-x: hidden)',
    ]);
  });
});

describe('text in figures', () => {
  it('shrinks with the image it is in', () => {
    // A 416-pixel plot on a 357-pixel column; a 572-pixel graph in the same column.
    expect(displayedSize(14, 357, 416)).toBeCloseTo(12.01, 2);
    expect(displayedSize(14.67, 357, 572)).toBeCloseTo(9.16, 2);
    expect(displayedSize(14, 832, 416)).toBe(28);
  });

  it('keeps its own size when the image has no width of its own', () => {
    expect(displayedSize(13, 300, 0)).toBe(13);
  });

  it('is a problem below 12 pixels, and fine at 12', () => {
    const figureText = [
      { figure: 'graph.svg', text: 'w1 = x', size: 9.16 },
      { figure: 'plot.svg', text: '1,000', size: 12 },
    ];
    expect(layoutProblems({ ...empty, figureText })).toEqual([
      "at 400px: text 'w1 = x' in graph.svg shows at 9.2px",
    ]);
  });
});

describe('bookkeeping on a page', () => {
  it('finds issue and ticket numbers, pull requests and to-dos', () => {
    expect(
      bookkeeping('Target (issue 15) met; see ticket 3, PR #12 and Issue #4. TODO: tidy.'),
    ).toEqual(['issue 15', 'ticket', 'PR #12', 'Issue #4', 'TODO']);
  });

  it('leaves ordinary words alone', () => {
    expect(bookkeeping('The issue with = is that it overwrites; 15 issues of a journal.')).toEqual(
      [],
    );
  });
});

describe('the renderer', () => {
  const render = createRenderer();
  /** The page's HTML with each formula replaced by its LaTeX in brackets. */
  const shape = (markdown: string) =>
    render(markdown)
      .html.replace(
        /<span class="katex">[\s\S]*?<annotation[^>]*>([^<]*)<\/annotation>[\s\S]*?<\/span><\/span><\/span><\/span>/g,
        '[$1]',
      )
      .trim();

  it('keeps inline math on one line with the punctuation around it', () => {
    expect(shape("Take $x$, then ($y$) and $x$'s value.")).toBe(
      '<p>Take <span class="nowrap">[x],</span> then <span class="nowrap">([y])</span> and <span class="nowrap">[x]’s</span> value.</p>',
    );
  });

  it('leaves math with spaces around it alone', () => {
    expect(shape('Take $x$ and $y$ - both.')).toBe('<p>Take [x] and [y] - both.</p>');
  });
});

describe('cells of numbers', () => {
  it.each(['15.3 / ms', '1.47x (87.6 µs)', '1,380x', '−2'])('keeps %j on one line', (t) => {
    expect(isNumericCell(t)).toBe(true);
  });

  it('lets prose and empty cells wrap', () => {
    expect(isNumericCell('≤ the minimal flat tape, and ≤ 250x')).toBe(false);
    expect(isNumericCell('seed')).toBe(false);
    expect(isNumericCell('')).toBe(false);
  });

  it('marks them in a rendered table', () => {
    const html = createRenderer()(
      '| a | b |\n| --- | --- |\n| 15.3 / ms | slower by far, 3x |\n',
    ).html;
    expect(html).toContain('<td class="number">15.3 / ms</td>');
    expect(html).toContain('<td>slower by far, 3x</td>');
  });
});
