/**
 * @file Every ```ts block of README.md, as written: type-checked under this repository's strict
 * tsconfig and under the tsconfig `tsc --init` gives a new project, then run. A line written
 * `expr;  // → value` must compute that value (to 6 significant digits), so the numbers in the
 * README cannot rot.
 *
 * 'wengert' resolves to this repository without a build: for the repository's settings and for
 * running, a tsconfig `paths` entry points it at src/index.ts (tsx follows `paths` too); for the
 * consumer's settings, at declarations emitted from src/ the way `npm run build` emits them
 * (a consumer's tsconfig cannot read the `.ts` sources, which import with `.ts` extensions).
 */

import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitDeclarations } from '../scripts/build.ts';
import { type Block, tsBlocks, withChecks } from '../scripts/readme-blocks.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const TSC = join(root, 'node_modules/typescript/bin/tsc');
/** tsx's loader by its own address, since the blocks run from a folder outside this repository. */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

const blocks = tsBlocks(readme);
let dir = '';

/** A folder holding each block as its own ES module, and a tsconfig. */
function project(
  name: string,
  tsconfig: object | undefined,
  files: (b: Block, i: number) => string,
): string {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'package.json'), '{ "type": "module" }\n');
  if (tsconfig !== undefined) {
    writeFileSync(join(folder, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  }
  blocks.forEach((b, i) => {
    writeFileSync(join(folder, `block-${i + 1}.ts`), files(b, i));
  });
  return folder;
}

/** tsc in a folder; its diagnostics, each with the README line it comes from. */
function typecheck(folder: string): string {
  const run = spawnSync(process.execPath, [TSC, '-p', folder, '--noEmit', '--pretty', 'false'], {
    encoding: 'utf8',
  });
  return `${run.stdout}${run.stderr}`.replace(/block-(\d+)\.ts\((\d+),(\d+)\)/g, (_, b, l, c) => {
    const block = blocks[Number(b) - 1] as Block;
    return `README.md:${block.line + Number(l) - 1}:${c}`;
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wengert-readme-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('README.md', () => {
  it('shows how to install and import the package, and the two commands', () => {
    expect(readme).toContain('npm install wengert');
    expect(readme).toContain("import { grad, mul, sin, type Num } from 'wengert';");
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm test ');
    expect(blocks.length).toBeGreaterThanOrEqual(5);
  });

  it.each(blocks.map((b) => [b.line, b]))(
    'the block at line %i imports from wengert, with no casts',
    (_, block) => {
      const { code } = block as Block;
      expect(code).toMatch(/from 'wengert';/);
      expect(code).not.toContain('src/index.ts');
      expect(code).not.toMatch(/\bas (Num|Mat|never|unknown|any)\b/);
    },
  );

  it("type-checks under this repository's strict tsconfig", () => {
    const folder = project(
      'repository',
      {
        extends: join(root, 'tsconfig.json'),
        compilerOptions: {
          paths: { wengert: [join(root, 'src/index.ts')] },
          typeRoots: [join(root, 'node_modules/@types')],
        },
        include: ['*.ts'],
      },
      (b) => b.code,
    );
    expect(typecheck(folder)).toBe('');
  });

  it("type-checks under a new project's default tsconfig (tsc --init), against the declarations", () => {
    const folder = project('consumer', undefined, (b) => b.code);
    const init = spawnSync(process.execPath, [TSC, '--init'], { cwd: folder, encoding: 'utf8' });
    expect(init.status).toBe(0);
    const types = join(dir, 'declarations');
    emitDeclarations(types);
    const tsconfig = readFileSync(join(folder, 'tsconfig.json'), 'utf8');
    // tsc --init writes JSON with comments; the one addition is where 'wengert' is.
    writeFileSync(
      join(folder, 'tsconfig.json'),
      tsconfig.replace(
        '"compilerOptions": {',
        `"compilerOptions": {\n    "paths": { "wengert": [${JSON.stringify(join(types, 'index.d.ts'))}] },`,
      ),
    );
    expect(tsconfig).toMatch(/"strict": true/);
    expect(typecheck(folder)).toBe('');
  }, 60_000);

  it('runs, and every `// → value` comes out as written', async () => {
    const folder = project(
      'run',
      {
        extends: join(root, 'tsconfig.json'),
        compilerOptions: { paths: { wengert: [join(root, 'src/index.ts')] } },
      },
      withChecks,
    );
    const checks = blocks.reduce((n, b) => n + (b.code.match(/\/\/ → /g) ?? []).length, 0);
    expect(checks).toBeGreaterThanOrEqual(8);
    const results = await Promise.all(
      blocks.map(
        (b, i) =>
          new Promise<{ line: number; code: number; stderr: string }>((resolve) => {
            execFile(
              process.execPath,
              ['--import', TSX, `block-${i + 1}.ts`],
              {
                cwd: folder,
                env: { ...process.env, TSX_TSCONFIG_PATH: join(folder, 'tsconfig.json') },
              },
              (error, _stdout, stderr) => {
                resolve({ line: b.line, code: error === null ? 0 : Number(error.code), stderr });
              },
            );
          }),
      ),
    );
    expect(results.filter((r) => r.code !== 0 || r.stderr !== '')).toEqual([]);
  }, 60_000);

  it('a wrong value in a `// → value` comment fails the run', () => {
    const folder = join(dir, 'wrong');
    mkdirSync(folder);
    writeFileSync(join(folder, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(
      join(folder, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { paths: { wengert: [join(root, 'src/index.ts')] } } }),
    );
    const code =
      "import { grad, mul, type Num } from 'wengert';\ngrad(([x, y]: [Num, Num]) => mul(x, y))([2, 3]);   // → [3, 3]";
    writeFileSync(join(folder, 'wrong.ts'), withChecks({ line: 100, code }));
    const run = spawnSync(process.execPath, ['--import', TSX, 'wrong.ts'], {
      cwd: folder,
      encoding: 'utf8',
      env: { ...process.env, TSX_TSCONFIG_PATH: join(folder, 'tsconfig.json') },
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('README.md:101: expected [3,3], got [3,2]');
  });
});
