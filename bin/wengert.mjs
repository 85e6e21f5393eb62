#!/usr/bin/env node
// The `wengert` command: runs the TypeScript sources through tsx, no build step.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/main.ts');
const { output, code } = await run(process.argv.slice(2));
(code === 0 ? process.stdout : process.stderr).write(`${output}\n`);
process.exitCode = code;
