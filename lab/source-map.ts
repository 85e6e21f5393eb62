/** @file Which lines of a generated program (adjointSource, tangentSource) belong to which Wengert-list entry. */

import type { Mode } from './hash.ts';

/** What a line does for its entry. */
export type Role = 'primal' | 'tangent' | 'adjoint' | 'seed';

/** One line of the program, and the entry (0-based) it computes something of, if any. */
export interface SourceLine {
  readonly text: string;
  readonly entry?: number;
  readonly role?: Role;
}

/**
 * The lines the generators write, by their shape: `const w3 = ...` (the
 * value of entry 3), `const w3_dot = ...` (its tangent), `let w6_bar = 1;`
 * (the seed) and a reverse-sweep line ending in a comment `// w3 = ...`
 * (entry 3 sending its adjoint back). Both generators number values as
 * trace numbers entries, w1 for entry 0.
 */
const SHAPES: readonly [Role, RegExp][] = [
  ['tangent', /^\s*const w(\d+)_dot = /],
  ['primal', /^\s*const w(\d+) = /],
  ['seed', /^\s*let w(\d+)_bar = [^,]*;/],
  ['adjoint', /^\s*(?:if \()?w\d+_bar\b.*\/\/ w(\d+) = /],
];

/** The program's lines, each with its entry and role where it has one. */
export function sourceLines(source: string): SourceLine[] {
  return source.split('\n').map((text) => {
    for (const [role, shape] of SHAPES) {
      const match = shape.exec(text);
      if (match !== null) return { text, entry: Number(match[1]) - 1, role };
    }
    return { text };
  });
}

/**
 * The lines to highlight at a step: forward, the value and tangent of the
 * current entry (before the first step, of the inputs, whose tangents are
 * seeded); reverse, the line where the current entry sends its adjoint
 * back (before the first step, the seed).
 */
export function highlighted(
  lines: readonly SourceLine[],
  mode: Mode,
  current: number | undefined,
  inputs: readonly number[],
): number[] {
  const wanted = (line: SourceLine): boolean => {
    if (mode === 'forward') {
      const entries = current === undefined ? inputs : [current];
      return (
        (line.role === 'primal' || line.role === 'tangent') && entries.includes(line.entry ?? -1)
      );
    }
    return current === undefined
      ? line.role === 'seed'
      : line.role === 'adjoint' && line.entry === current;
  };
  return lines.flatMap((line, i) => (wanted(line) ? [i] : []));
}
