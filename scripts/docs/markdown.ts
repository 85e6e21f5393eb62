/** @file The Markdown renderer: markdown-it with KaTeX at build time, heading anchors, and `.md` links turned into `.html`. */

import katexPlugin, { type MarkdownKatexOptions } from '@vscode/markdown-it-katex';
import type { KatexOptions } from 'katex';
import MarkdownIt from 'markdown-it';

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

  return (markdown) => {
    const tokens = md.parse(markdown, {});
    const formulas = tokens
      .flatMap((t) => [t, ...(t.children ?? [])])
      .filter((t) => t.type.startsWith('math_')).length;
    return { html: md.renderer.render(tokens, md.options, {}), formulas };
  };
}
