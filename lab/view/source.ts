/** @file The program the sweep runs, written out by the engine (tangentSource forward, adjointSource reverse), with the current step's lines highlighted. */

import { adjointSource, type Num, type ParsedFunction, tangentSource } from '../../src/index.ts';
import type { Frame } from '../frame.ts';
import type { Mode } from '../hash.ts';
import { highlighted, sourceLines } from '../source-map.ts';
import { make, reveal } from './dom.ts';

export interface SourceView {
  show(frame: Frame): void;
}

/** The generated program for `mode`, or why there is none (adjointSource takes one output). */
function generate(f: ParsedFunction<Num | Num[]>, x: readonly number[], mode: Mode): string {
  const options = { names: f.variables };
  if (mode === 'forward') return tangentSource(f, [...x], options);
  if (f.expressions.length > 1) {
    return `// adjointSource writes the gradient program of one output; this function has ${f.expressions.length}.\n// The table and the graph show the reverse sweep seeded with the seed above.`;
  }
  return adjointSource(f, [...x], options);
}

/**
 * Writes the program into `pre`, one span per line, and on each frame
 * marks the lines of the current entry (▶ in the margin and bold, not
 * only a colour).
 */
export function sourceView(
  pre: HTMLElement,
  title: HTMLElement,
  f: ParsedFunction<Num | Num[]>,
  x: readonly number[],
  mode: Mode,
  inputs: readonly number[],
): SourceView {
  title.textContent = mode === 'forward' ? 'Program (tangentSource)' : 'Program (adjointSource)';
  let text: string;
  try {
    text = generate(f, x, mode);
  } catch (error) {
    text = `// ${error instanceof Error ? error.message : String(error)}`;
  }
  const lines = sourceLines(text);
  const spans = lines.map((line) => make('span', 'line', `${line.text}\n`));
  pre.replaceChildren(...spans);
  let marked: HTMLElement[] = [];
  return {
    show(frame) {
      for (const span of marked) span.classList.remove('current');
      marked = highlighted(lines, mode, frame.position.current, inputs).flatMap(
        (i) => spans[i] ?? [],
      );
      for (const span of marked) span.classList.add('current');
      const first = marked[0];
      if (first !== undefined && pre.parentElement !== null)
        reveal(pre.parentElement, first, false);
    },
  };
}
