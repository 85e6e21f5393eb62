/**
 * @file Runs the examples of the doc comments, one module each, in a process of their own, and writes what each printed or threw.
 *
 * `api-reference-examples.ts` starts it as `node --import tsx api-reference-run.ts LIST OUT`:
 * LIST is a JSON array of module paths, OUT the file it writes the results to (a
 * JSON array in the same order). A process of its own, because an example may
 * register a primitive, and a name is taken for the life of the program.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { ExampleRun } from './api-reference-examples.ts';
import { printed } from './examples.ts';

const [list, out] = process.argv.slice(2) as [string, string];
const runs: ExampleRun[] = [];
for (const module of JSON.parse(readFileSync(list, 'utf8')) as string[]) {
  try {
    runs.push({ printed: await printed(() => import(pathToFileURL(module).href)) });
  } catch (error) {
    runs.push({
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
  }
}
writeFileSync(out, JSON.stringify(runs));
