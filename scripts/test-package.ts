/**
 * @file `npm run test:package`: wengert used the way a user gets it, from the packed tarball.
 *
 * 1. `npm pack` (which builds dist/ through `prepack`) and read what the
 *    tarball holds: dist/, bin/, README, LICENSE, package.json, and no
 *    tests, bench, docs, notebooks, scripts or TypeScript sources.
 * 2. An empty project installs the tarball (`--prefer-offline`: npm's cache
 *    holds the one dependency after `npm ci`, so no network is needed).
 * 3. Plain `node`: `import` and `require()` compute a gradient, and
 *    importing does not load Graphviz (it runs with @viz-js/viz removed).
 * 4. TypeScript, with the tsconfig `tsc --init` writes (strict, NodeNext):
 *    code using grad, jvp, hessian, Num and Mat, and every ```ts block of
 *    README.md, compile with zero errors (also with skipLibCheck off), and
 *    the emitted JavaScript runs on plain node.
 * 5. The CLI through `npx wengert`: --version, grad, explain --svg, and the
 *    mistakes people make, each one line with exit code 2.
 * 6. A bundler (esbuild, code splitting on) bundles `import { grad }` with
 *    Graphviz in a separate lazy chunk; the classic browser script runs in a
 *    context without Node.
 *
 * TypeScript and esbuild come from this repository's node_modules, so the
 * project under test installs nothing but wengert. Run after `npm ci`;
 * `.ci/run` runs it after `npm test`. Prints the tarball's size and file count.
 */

import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { tsBlocks } from './readme-blocks.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const TSC = join(root, 'node_modules/typescript/bin/tsc');
const work = mkdtempSync(join(tmpdir(), 'wengert-package-'));
const app = join(work, 'app');
const version = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
).version;

let failures = 0;

/** One check: prints ✓ or ✗ with the reason, and goes on to the next. */
async function check(title: string, body: () => void | Promise<void>): Promise<void> {
  const start = performance.now();
  try {
    await body();
    console.log(`✓ ${title} (${((performance.now() - start) / 1000).toFixed(1)} s)`);
  } catch (error) {
    failures++;
    console.log(`✗ ${title}\n  ${String((error as Error).message).replaceAll('\n', '\n  ')}`);
  }
}

function expect(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: readonly string[], cwd = app): Run {
  const { status, stdout, stderr } = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return { status, stdout, stderr };
}

/** Exit code 0 and nothing on stderr, or an error showing both streams. */
function ok(r: Run, what: string): string {
  expect(r.status === 0 && r.stderr === '', `${what}: exit ${r.status}\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

const node = (...args: string[]) => run(process.execPath, args);
const npx = (...args: string[]) => run('npx', ['wengert', ...args]);

interface Packed {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string }[];
}
let packed: Packed | undefined;

await check('npm pack builds dist/ and packs only what a user needs', () => {
  const r = run('npm', ['pack', '--json', '--pack-destination', work], root);
  expect(r.status === 0, `npm pack failed:\n${r.stdout}${r.stderr}`);
  // prepack's build prints its sizes before npm's JSON.
  const json = r.stdout.slice(r.stdout.search(/^\[/m));
  packed = (JSON.parse(json) as Packed[])[0];
  const paths = packed?.files.map((f) => f.path) ?? [];
  const allowed = /^(dist\/|bin\/wengert\.mjs$|README\.md$|LICENSE$|package\.json$)/;
  const stray = paths.filter((p) => !allowed.test(p) || p.endsWith('.ts') !== p.endsWith('.d.ts'));
  expect(stray.length === 0, `files that do not belong: ${stray.join(', ')}`);
  for (const needed of [
    'dist/index.js',
    'dist/index.d.ts',
    'dist/index.js.map',
    'dist/cli/main.js',
    'dist/wengert.browser.js',
    'dist/wengert.browser.mjs',
    'bin/wengert.mjs',
    'LICENSE',
    'README.md',
  ]) {
    expect(paths.includes(needed), `${needed} is missing from the tarball`);
  }
  for (const word of ['test', 'bench', 'docs', 'notebooks', 'scripts']) {
    const found = paths.filter((p) => p.split('/').some((part) => part === word));
    expect(found.length === 0, `${word} in the tarball: ${found.join(', ')}`);
  }
});

await check('an empty project installs the tarball, with only its run-time dependency', () => {
  mkdirSync(app);
  writeFileSync(
    join(app, 'package.json'),
    `${JSON.stringify({ name: 'app', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`,
  );
  const r = run('npm', [
    'install',
    join(work, packed?.filename ?? 'wengert.tgz'),
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
  ]);
  expect(r.status === 0, `npm install failed:\n${r.stdout}${r.stderr}`);
  const modules = readdirSync(join(app, 'node_modules')).filter((n) => !n.startsWith('.'));
  expect(
    JSON.stringify(modules) === JSON.stringify(['@viz-js', 'wengert']),
    `node_modules holds ${modules.join(', ')}; expected @viz-js and wengert only`,
  );
});

const gradient = `const f = ([x, y]) => w.sub(w.mul(5, w.mul(x, x)), w.mul(x, y));
console.log(JSON.stringify(w.grad(f)([2, 3])));`;

await check('plain node: import computes a gradient', () => {
  writeFileSync(join(app, 'esm.mjs'), `import * as w from 'wengert';\n${gradient}\n`);
  const out = ok(node('esm.mjs'), 'node esm.mjs');
  expect(out.trim() === '[17,-2]', `got ${out}`);
});

await check("plain node: require('wengert') computes a gradient", () => {
  writeFileSync(join(app, 'cjs.cjs'), `const w = require('wengert');\n${gradient}\n`);
  const r = node('cjs.cjs');
  expect(r.status === 0 && r.stdout.trim() === '[17,-2]', `node cjs.cjs:\n${r.stdout}${r.stderr}`);
  // Node 20 may warn that require() of an ES module is experimental; nothing else may appear.
  const other = r.stderr
    .split('\n')
    .filter((l) => l.trim() && !/ExperimentalWarning|--trace-warnings/.test(l));
  expect(other.length === 0, `stderr: ${r.stderr}`);
});

await check('importing wengert does not load Graphviz (it works with @viz-js/viz gone)', () => {
  const viz = join(app, 'node_modules/@viz-js');
  renameSync(viz, `${viz}-away`);
  try {
    expect(ok(node('esm.mjs'), 'node esm.mjs').trim() === '[17,-2]', 'wrong gradient');
  } finally {
    renameSync(`${viz}-away`, viz);
  }
});

await check(
  'TypeScript, strict NodeNext (tsc --init): grad, jvp, hessian, Num, Mat and the README compile and run',
  () => {
    ok(run(process.execPath, [TSC, '--init']), 'tsc --init');
    const tsconfig = readFileSync(join(app, 'tsconfig.json'), 'utf8');
    expect(/"strict": true/.test(tsconfig) && /"module": "nodenext"/.test(tsconfig), tsconfig);
    writeFileSync(
      join(app, 'usage.ts'),
      `import { grad, hessian, jvp, matrix, mul, sub, sum, type Mat, type Num } from 'wengert';

const f = ([x, y]: [Num, Num]) => sub(mul(5, mul(x, x)), mul(x, y));
const g: [number, number] = grad(f)([2, 3]);
const h: number[][] = hessian(f)([2, 3]);
const { primal, tangent }: { primal: number; tangent: number } = jvp(f, [2, 3], [1, 0]);
const w: Mat = matrix([[1, 2]]);
const dw = grad((m: Mat) => sum(mul(m, m)))(matrix([[1, 2]]));
console.log(JSON.stringify({ g, h, primal, tangent, dw: dw.toArray(), w: String(w) }));
`,
    );
    const blocks = tsBlocks(readFileSync(join(root, 'README.md'), 'utf8'));
    blocks.forEach((b, i) => {
      writeFileSync(join(app, `readme-${i + 1}.ts`), b.code);
    });
    ok(run(process.execPath, [TSC, '-p', '.', '--pretty', 'false']), 'tsc -p .');
    ok(
      run(process.execPath, [
        TSC,
        '-p',
        '.',
        '--noEmit',
        '--skipLibCheck',
        'false',
        '--pretty',
        'false',
      ]),
      'tsc -p . --skipLibCheck false',
    );
    const out = JSON.parse(ok(node('usage.js'), 'node usage.js'));
    const want = {
      g: [17, -2],
      h: [
        [10, -1],
        [-1, 0],
      ],
      primal: 14,
      tangent: 17,
      dw: [[2, 4]],
      w: '[[1, 2]]',
    };
    expect(JSON.stringify(out) === JSON.stringify(want), `usage.js printed ${JSON.stringify(out)}`);
    blocks.forEach((b, i) => {
      ok(node(`readme-${i + 1}.js`), `README block at line ${b.line}`);
    });
  },
);

await check('npx wengert: --version, grad, explain --svg', () => {
  expect(ok(npx('--version'), 'wengert --version').trim() === version, 'wrong version');
  const grad = ok(npx('grad', '5*x^2 - x*y', '--at', 'x=2,y=3'), 'wengert grad');
  expect(grad === 'f = 14\n∂f/∂x = 17\n∂f/∂y = -2\n', `wengert grad printed:\n${grad}`);
  expect(ok(npx('grad', '-x^2', '--at', 'x=3'), 'grad "-x^2"').includes('∂f/∂x = -6'), '-x^2');
  const json = JSON.parse(ok(npx('grad', 'x*y', '--at', '2,3', '--format', 'json'), 'json'));
  expect(JSON.stringify(json.gradient) === '[3,2]', `json: ${JSON.stringify(json)}`);
  ok(npx('explain', 'sin(x)*y', '--at', '1,2', '--svg', 'graph.svg'), 'explain --svg');
  expect(readFileSync(join(app, 'graph.svg'), 'utf8').includes('<svg'), 'graph.svg is not SVG');
});

await check('npx wengert: mistakes are one line on stderr with exit code 2', () => {
  const mistakes = [
    ['grad', 'x', '--at', 'x=1e400'],
    ['grad', 'x', '--at', 'x=Infinity'],
    ['grad', 'x*y; x', '--at', '1,2'],
    ['grad', 'x', '--at', 'x=1', '--mode', 'forward'],
    ['explain', 'x', '--at', '1', '--svg', 'missing/graph.svg'],
    ['explain', '\n', '--at', '1'],
    ['frob'],
  ];
  for (const argv of mistakes) {
    const r = npx(...argv);
    const lines = r.stderr.trim().split('\n');
    expect(
      r.status === 2 &&
        r.stdout === '' &&
        lines.length === 1 &&
        lines[0]?.startsWith('wengert: ') === true,
      `wengert ${JSON.stringify(argv)}: exit ${r.status}\n${r.stdout}${r.stderr}`,
    );
  }
});

await check(
  'a bundler: esbuild bundles import { grad } with Graphviz split into a lazy chunk',
  async () => {
    writeFileSync(
      join(app, 'entry.mjs'),
      `import { grad, mul, sin } from 'wengert';\nconsole.log(JSON.stringify(grad(([x, y]) => mul(sin(x), y))([0, 2])));\n`,
    );
    const out = join(app, 'bundle');
    await build({
      entryPoints: [join(app, 'entry.mjs')],
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      minify: true,
      outdir: out,
      absWorkingDir: app,
      logLevel: 'error',
    });
    const entry = statSync(join(out, 'entry.js')).size;
    const chunks = readdirSync(out).filter((f) => f !== 'entry.js');
    expect(entry < 100 * 1024, `the entry chunk is ${entry} bytes`);
    expect(
      chunks.some((c) => statSync(join(out, c)).size > 500 * 1024),
      'no separate Graphviz chunk',
    );
    writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
    expect(ok(node(join(out, 'entry.js')), 'the bundle').trim() === '[2,0]', 'wrong gradient');
  },
);

await check('the classic browser script from the package runs without Node', () => {
  const file = join(app, 'node_modules/wengert/dist/wengert.browser.js');
  const context = createContext({});
  runInContext(readFileSync(file, 'utf8'), context);
  const result = runInContext(
    'JSON.stringify(wengert.grad(([x, y]) => wengert.mul(x, y))([2, 3]))',
    context,
  );
  expect(result === '[3,2]', `got ${result}`);
});

if (packed !== undefined) {
  const kB = (n: number) => `${(n / 1024).toFixed(0)} kB`;
  const browser = readFileSync(join(root, 'dist/wengert.browser.js'));
  console.log(
    `\n${packed.filename}: ${packed.entryCount} files, ${kB(packed.size)} packed, ` +
      `${kB(packed.unpackedSize)} unpacked; dist/wengert.browser.js ${kB(browser.length)} minified, ` +
      `${(gzipSync(browser, { level: 9 }).length / 1024).toFixed(1)} kB min+gzip`,
  );
}
if (failures > 0) {
  console.log(
    `\n${failures} check${failures === 1 ? '' : 's'} failed; the project is kept in ${app}`,
  );
  process.exitCode = 1;
} else if (existsSync(work)) {
  rmSync(work, { recursive: true, force: true });
}
