/** @file The examples of the doc comments, run while the docs are built: one that throws fails the build, and what one prints is shown under it. */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { indexFile, type PublicExport } from './api-reference-exports.ts';

/** One example: the export whose doc comment holds it, and its TypeScript. */
export interface Example {
  readonly owner: string;
  readonly code: string;
}

/** What running one example gave: what it printed, or the error it threw. */
export type ExampleRun = { readonly printed: string } | { readonly error: string };

const root = fileURLToPath(new URL('../..', import.meta.url));
const runner = fileURLToPath(new URL('api-reference-run.ts', import.meta.url));

/**
 * The example as a module of its own. A doc comment's example uses the
 * toolkit's names without importing them (as the README's do not repeat
 * theirs), so the module imports each exported name it mentions and does
 * not declare itself; an example that does import from 'wengert' gets the
 * sources instead of the package.
 */
export function exampleModule(code: string, exports: readonly PublicExport[]): string {
  const index = pathToFileURL(indexFile).href;
  if (/from\s+'wengert'/.test(code)) return code.replaceAll(/from\s+'wengert'/g, `from '${index}'`);
  const words = new Set(code.match(/[A-Za-z_$][\w$]*/g));
  const declared = new Set(
    [...code.matchAll(/\b(?:const|let|var|function|class|type)\s+([A-Za-z_$][\w$]*)/g)].map(
      (m) => m[1],
    ),
  );
  const names = exports
    .filter((e) => words.has(e.name) && !declared.has(e.name))
    .map((e) => (e.typeOnly ? `type ${e.name}` : e.name));
  return names.length === 0 ? code : `import { ${names.join(', ')} } from '${index}';\n${code}`;
}

/**
 * Runs every example in one fresh process (about a second for all of them)
 * and returns what each printed, in order. Throws if any example threw,
 * naming each with its owner and its error.
 */
export function runExamples(
  examples: readonly Example[],
  exports: readonly PublicExport[],
): string[] {
  const folder = mkdtempSync(join(tmpdir(), 'wengert-examples-'));
  try {
    const modules = examples.map((example, i) => {
      const file = join(folder, `example-${i}.mts`);
      writeFileSync(file, exampleModule(example.code, exports));
      return file;
    });
    const list = join(folder, 'modules.json');
    const out = join(folder, 'runs.json');
    writeFileSync(list, JSON.stringify(modules));
    execFileSync(process.execPath, ['--import', 'tsx', runner, list, out], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const runs = JSON.parse(readFileSync(out, 'utf8')) as ExampleRun[];
    const broken = runs.flatMap((run, i) =>
      'error' in run ? [`  the example of ${examples[i]?.owner}: ${run.error}`] : [],
    );
    if (broken.length > 0)
      throw new Error(`docs: examples in doc comments failed:\n${broken.join('\n')}`);
    return runs.map((run) => ('printed' in run ? run.printed : ''));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
