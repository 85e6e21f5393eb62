/**
 * @file The ```ts blocks of README.md, and each made to check its `// → value` comments: shared by
 * the README test (against the sources) and `npm run test:package` (against the packed package).
 */

export interface Block {
  /** README line of the block's first line of code. */
  readonly line: number;
  readonly code: string;
}

/** The ```ts blocks of a Markdown text, with the line each starts on. */
export function tsBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]?.trim() !== '```ts') continue;
    const end = lines.findIndex((l, j) => j > i && l.trim() === '```');
    blocks.push({ line: i + 2, code: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return blocks;
}

/**
 * The block with each `expr;  // → value` line turned into a check of expr
 * against value (a JavaScript literal, ended by two spaces or the line's end).
 */
export function withChecks({ line, code }: Block): string {
  const checked = code
    .split('\n')
    .map((text, k) => {
      const m = /^(\s*)(.+?);\s*\/\/ → (.+)$/.exec(text);
      if (m === null) return text;
      const [, indent, expr, rest] = m;
      const literal = (rest as string).split(/\s{2,}/)[0];
      return `${indent}__check(${line + k}, ${expr}, ${literal});`;
    })
    .join('\n');
  return `${checked}\n\n${CHECK}`;
}

/** Appended to each run block: compares numbers to 6 significant digits, matrices as nested arrays. */
const CHECK = `
function __check(line: number, actual: unknown, expected: unknown): void {
  const plain = (v: unknown): unknown =>
    v !== null && typeof v === 'object' && 'toArray' in v && typeof v.toArray === 'function'
      ? v.toArray()
      : Array.isArray(v)
        ? v.map(plain)
        : v !== null && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]))
          : v;
  const same = (a: unknown, e: unknown): boolean =>
    typeof e === 'number'
      ? typeof a === 'number' && (Object.is(a, e) || Math.abs(a - e) <= 5e-6 * Math.max(1, Math.abs(e)))
      : Array.isArray(e)
        ? Array.isArray(a) && a.length === e.length && e.every((x, i) => same(a[i], x))
        : e !== null && typeof e === 'object'
          ? a !== null && typeof a === 'object' &&
            Object.keys(e).length === Object.keys(a).length &&
            Object.entries(e).every(([k, x]) => same((a as Record<string, unknown>)[k], x))
          : Object.is(a, e);
  const got = plain(actual);
  if (!same(got, expected)) {
    console.error(\`README.md:\${line}: expected \${JSON.stringify(expected)}, got \${JSON.stringify(got)}\`);
    process.exitCode = 1;
  }
}
`;
