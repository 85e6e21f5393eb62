/** @file The notebooks' one helper: prose, code, results and tables printed to the terminal and, with `--markdown FILE`, written as Markdown. */

import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatNumber, lineUpThousands, type Table, toMarkdown, toText } from '../../src/index.ts';

/** A value a notebook prints: a number, a vector, a matrix, or text. */
export type Shown = number | string | readonly number[] | readonly (readonly number[])[];

/**
 * A number as the package writes it for a reader (`formatNumber`: integers
 * exactly, grouped from 10,000, others to 6 significant digits, ∞ and NaN
 * by name), so a notebook prints what the CLI and the docs print.
 */
export const num = (v: number): string => formatNumber(v);

/** A number inside a vector or matrix, where commas part the entries: never grouped. */
const entry = (v: number): string => formatNumber(v, { thousands: false });

/** Any shown value as text: vectors as (a, b), matrices as [[a, b], [c, d]]. */
export function fmt(v: Shown): string {
  if (typeof v === 'number') return num(v);
  if (typeof v === 'string') return v;
  return v.every((x) => typeof x === 'number')
    ? `(${(v as readonly number[]).map(entry).join(', ')})`
    : `[${(v as readonly (readonly number[])[]).map((r) => `[${r.map(entry).join(', ')}]`).join(', ')}]`;
}

/** A plain table (no math) for toText/toMarkdown; numeric cells align right. */
export function grid(headers: readonly string[], rows: readonly (readonly Shown[])[]): Table {
  return {
    columns: headers.map((header, j) => ({
      header,
      align: typeof rows[0]?.[j] === 'number' ? 'right' : 'left',
      math: false,
    })),
    rows: rows.map((row) => row.map((cell) => ({ text: fmt(cell), latex: fmt(cell) }))),
  };
}

/** Wraps one line of text at word boundaries for the terminal. */
export function wrap(text: string, width = 80): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line].join('\n');
}

/**
 * Opens a notebook: `url` is the notebook's `import.meta.url` (its code
 * regions are read from that file), `title` its first heading.
 *
 * @example
 * const nb = notebook(import.meta.url, 'The chain rule');
 * nb.say('Prose.'); nb.code('setup'); nb.values({ 'f(2)': f(2) }); nb.done();
 */
/**
 * The flags every notebook takes: `--markdown FILE`, and `--svg FILE` where
 * a notebook draws a figure. A mistake is one line on stderr and exit code 2.
 */
function readFlags(name: string): { markdown?: string; svg?: string } {
  const fail = (reason: string): never => {
    process.stderr.write(`${name}: ${reason}\n`);
    process.exit(2);
  };
  const needsFile = (flag: string) =>
    `${flag} needs a file name, e.g. ${flag} out/${name.replace(/\.ts$/, flag === '--svg' ? '.svg' : '.md')}`;
  const takes = 'a notebook takes --markdown FILE and --svg FILE';
  try {
    const { values } = parseArgs({
      args: process.argv.slice(2),
      options: { markdown: { type: 'string' }, svg: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    });
    if (values.markdown === '') fail(needsFile('--markdown'));
    if (values.svg === '') fail(needsFile('--svg'));
    return values;
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      return fail(needsFile(/'(--\w+)/.exec(message)?.[1] ?? ''));
    }
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      return fail(`unknown option ${/'([^']+)'/.exec(message)?.[1] ?? ''}; ${takes}`);
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      return fail(`unexpected argument '${/'([^']*)'/.exec(message)?.[1] ?? ''}'; ${takes}`);
    }
    throw error;
  }
}

export function notebook(url: string, title: string) {
  const target = readFlags(basename(fileURLToPath(url))).markdown;
  const source = readFileSync(fileURLToPath(url), 'utf8');
  const md: string[] = [`# ${title}`];
  const out = (text: string, markdown: string) => {
    console.log(`${text}\n`);
    md.push(markdown);
  };
  console.log(`${title}\n${'='.repeat(title.length)}\n`);
  return {
    /** A heading. */
    section(heading: string) {
      out(`${heading}\n${'-'.repeat(heading.length)}`, `## ${heading}`);
    },
    /** A paragraph of prose (line breaks and indentation in the source are collapsed). */
    say(prose: string) {
      const text = prose.replace(/\s+/g, ' ').trim();
      out(wrap(text), text);
    },
    /** The lines between `// #region name` and `// #endregion` of this notebook's file (or of `file`). */
    code(name: string, file?: URL) {
      const text = file === undefined ? source : readFileSync(fileURLToPath(file), 'utf8');
      const lines = text.split('\n');
      const start = lines.findIndex((l) => l.trim() === `// #region ${name}`);
      const end = lines.findIndex((l, i) => i > start && l.trim().startsWith('// #endregion'));
      if (start < 0 || end < 0) throw new Error(`no code region '${name}'`);
      const body = lines.slice(start + 1, end);
      const indent = Math.min(...body.filter((l) => l.trim()).map((l) => l.search(/\S/)));
      const code = body.map((l) => l.slice(indent)).join('\n');
      out(code.replace(/^(?=.)/gm, '    '), `\`\`\`ts\n${code}\n\`\`\``);
    },
    /** Results, one per line, as `label = value` with the labels aligned. */
    values(results: Readonly<Record<string, Shown>>) {
      const width = (s: string) => s.replace(/\p{M}/gu, '').length; // w̄ is one column wide
      const w = Math.max(...Object.keys(results).map(width));
      // The values stand in a column: 3,000 beside 2,000,000, not 3000.
      const shown = lineUpThousands(Object.values(results).map(fmt));
      const lines = Object.keys(results).map(
        (k, i) => `${k}${' '.repeat(w - width(k))} = ${shown[i]}`,
      );
      this.show(lines.join('\n'));
    },
    /** Printed output, verbatim. */
    show(text: string) {
      out(text.replace(/^(?=.)/gm, '  '), `\`\`\`text\n${text}\n\`\`\``);
    },
    /** A table from the toolkit (or a Markdown table string such as costTable's). */
    table(table: Table | string) {
      if (typeof table === 'string') out(table, table);
      else out(toText(table), toMarkdown(table));
    },
    /** Ends the notebook: writes the Markdown if `--markdown FILE` was given. */
    done() {
      if (target === undefined) return;
      writeFileSync(target, `${md.join('\n\n')}\n`);
      console.log(`(Markdown written to ${target})`);
    },
  };
}
