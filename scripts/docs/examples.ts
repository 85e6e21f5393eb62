/** @file Code shown in the docs is code that ran: a region of a generator's own source, run at build time, with what it printed. */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

/** The lines between `// #region name` and `// #endregion` of a source file, unindented. */
export function region(url: string, name: string): string {
  const lines = readFileSync(fileURLToPath(url), 'utf8').split('\n');
  const start = lines.findIndex((l) => l.trim() === `// #region ${name}`);
  const end = lines.findIndex((l, i) => i > start && l.trim() === '// #endregion');
  if (start < 0 || end < 0) throw new Error(`${url}: no region '${name}'`);
  const body = lines.slice(start + 1, end);
  const indent = Math.min(...body.filter((l) => l.trim() !== '').map((l) => l.search(/\S/)));
  return body.map((l) => l.slice(indent)).join('\n');
}

/** What `run` printed with console.log, formatted as Node formats it. */
export async function printed(run: () => unknown): Promise<string> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => lines.push(format(...args));
  try {
    await run();
  } finally {
    console.log = log;
  }
  return lines.join('\n');
}

/**
 * A code block with region `name` of the file at `url` (the caller's
 * `import.meta.url`), then a block with what running it printed. `run`
 * must be the function that contains that region, so the two cannot drift.
 */
export async function example(url: string, name: string, run: () => unknown): Promise<string> {
  const output = await printed(run);
  if (output === '') throw new Error(`${url}: example '${name}' printed nothing`);
  return `\`\`\`ts\n${region(url, name)}\n\`\`\`\n\n\`\`\`text\n${output}\n\`\`\``;
}

/** Region `name` of the file at `url` as a TypeScript block, for code whose results other generators show. */
export function code(url: string, name: string): string {
  return `\`\`\`ts\n${region(url, name)}\n\`\`\``;
}
