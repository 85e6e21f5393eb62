#!/usr/bin/env node
// The `wengert` command. Installed from npm it runs the compiled CLI in dist/ on plain node.
// In a clone of the repository, where src/ sits beside bin/, it runs the TypeScript sources
// through tsx (a devDependency), so what runs is what was just edited, with no build step.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);
let run;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ run } = await import(source.href));
} else {
  ({ run } = await import('../dist/cli/main.js'));
}
const { output, code } = await run(process.argv.slice(2));
(code === 0 ? process.stdout : process.stderr).write(`${output}\n`);
process.exitCode = code;
