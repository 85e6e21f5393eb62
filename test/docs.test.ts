/** @file The docs site, built and read without a browser: KaTeX, links, figures, navigation, the primitive reference, and generated numbers against independent computations. */

import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readHash } from '../lab/hash.ts';
import { loadProgram } from '../lab/program.ts';
import { type BuiltPage, buildSite, type Site } from '../scripts/docs/build.ts';
import { type Context, expand, placeholders } from '../scripts/docs/generate.ts';
import { generators } from '../scripts/docs/generators/index.ts';
import { performance } from '../scripts/docs/generators/performance.ts';
import { rawMath } from '../scripts/docs/scan.ts';
import { ruleLatex, rules } from '../src/index.ts';
import { tapeBytes } from './support.ts';

const temporary = (name: string) => mkdtempSync(join(tmpdir(), `wengert-${name}-`));

let site: Site;
const html = new Map<string, string>();

beforeAll(async () => {
  site = await buildSite({ out: temporary('site') });
  for (const built of site.pages) html.set(built.page.file, readFileSync(built.path, 'utf8'));
  // The whole site, its examples run and its figures laid out by vega: about 25 s of CPU, more on a busy machine.
}, 180_000);

const page = (prefix: string): string => {
  const found = [...html.keys()].find((file) => file.startsWith(prefix));
  if (found === undefined) throw new Error(`no page ${prefix}*`);
  return html.get(found) as string;
};

/** Every value of `attribute` on `tag` elements. */
const attributes = (source: string, tag: string, attribute: string): string[] =>
  [...source.matchAll(new RegExp(`<${tag}\\b[^>]*\\s${attribute}="([^"]*)"`, 'g'))].map(
    (m) => m[1] as string,
  );

/** The TeX source of every formula on a page, as KaTeX keeps it in its MathML annotation. */
const formulas = (source: string): string[] =>
  [...source.matchAll(/<annotation encoding="application\/x-tex">([^<]*)<\/annotation>/g)].map(
    (m) => (m[1] as string).replaceAll('&amp;', '&').trim(),
  );

/** What a page printed in its `text` blocks. */
const printed = (source: string): string =>
  [...source.matchAll(/<code class="language-text">([^<]*)<\/code>/g)]
    .map((m) => (m[1] as string).trim())
    .join('\n');

/** The text a reader sees, outside code and outside rendered math. */
const prose = (source: string): string =>
  source
    .replace(/<annotation[^>]*>[\s\S]*?<\/annotation>/g, '')
    .replace(/<pre>[\s\S]*?<\/pre>/g, '')
    .replace(/<code>[\s\S]*?<\/code>/g, '')
    .replace(/<[^>]+>/g, ' ');

describe('the docs build', () => {
  it('renders every formula, with no KaTeX error and no raw math left in the prose', () => {
    for (const built of site.pages) {
      const source = html.get(built.page.file) as string;
      expect(source, built.page.file).not.toContain('katex-error');
      expect(source.match(/class="katex"/g)?.length ?? 0, built.page.file).toBe(built.formulas);
      expect(rawMath(prose(source)), built.page.file).toEqual([]);
    }
  });

  it('gives every chapter derivations', () => {
    const chapters = site.pages.filter((b) => b.page.chapter !== undefined);
    for (const built of chapters) expect(built.formulas, built.page.file).toBeGreaterThan(0);
  });

  it('has only relative links, each to a page and an anchor that exist', () => {
    for (const built of site.pages) {
      const source = html.get(built.page.file) as string;
      for (const href of attributes(source, 'a', 'href')) {
        if (/^[a-z]+:\/\//.test(href)) continue; // a citation's address, not part of the site
        const [file, anchor] = href.split('#') as [string, string | undefined];
        const target = file === '' ? built.page.file : file;
        if (target === 'lab.html') continue; // its hash is a state, checked below
        expect(html.has(target), `${built.page.file} links to ${href}`).toBe(true);
        if (anchor !== undefined) {
          const ids = attributes(html.get(target) ?? '', '[a-z0-9]+', 'id');
          expect(ids, `${built.page.file} links to ${href}`).toContain(anchor);
        }
      }
    }
  });

  it('links into the lab only with states it can load', () => {
    expect(existsSync(site.lab)).toBe(true);
    const links = site.pages.flatMap((built) =>
      attributes(html.get(built.page.file) as string, 'a', 'href').filter((h) =>
        h.startsWith('lab.html#'),
      ),
    );
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) {
      const loaded = loadProgram(readHash(link.slice(link.indexOf('#')).replaceAll('&amp;', '&')));
      expect(loaded.ok && loaded.program.list.entries.length, link).toBeGreaterThan(0);
    }
  });

  it('refers only to images that exist and are SVG or have content', () => {
    let images = 0;
    for (const built of site.pages) {
      for (const src of attributes(html.get(built.page.file) as string, 'img', 'src')) {
        images++;
        const file = join(dirname(built.path), src);
        expect(existsSync(file), `${built.page.file}: ${src}`).toBe(true);
        const content = readFileSync(file, 'utf8');
        if (src.endsWith('.svg')) expect(content).toMatch(/<svg[\s\S]*<\/svg>\s*$/);
        else expect(content.length).toBeGreaterThan(0);
      }
    }
    expect(images).toBeGreaterThanOrEqual(4); // the graph, the difference plot, two cost plots
  });

  it('copies KaTeX’s stylesheet and every font it names', () => {
    const css = readFileSync(join(site.out, 'assets', 'katex', 'katex.min.css'), 'utf8');
    const fonts = [...css.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1] as string);
    expect(fonts.length).toBeGreaterThan(20);
    for (const font of fonts)
      expect(existsSync(join(site.out, 'assets', 'katex', font))).toBe(true);
  });
});

describe('the navigation', () => {
  const ISSUE_CHAPTERS = [1, 2, 3, 4, 5, 8, 9, 10, 11];

  it('has every chapter of the issue, in order, after the landing page', () => {
    const numbers = site.pages.map((b) => b.page.chapter);
    expect(site.pages[0]?.page.file).toBe('index.html');
    for (const n of ISSUE_CHAPTERS) expect(numbers).toContain(n);
    const chapters = numbers.filter((n) => n !== undefined);
    expect(chapters).toEqual([...chapters].sort((a, b) => a - b));
    expect(numbers.indexOf(chapters.at(-1))).toBe(chapters.length); // chapters before reference pages
  });

  it('links each page to home, the previous and the next page', () => {
    site.pages.forEach((built: BuiltPage, i) => {
      const source = html.get(built.page.file) as string;
      expect(attributes(source, 'a', 'href')).toContain('index.html');
      const prev = source.match(/<a rel="prev" href="([^"]+)"/)?.[1];
      const next = source.match(/<a rel="next" href="([^"]+)"/)?.[1];
      expect(prev).toBe(site.pages[i - 1]?.page.file);
      expect(next).toBe(site.pages[i + 1]?.page.file);
    });
  });

  it('lists every other page on the landing page, in reading order', () => {
    const landing = html.get('index.html') as string;
    const contents = landing.slice(landing.indexOf('id="chapters"'), landing.indexOf('</main>'));
    const lists =
      contents
        .match(/<ul>[\s\S]*?<\/ul>/g)
        ?.slice(0, 2)
        .join('') ?? '';
    expect(attributes(lists, 'a', 'href')).toEqual(site.pages.slice(1).map((b) => b.page.file));
  });
});

describe('the generated content', () => {
  it('gives the primitive reference one section per registry rule, in registry order', () => {
    const ids = attributes(page('10-'), 'h2', 'id').filter((id) => id !== 'how-to-read-a-rule');
    expect(ids.filter((id) => id !== 'all-primitives')).toEqual(
      rules.map((r) => r.name.toLowerCase()),
    );
    for (const r of rules)
      expect(formulas(page('10-'))).toEqual(expect.arrayContaining([ruleLatex(r).op]));
  });

  it('works the example 5x² − xy at (2, 3) to the gradient (10x − y, −x)', () => {
    const [x, y] = [2, 3];
    const math = formulas(page('03-'));
    expect(math).toContain(`\\nabla f(${x}, ${y}) = (${10 * x - y}, ${-x})`);
    // w̄₁ from the three reads of x: −y through xy, then 5x through each operand of x·x.
    expect(math).toContain(`\\bar{w}_{1} = (${-y}) + ${5 * x} + ${5 * x} = ${10 * x - y}`);
    expect(printed(page('index'))).toContain(`[ ${10 * x - y}, ${-x} ]`);
    expect(printed(page('index'))).toContain('[ [ 10, -1 ], [ -1, 0 ] ]'); // the Hessian of 5x² − xy
  });

  it('shows the adjoint program of 5x² − xy, which runs and returns the gradient (10x − y, −x)', () => {
    const block = /<code class="language-js">([^<]*)<\/code>/.exec(page('03-'))?.[1] ?? '';
    const source = block
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&#39;', "'")
      .replaceAll('&amp;', '&');
    expect(source.startsWith('(x) => {')).toBe(true);
    const g = new Function(`return ${source};`)() as (x: number[]) => unknown;
    for (const [x, y] of [
      [2, 3],
      [-1, 0.5],
    ] as const) {
      expect(g([x, y])).toEqual({ value: 5 * x * x - x * y, grad: [10 * x - y, -x] });
    }
    expect(page('03-')).toContain('<code>{ value: 14, grad: [17, -2] }</code>');
  });

  it('agrees with the closed form of (e^(sin x²))′ at 0.8, by jvp, by grad and in plain Math', () => {
    const x = 0.8;
    const closed = Math.exp(Math.sin(x * x)) * Math.cos(x * x) * 2 * x;
    const cells = [...page('01-').matchAll(/<td[^>]*>(\d+\.\d{10,})<\/td>/g)].map((m) =>
      Number(m[1]),
    );
    expect(cells).toHaveLength(3);
    for (const v of cells) expect(v).toBeCloseTo(closed, 13);
  });

  it('gives J·v of (xy, sin x + y²) at (1, 2) for v = (2, −1)', () => {
    const Jv = [2 * 2 + 1 * -1, Math.cos(1) * 2 + 2 * 2 * -1];
    const expected = `(${Jv.map((v) => Number(v.toPrecision(12))).join(',\\ ')})`;
    expect(formulas(page('02-')).filter((f) => f === expected)).toHaveLength(3);
  });

  it('counts the work of both Jacobians as the cost model says, with the crossover at m > 2n − 1', () => {
    const n = 8;
    const size = (m: number) => m * (2 * n + 1); // n products, n sums and one tanh per output
    const rows = [
      ...page('05-').matchAll(
        /<td[^>]*>8 × (\d+)<\/td>\s*<td[^>]*>(\d+)<\/td>\s*<td[^>]*>([\d,]+)<\/td>\s*<td[^>]*>(\d+)<\/td>\s*<td[^>]*>([\d,]+)<\/td>/g,
      ),
    ];
    expect(rows.length).toBeGreaterThan(5);
    for (const [, m, passes, forward, sweeps, reverse] of rows) {
      const outputs = Number(m);
      expect([Number(passes), Number(sweeps)]).toEqual([n, outputs]);
      expect(Number(forward?.replaceAll(',', ''))).toBe(2 * n * size(outputs));
      expect(Number(reverse?.replaceAll(',', ''))).toBe((1 + outputs) * size(outputs));
    }
    const first = rows.map((r) => Number(r[1])).find((m) => m > 2 * n - 1);
    expect(formulas(page('05-'))).toContain(`m = ${first}`);
  });

  it('gives the Hessian of x³y + 2xy² at (1, 2) that the hand formula gives', () => {
    const [x, y] = [1, 2];
    const H = [6 * x * y, 3 * x * x + 4 * y, 3 * x * x + 4 * y, 4 * x];
    const matrix = `\\begin{bmatrix} ${H[0]} & ${H[1]} \\\\ ${H[2]} & ${H[3]} \\end{bmatrix}`;
    const hessian = formulas(page('09-')).find((f) => f.includes('\\texttt{hessian(f)}'));
    expect(hessian?.split(matrix)).toHaveLength(3); // the toolkit's and the hand formula's
    expect(printed(page('09-'))).toBe('2\n1\n1\n1\n1'); // untagged duals: 2; tagged, every nesting: 1
  });

  it('runs the pitfall gallery: NaN through ===, 2 from untagged duals, a wrong blind replay', () => {
    const out = printed(page('12-'));
    expect(out).toContain('inside grad: x === 0 is false and Boolean(x) is true');
    expect(out).toContain('strict NaN with eq 0\nwith toNumber 0');
    expect(out).toContain('2\n1\n1\n1\n1'); // untagged duals: 2; tagged, every nesting: 1
    expect(out).toContain(
      'refused: the comparison gt (w1 = -5 &gt; 0) was true when f was recorded',
    );
    expect(out).toContain('blind replay at -5: [ -10 ]\ngrad(f)([-5]): [ -3 ]'); // x² at −5; −3x
    expect(out).toMatch(/TypeError: wengert: a traced value .* plain JavaScript arithmetic/);
    // x·sin x at 1: += gives sin 1 + cos 1, = keeps the last contribution, cos 1
    const text = prose(page('12-')).replace(/\s+/g, ' ');
    const six = (v: number) => String(Number(v.toPrecision(6)));
    expect(text).toContain(`as wengert does ${six(Math.sin(1) + Math.cos(1))}`);
    expect(text).toContain(`the last contribution only ${six(Math.cos(1))}`);
  });

  it('trains the two-moons net of chapter 6 and checks its gradient three ways', () => {
    const text = prose(page('06-')).replace(/\s+/g, ' ');
    // four parameters and six primitive applications: matmul, add, tanh, matmul, add, mseLoss
    expect(text).toContain(`${4 + 6} tape entries`);
    expect(text).toMatch(/rises from \d+% to 100%/);
    const rows = [
      ...page('06-').matchAll(/<td[^>]*>(W1|b1|W2|b2)<\/td>\s*<td[^>]*>(\d+×\d+)<\/td>/g),
    ];
    expect(rows.map((r) => `${r[1]} ${r[2]}`)).toEqual(['W1 16×2', 'b1 16×1', 'W2 1×16', 'b2 1×1']);
  });

  it('counts chapter 7’s tape bytes by its layout, and its checkpointed runs as segments, the sum, and every layer twice more', () => {
    const cells = (label: string) => {
      const row = new RegExp(`<tr>\\s*<td[^>]*>${label}</td>((?:\\s*<td[^>]*>[^<]*</td>)+)`).exec(
        page('07-'),
      );
      return [...(row?.[1] ?? '').matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) =>
        (m[1] as string).trim(),
      );
    };
    const layers = 64;
    // x·x·…·x with n products: n + 1 entries of 25 bytes (two operands) and 8 for each
    // adjoint in use; capacity reserves blocks of 1,024 entries, adjoints to size
    for (const n of [1, 1023, 1024, 3000]) {
      const entries = n + 1;
      const [inUse, capacity] = tapeBytes(entries);
      const row = cells(String(n)).map((c) => Number(c.replaceAll(',', '')));
      expect(row, `${n} products`).toEqual([entries, inUse, capacity]);
    }
    // tape in use, tape capacity, then primal and adjoint applications, sweeps, difference
    expect(cells('no checkpoint').slice(2, 5)).toEqual(['129', '129', '1']);
    for (const k of [2, 4, 8, 16]) {
      const [, , primal, adjoint, sweeps, difference] = cells(`${k} layers`);
      expect(Number(primal), `segments of ${k}`).toBe(layers / k + 1 + 4 * layers);
      expect(Number(adjoint), `segments of ${k}`).toBe(layers / k + 1 + 2 * layers);
      expect(Number(sweeps), `segments of ${k}`).toBe(1 + layers / k);
      expect(difference, `segments of ${k}`).toBe('0');
    }
  });

  it('uses every generator on some page', () => {
    const used = new Set(
      site.pages.flatMap((b) => placeholders(b.page.markdown).map((p) => p.name)),
    );
    expect(Object.keys(generators).filter((name) => !used.has(name))).toEqual([]);
  });
});

describe('the build fails loudly', () => {
  const context: Context = { pages: [], benchFolder: '', figure: (name) => name };

  it('on a placeholder without a generator, naming the page and line', async () => {
    const markdown = '# T\n\ntext\n<!-- generate: no-such-thing -->\n';
    const fake = { source: 'x.md', file: 'x.html', title: 'T', chapter: undefined, markdown };
    await expect(expand(fake, generators, context)).rejects.toThrow(
      "docs/x.md:4: no generator named 'no-such-thing'",
    );
  });

  it('on LaTeX that KaTeX cannot render, naming the page and the formula', async () => {
    const docs = temporary('bad-docs');
    writeFileSync(join(docs, 'index.md'), '# Home\n\nA broken fraction: $\\frac{1}$.\n');
    await expect(buildSite({ docs, out: temporary('bad-site') })).rejects.toThrow(
      /docs\/index\.md: KaTeX could not render:\n {2}\\frac\{1\}/,
    );
  });
});

describe('the performance page', () => {
  const figures = new Map<string, string>();
  const context = (benchFolder: string): Context => ({
    pages: [],
    benchFolder,
    figure(name, content) {
      figures.set(name, content);
      return `figures/${name}`;
    },
  });
  const findings = performance['bench-findings'] as (c: Context) => string;
  const results = performance['bench-results'] as (c: Context) => string;

  /** A bench folder holding this results.md and a figure beside it. */
  const benchWith = (markdown: string) => {
    const bench = temporary('bench');
    mkdirSync(join(bench, 'plots'));
    writeFileSync(
      join(bench, 'plots', 'speed.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
    );
    writeFileSync(join(bench, 'results.md'), markdown);
    return bench;
  };

  it('says how to produce the results when there are none, once', () => {
    const empty = context(temporary('no-bench'));
    expect(findings(empty)).toContain('npm run bench');
    expect(results(empty)).toBe('');
  });

  it('shows the findings and the measurements, with their figures, and leaves out the goals', () => {
    const bench = benchWith(
      [
        '# Results',
        '<!-- part: findings -->',
        '## In short',
        'Fast enough.',
        '<!-- part: measurements -->',
        '## Tables',
        '![speed](plots/speed.svg)',
        'See [the runner](run.ts) and [JAX](https://jax.dev).',
        '<!-- part: goals -->',
        '## Goals',
        '| goal | status |',
      ].join('\n'),
    );
    const shown = findings(context(bench));
    expect(shown.trim()).toBe('## In short\nFast enough.');
    const measured = results(context(bench));
    expect(measured).toContain('## Tables');
    expect(measured).toContain('![speed](figures/bench-speed.svg)');
    expect(figures.get('bench-speed.svg')).toContain('<svg');
    expect(measured).toContain('See the runner and [JAX](https://jax.dev).');
    expect(`${shown}${measured}`).not.toMatch(/Results|Goals|goal \| status/);
  });

  it('fails, naming the part, on a report written before the report had parts', () => {
    const bench = benchWith('# Benchmark results\n\n## Targets\n');
    expect(() => findings(context(bench))).toThrow(/no part 'findings'.*--render/);
  });

  it('as built, names no goal, status or issue: those are in bench/results.md only', () => {
    const text = page('performance').replace(/<[^>]+>/g, ' ');
    expect(text).toContain('In short');
    expect(text).toContain('How to read the numbers');
    expect(text).not.toMatch(/\bissue \d|not met|\btargets?\b|Performance goals/i);
  });
});
