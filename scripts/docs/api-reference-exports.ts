/** @file What `src/index.ts` exports, read from its text: every name in order, whether it is a type, and the layer it comes from. */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One public name. */
export interface PublicExport {
  readonly name: string;
  /** Exported with `type`: it exists only in the declarations, not in the module at run time. */
  readonly typeOnly: boolean;
  /** The folder of src/ it comes from: `core`, `primitives`, ..., `expr`. */
  readonly layer: string;
}

/** A layer of src/ as the index presents it: its folder and the comment that introduces it. */
export interface Layer {
  readonly folder: string;
  readonly summary: string;
}

export const indexFile = fileURLToPath(new URL('../../src/index.ts', import.meta.url));

// `export { a, type B } from './core/x.ts';` and `export type { C } from ...`, over several lines.
const EXPORT = /^export\s+(type\s+)?\{([^}]*)\}\s+from\s+'\.\/([\w-]+)\/[^']+';/gm;
// `// core/: values, traces, ...` opens the group of one layer.
const LAYER = /^\/\/ ([\w-]+)\/: (.+)$/gm;

/** Every export of the index, in the order it lists them (so grouped by layer, bottom up). */
export function publicExports(source = readFileSync(indexFile, 'utf8')): PublicExport[] {
  return [...source.matchAll(EXPORT)].flatMap((m) => {
    const wholeClauseIsType = m[1] !== undefined;
    const layer = m[3] as string;
    return (m[2] as string)
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '')
      .map((item) => {
        const typeOnly = wholeClauseIsType || item.startsWith('type ');
        return { name: item.replace(/^type\s+/, ''), typeOnly, layer };
      });
  });
}

/** The layers in the order the index introduces them, each with its comment. */
export function layers(source = readFileSync(indexFile, 'utf8')): Layer[] {
  return [...source.matchAll(LAYER)].map((m) => ({
    folder: m[1] as string,
    summary: m[2] as string,
  }));
}
