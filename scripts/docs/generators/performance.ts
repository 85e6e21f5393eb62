/**
 * @file The performance page's generated parts, taken from `bench/results.md`
 * as `npm run bench` left it: the findings, and the measurements with their
 * figures. The report's last part, the developers' performance goals, stays
 * out of the page.
 */

import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Context, Generator } from '../generate.ts';

const MISSING = `No benchmark results were present when this site was built. To produce
them, run \`npm run bench\`, which writes \`bench/results.md\` and its figures
(\`bench/*.svg\`), then rebuild the site with \`npm run docs\`.`;

/** The report starts each of its parts with a line like `<!-- part: findings -->`. */
const PART = /^<!-- part: ([\w-]+) -->$/;

/** The text of one part of the report, up to the next part; a report without it fails the build. */
function part(markdown: string, name: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => PART.exec(line)?.[1] === name);
  if (start < 0) {
    throw new Error(
      `bench/results.md has no part '${name}'; rebuild it with \`npx tsx bench/run.ts --render\``,
    );
  }
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => PART.test(line));
  return rest.slice(0, end < 0 ? undefined : end).join('\n');
}

/**
 * Fits a part into the page: images copied into the site next to the other
 * figures, and links to files that are not on the site reduced to their text.
 */
function adapt(markdown: string, folder: string, context: Context): string {
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^(```|~~~)/.test(line)) fenced = !fenced;
      if (fenced) return line;
      return line
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

/** A generator showing one part of the report, or `whenMissing` if no run left one. */
function showPart(name: string, whenMissing: string): Generator {
  return (context) => {
    const file = join(context.benchFolder, 'results.md');
    if (!existsSync(file)) return whenMissing;
    return adapt(part(readFileSync(file, 'utf8'), name), context.benchFolder, context);
  };
}

export const performance: Record<string, Generator> = {
  'bench-findings': showPart('findings', MISSING),
  'bench-results': showPart('measurements', ''),
};
