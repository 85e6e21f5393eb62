/** @file The declarations page: an entry for every export of the real module, examples that ran, and the API guide's links into it. */

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { declarationsPage } from '../scripts/docs/api-reference.ts';
import { runExamples } from '../scripts/docs/api-reference-examples.ts';
import { publicExports } from '../scripts/docs/api-reference-exports.ts';
import { createRenderer } from '../scripts/docs/markdown.ts';

let html: string;
/** Each entry's name, by its anchor. */
const entries = new Map<string, string>();

beforeAll(async () => {
  // TypeDoc reads src/ and every example runs: a few seconds, so once for the whole file.
  const page = await declarationsPage();
  html = createRenderer()(page.markdown).html;
  for (const m of html.matchAll(/<h3 id="([^"]+)"><code>([^<]+)<\/code> (\w+)<\/h3>/g)) {
    entries.set(m[1] as string, m[2] as string);
  }
}, 180_000);

/** The HTML of one entry: from its heading to the next entry's or section's. */
const entry = (anchor: string): string => {
  const start = html.indexOf(`<h3 id="${anchor}">`);
  if (start < 0) throw new Error(`no entry #${anchor}`);
  const end = html.slice(start + 1).search(/<h[23] /);
  return end < 0 ? html.slice(start) : html.slice(start, start + 1 + end);
};

describe('the declarations page', () => {
  it('has an entry for every value the module exports and every type its declarations export', async () => {
    const values = Object.keys(await import('../src/index.ts'));
    const declared = publicExports();
    // The index's text, read by the page, names exactly the values the module has at run time.
    expect(
      declared
        .filter((e) => !e.typeOnly)
        .map((e) => e.name)
        .sort(),
    ).toEqual([...values].sort());
    const types = declared.filter((e) => e.typeOnly).map((e) => e.name);
    expect(types).toContain('Num');
    const named = new Set(entries.values());
    const missing = [...values, ...types].filter((name) => !named.has(name));
    expect(missing).toEqual([]);
    expect(entries.size).toBe(values.length + types.length);
  });

  it('gives an entry its signature, parameters, return type and example', () => {
    const jvp = entry('jvp-function');
    expect(jvp).toContain('function jvp&lt;');
    expect(jvp).toMatch(/<td><code>tangents<\/code><\/td>/);
    expect(jvp).toMatch(/<h4 id="returns[^"]*">Returns<\/h4>/);
    expect(jvp).toContain('jvp(f, [2, 3], [1, 0])');
    // a type and a class get entries of their own kind, apart from the function of the same name
    expect(entries.get('matrix-class')).toBe('Matrix');
    expect(entries.get('matrix-function')).toBe('matrix');
  });

  it('shows what an example printed right after it', () => {
    const slice = entry('slice-function');
    const example = slice.indexOf('language-ts">const x = matrix(');
    const printed = slice.indexOf('language-text">', example);
    expect(example).toBeGreaterThan(0);
    expect(printed).toBeGreaterThan(example);
  });

  it('links from one entry to the entries of the types it uses', () => {
    expect(entry('jvp-function')).toContain('href="#traced-type"');
    const anchors = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    for (const m of html.matchAll(/href="#([^"]+)"/g)) expect(anchors).toContain(m[1]);
  });
});

describe('the examples of doc comments', () => {
  it('run: what one prints is kept, and one that throws fails naming its export', () => {
    const exports = publicExports();
    const printed = runExamples(
      [{ owner: 'square', code: 'console.log(grad((x: Num) => mul(x, x))(3));' }],
      exports,
    );
    expect(printed).toEqual(['6']); // d(x²)/dx = 2x at 3
    expect(() =>
      runExamples([{ owner: 'broken', code: 'grad((x: Num) => x)([1, 2] as never, y);' }], exports),
    ).toThrow(/the example of broken: ReferenceError: y is not defined/);
  }, 60_000);
});

describe('the API guide', () => {
  it('links every transform and function it describes to its entry', () => {
    const guide = readFileSync(new URL('../docs/api.md', import.meta.url), 'utf8');
    const sections = guide.split(/^### /m).slice(1);
    expect(sections.length).toBeGreaterThan(20);
    for (const section of sections) {
      const title = section.slice(0, section.indexOf('\n'));
      const named = [...title.matchAll(/`(\w+)/g)].map((m) => m[1] as string);
      for (const name of named) {
        const link = new RegExp(`\\]\\(declarations\\.md#(${name.toLowerCase()}-[a-z]+)\\)`);
        const anchor = link.exec(section)?.[1];
        expect(anchor, `### ${title} links ${name}`).toBeDefined();
        expect(entries.get(anchor as string)).toBe(name);
      }
    }
  });
});
