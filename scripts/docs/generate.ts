/** @file Placeholders in the chapters (`<!-- generate: name -->`) replaced by what a named generator computes with the toolkit. */

import type { Page } from './pages.ts';

/** What a generator may use besides the toolkit. */
export interface Context {
  /** Every page of the site, in reading order (for the contents on the landing page). */
  readonly pages: readonly Page[];
  /** The folder `npm run bench` writes its results to. */
  readonly benchFolder: string;
  /** Writes a figure (an SVG) into the site and returns its address relative to the pages. */
  figure(name: string, content: string): string;
}

/** Computes Markdown (with math) to stand where its placeholder was; block or inline alike. */
export type Generator = (context: Context) => string | Promise<string>;

const PLACEHOLDER = /<!--\s*generate:\s*([\w-]+)\s*-->/g;

/** The names a page's Markdown asks for, in order, with the line each is on. */
export function placeholders(markdown: string): { name: string; line: number }[] {
  return [...markdown.matchAll(PLACEHOLDER)].map((m) => ({
    name: m[1] as string,
    line: markdown.slice(0, m.index).split('\n').length,
  }));
}

/** The page's Markdown with every placeholder replaced; an unknown name fails, naming page and line. */
export async function expand(
  page: Page,
  generators: Readonly<Record<string, Generator>>,
  context: Context,
): Promise<string> {
  const outputs = new Map<string, string>();
  for (const { name, line } of placeholders(page.markdown)) {
    const generator = generators[name];
    if (generator === undefined) {
      throw new Error(`docs/${page.source}:${line}: no generator named '${name}'`);
    }
    if (!outputs.has(name)) outputs.set(name, (await generator(context)).trim());
  }
  return page.markdown.replace(PLACEHOLDER, (_, name: string) => outputs.get(name) ?? '');
}
