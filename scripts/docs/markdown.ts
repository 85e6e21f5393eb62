/** @file The Markdown renderer: markdown-it with KaTeX at build time, punctuation kept on the line of its formula, cells of numbers kept on one line, heading anchors, and `.md` links turned into `.html`. */

import katexPlugin, { type MarkdownKatexOptions } from '@vscode/markdown-it-katex';
import type { KatexOptions } from 'katex';
import MarkdownIt, { type StateCore, type Token } from 'markdown-it';

/** A heading's anchor: lower case, words joined by '-', nothing else. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/[\s-]+/g, '-');
}

/** What rendering one page produced. */
export interface Rendered {
  readonly html: string;
  /** Formulas handed to KaTeX; the browser check expects as many `.katex` elements. */
  readonly formulas: number;
}

/**
 * The KaTeX plugin is CommonJS. Node's ESM loader (tsx) hands over
 * `module.exports`, so the plugin is its `.default`; Vite (vitest) honours
 * `__esModule` and hands over the function itself.
 */
const imported = katexPlugin as typeof katexPlugin | typeof katexPlugin.default;
const katex = typeof imported === 'function' ? imported : imported.default;

/** Punctuation that closes a phrase, with the rest of its word ("’s"): it stays on the line of the formula before it. */
const CLOSING = /^[.,;:!?)\]}…’”»%]\S*/u;
/** Punctuation that opens one: it stays on the line of the formula after it. */
const OPENING = /[([{“‘«]+$/u;

/**
 * Wraps inline math and the punctuation touching it in one `.nowrap` span.
 * Chromium may break a line between a formula (KaTeX's inline boxes) and
 * the comma after it, so the comma would start the next line; the span
 * (white-space: nowrap in the stylesheet) forbids that break. Done here,
 * once, for every page.
 */
function keepPunctuationWithMath(state: StateCore): void {
  const text = (content: string) => Object.assign(new state.Token('text', '', 0), { content });
  const html = (content: string) =>
    Object.assign(new state.Token('html_inline', '', 0), { content });
  for (const block of state.tokens) {
    if (block.children === null) continue;
    const out: Token[] = [];
    const children = block.children;
    for (let i = 0; i < children.length; i++) {
      const token = children[i] as Token;
      const before = out.at(-1);
      const after = children[i + 1];
      const opening = before?.type === 'text' ? OPENING.exec(before.content)?.[0] : undefined;
      const closing = after?.type === 'text' ? CLOSING.exec(after.content)?.[0] : undefined;
      if (token.type !== 'math_inline' || (opening === undefined && closing === undefined)) {
        out.push(token);
        continue;
      }
      out.push(html('<span class="nowrap">'));
      if (before !== undefined && opening !== undefined) {
        before.content = before.content.slice(0, -opening.length);
        out.push(text(opening));
      }
      out.push(token);
      if (after !== undefined && closing !== undefined) {
        after.content = after.content.slice(closing.length);
        out.push(text(closing));
      }
      out.push(html('</span>'));
    }
    block.children = out.filter((t) => t.type !== 'text' || t.content !== '');
  }
}

/**
 * Whether a table cell holds numbers, perhaps with signs and short units
 * between them ("15.3 / ms", "1.47x (87.6 µs)"): such a cell must not break
 * over two lines. A cell with a longer word in it is prose, and may.
 */
export function isNumericCell(text: string): boolean {
  const words = text.trim().split(/\s+/);
  const short = /^[^\p{L}]*\p{L}{1,3}[^\p{L}]*$/u; // a unit: ms, µs, KB, x
  return /\d/.test(text) && words.every((w) => /\d/.test(w) || !/\p{L}/u.test(w) || short.test(w));
}

/** Marks table cells of numbers with the class `number` (kept on one line by the stylesheet). */
function markNumericCells(state: StateCore): void {
  state.tokens.forEach((token, i) => {
    if (token.type !== 'td_open') return;
    const text = (state.tokens[i + 1]?.children ?? [])
      .filter((t) => t.type === 'text' || t.type === 'code_inline')
      .map((t) => t.content)
      .join('');
    if (isNumericCell(text)) token.attrJoin('class', 'number');
  });
}

/**
 * A renderer for the docs. The plugin never throws on bad LaTeX; it writes a
 * `.katex-error` element instead, which the build looks for afterwards.
 * `strict: 'error'` turns KaTeX's warnings (Unicode in math, ...) into such
 * errors too, so nothing questionable reaches a page silently.
 */
export function createRenderer(): (markdown: string) => Rendered {
  const md = new MarkdownIt({ html: true, typographer: true });
  const options: MarkdownKatexOptions & KatexOptions = { strict: 'error' }; // passed on to KaTeX
  md.use(katex, options);

  // Every heading gets an id from its text, unique within the page, so sections can be linked.
  md.core.ruler.push('heading_ids', (state) => {
    const used = new Map<string, number>();
    state.tokens.forEach((token, i) => {
      if (token.type !== 'heading_open') return;
      const text = (state.tokens[i + 1]?.children ?? [])
        .filter((t) => t.type === 'text' || t.type === 'code_inline')
        .map((t) => t.content)
        .join('');
      const base = slug(text);
      const count = used.get(base) ?? 0;
      used.set(base, count + 1);
      token.attrSet('id', count === 0 ? base : `${base}-${count + 1}`);
    });
  });

  // Chapters link to each other as `03-reverse-accumulation.md#adjoints` (which also works on
  // GitHub); on the site those are `.html` files in the same folder.
  md.core.ruler.push('md_links', (state) => {
    for (const block of state.tokens) {
      for (const token of block.children ?? []) {
        const href = token.type === 'link_open' ? token.attrGet('href') : null;
        if (typeof href === 'string' && /^[\w-]+\.md(#|$)/.test(href)) {
          token.attrSet('href', href.replace(/\.md(?=#|$)/, '.html'));
        }
      }
    }
  });

  md.core.ruler.push('math_nowrap', keepPunctuationWithMath);
  md.core.ruler.push('numeric_cells', markNumericCells);

  return (markdown) => {
    const tokens = md.parse(markdown, {});
    const formulas = tokens
      .flatMap((t) => [t, ...(t.children ?? [])])
      .filter((t) => t.type.startsWith('math_')).length;
    return { html: md.renderer.render(tokens, md.options, {}), formulas };
  };
}
