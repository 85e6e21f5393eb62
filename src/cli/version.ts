/** @file The version of wengert, read from its package.json (two folders up from src/cli/ and dist/cli/ alike). */

import { readFileSync } from 'node:fs';

/** The `version` field of wengert's package.json. */
export function version(): string {
  const file = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
