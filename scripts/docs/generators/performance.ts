/** @file The performance page: `bench/results.md` as `npm run bench` left it, with its plots, or how to produce it. */

import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Context, Generator } from '../generate.ts';

const MISSING = `No benchmark results were present when this site was built. To produce
them, run \`npm run bench\`, which writes \`bench/results.md\` and its plots
(\`bench/*.svg\`), then rebuild the site with \`npm run docs\`.`;

/**
 * Fits the results into this page: headings one level down (the page has
 * its own title), images copied into the site next to the other figures,
 * and links to files that are not on the site reduced to their text.
 */
function adapt(markdown: string, folder: string, context: Context): string {
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^(```|~~~)/.test(line)) fenced = !fenced;
      if (fenced) return line;
      return line
        .replace(/^#{1,5} /, (hashes) => `#${hashes}`)
        .replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, (whole, alt: string, src: string) => {
          if (/^[a-z]+:/i.test(src)) return whole;
          const file = join(folder, src);
          if (!existsSync(file)) throw new Error(`bench/results.md: no image ${src}`);
          return `![${alt}](${context.figure(`bench-${basename(src)}`, readFileSync(file, 'utf8'))})`;
        })
        .replace(/(?<!!)\[([^\]]*)\]\((?![a-z]+:|#)[^)]*\)/gi, '$1');
    })
    .join('\n');
}

const results: Generator = (context) => {
  const file = join(context.benchFolder, 'results.md');
  return existsSync(file)
    ? adapt(readFileSync(file, 'utf8'), context.benchFolder, context)
    : MISSING;
};

export const performance: Record<string, Generator> = { 'bench-results': results };
