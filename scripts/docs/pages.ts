/** @file The pages of the docs site: which Markdown files there are, in what order, and what each is called. */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One page: its source file, its output file, its title, and its chapter number if it has one. */
export interface Page {
  readonly source: string;
  readonly file: string;
  readonly title: string;
  /** The NN of `NN-slug.md`; undefined for the landing page and for reference pages. */
  readonly chapter: number | undefined;
  readonly markdown: string;
}

const CHAPTER = /^(\d\d)-[a-z0-9-]+\.md$/;

/** The text of the first `# ` heading: every page must start with one. */
function titleOf(name: string, markdown: string): string {
  const heading = /^# (.+)$/m.exec(markdown);
  if (heading?.[1] === undefined) throw new Error(`docs/${name}: no '# Title' heading`);
  return heading[1].trim();
}

/**
 * Every `docs/*.md`, in reading order: `index.md` (the landing page), the
 * chapters `NN-slug.md` by NN, then any other page by name (reference
 * pages such as `semantics.md`). A new chapter file slots in by its number.
 */
export function discoverPages(folder: string): Page[] {
  const names = readdirSync(folder).filter((name) => name.endsWith('.md'));
  if (!names.includes('index.md')) throw new Error(`${folder}: no index.md (the landing page)`);
  const rank = (name: string) => (name === 'index.md' ? 0 : CHAPTER.test(name) ? 1 : 2);
  names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const seen = new Map<number, string>();
  return names.map((name) => {
    const markdown = readFileSync(join(folder, name), 'utf8');
    const number = CHAPTER.exec(name)?.[1];
    const chapter = number === undefined ? undefined : Number(number);
    if (chapter !== undefined) {
      const other = seen.get(chapter);
      if (other !== undefined) throw new Error(`docs/${name}: chapter ${chapter} is also ${other}`);
      seen.set(chapter, name);
    }
    return {
      source: name,
      file: name.replace(/\.md$/, '.html'),
      title: titleOf(name, markdown),
      chapter,
      markdown,
    };
  });
}
