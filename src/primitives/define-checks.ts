/** @file What definePrimitive checks before it registers anything: the name, the arity, the partials, the domain, the notation. */

import { describe } from '../core/value.ts';
import type { BinaryDefinition, UnaryDefinition } from './define.ts';
import { isPrimitiveName } from './lookup.ts';
import { PRIMITIVE_NAMES } from './names.ts';
import { operandsOf } from './notation.ts';

/** A definition that passed every check, tagged with its arity. */
export type CheckedDefinition =
  | (UnaryDefinition & { readonly arity: 1 })
  | (BinaryDefinition & { readonly arity: 2 });

/** Names that mean something else where primitives are listed ('input' marks a Wengert list's inputs). */
const RESERVED = new Set(['input']);

/**
 * The definition, checked: every problem is one error naming the field and
 * what was given, thrown before anything is registered (so a failed call
 * takes no name and no op code).
 */
export function checkedSpec(definition: UnaryDefinition | BinaryDefinition): CheckedDefinition {
  if (typeof definition !== 'object' || definition === null) {
    throw new TypeError(
      'wengert: definePrimitive takes a record { name, primal, partial (one input) or partials ' +
        `(two), domain?, notation?, source? }; got ${describe(definition)}`,
    );
  }
  const d = definition as Partial<UnaryDefinition & BinaryDefinition>;
  const name = checkName(d.name);
  const fail = (what: string) => new TypeError(`wengert: definePrimitive: ${name}: ${what}`);
  if (typeof d.primal !== 'function')
    throw fail(`primal must be a function; got ${describe(d.primal)}`);
  const arity = arityOf(d, fail);
  if (d.primal.length !== arity) {
    throw fail(
      d.primal.length > 2
        ? `primal takes ${d.primal.length} inputs; definePrimitive makes primitives of one or two`
        : `wrong arity: primal takes ${d.primal.length} input${d.primal.length === 1 ? '' : 's'}, ` +
            `but ${arity === 1 ? 'one partial (partial) was' : 'two partials (partials) were'} given; ` +
            'declare one partial per input of the primal',
    );
  }
  if (d.domain !== undefined) checkDomain(d.domain, arity, fail);
  if (d.notation !== undefined) checkNotation(d.notation, arity, fail);
  if (d.source !== undefined && (typeof d.source !== 'string' || d.source.trim() === '')) {
    throw fail(
      `source must be the primal as a JavaScript expression in x; got ${describe(d.source)}`,
    );
  }
  if (d.source !== undefined) checkSource(d.source, d.primal, arity, d.domain, fail);
  if (d.surrogate !== undefined && typeof d.surrogate !== 'boolean') {
    throw fail(`surrogate must be true or false; got ${describe(d.surrogate)}`);
  }
  return { ...(d as UnaryDefinition & BinaryDefinition), name, arity } as CheckedDefinition;
}

/** The name, if it is one a primitive can take: letters and digits, not taken, not reserved. */
export function checkName(name: unknown, fn = 'definePrimitive'): string {
  if (typeof name !== 'string' || !/^[A-Za-z][A-Za-z0-9]*$/.test(name)) {
    throw new TypeError(
      `wengert: ${fn}: the name must be letters and digits, starting with a letter ` +
        `(it names the op in formulas, tables and messages); got ${describe(name)}`,
    );
  }
  if ((PRIMITIVE_NAMES as readonly string[]).includes(name)) {
    throw new Error(`wengert: ${fn}: the name ${name} is taken by a built-in primitive`);
  }
  if (isPrimitiveName(name)) {
    throw new Error(
      `wengert: ${fn}: the name ${name} is taken by a primitive defined earlier; a name is ` +
        'one primitive for the life of the program',
    );
  }
  if (RESERVED.has(name)) {
    throw new Error(
      `wengert: ${fn}: the name ${name} is reserved (a trace marks its inputs with it)`,
    );
  }
  return name;
}

/** 1 for `partial`, 2 for `partials`, after checking that they are functions. */
function arityOf(
  d: Partial<UnaryDefinition & BinaryDefinition>,
  fail: (what: string) => Error,
): 1 | 2 {
  if (d.partial !== undefined && d.partials !== undefined) {
    throw fail('give partial (one input) or partials (two inputs), not both');
  }
  if (d.partial !== undefined) {
    if (typeof d.partial !== 'function') {
      throw fail(`partial must be a function (x, y) => ∂y/∂x; got ${describe(d.partial)}`);
    }
    return 1;
  }
  if (d.partials === undefined) {
    throw fail(
      'no partials: give partial: (x, y) => ∂y/∂x for one input, or partials: [∂z/∂x, ∂z/∂y] for two',
    );
  }
  if (!Array.isArray(d.partials)) {
    throw fail(
      `partials must be an array of two functions (x, y, z) => ...; got ${describe(d.partials)}`,
    );
  }
  const partials: readonly unknown[] = d.partials;
  if (partials.length === 1) {
    throw fail(
      'one partial is declared as partial: (x, y) => ∂y/∂x, as the built-in records do; partials is for two inputs',
    );
  }
  if (partials.length !== 2) {
    throw fail(
      `partials has ${partials.length} entries; definePrimitive makes primitives of one or two inputs`,
    );
  }
  partials.forEach((p, i) => {
    if (typeof p !== 'function') throw fail(`partials[${i}] is not a function; got ${describe(p)}`);
  });
  return 2;
}

/** One finite interval [lo, hi], lo < hi, per input. */
function checkDomain(domain: unknown, arity: 1 | 2, fail: (what: string) => Error): void {
  const interval = (iv: unknown): boolean => {
    if (!Array.isArray(iv) || iv.length !== 2) return false;
    const [lo, hi] = iv as unknown[];
    return typeof lo === 'number' && typeof hi === 'number' && Number.isFinite(lo + hi) && lo < hi;
  };
  const ok = Array.isArray(domain) && domain.length === arity && domain.every(interval);
  if (!ok) {
    throw fail(
      `domain must hold one interval [lo, hi] of finite numbers with lo < hi per input ` +
        `(${arity === 1 ? '[[-2, 2]]' : '[[-2, 2], [-2, 2]]'}); got ${JSON.stringify(domain)}`,
    );
  }
}

/**
 * The source is run as written wherever a primitive is written out as code
 * (adjointSource, tangentSource, the loops of vectorize), so it must compute
 * the primal: it is compiled, and compared with the primal midway and near
 * each end of the domain (the same, both NaN, or within 1e-12 relative).
 */
function checkSource(
  source: string,
  primal: (x: number, y: number) => number,
  arity: 1 | 2,
  domain: readonly (readonly [number, number])[] | undefined,
  fail: (what: string) => Error,
): void {
  let written: (x: number, y: number) => unknown;
  try {
    written = new Function('x', 'y', `'use strict';\nreturn (${source});`) as typeof written;
  } catch (error) {
    // a page whose Content-Security-Policy refuses new Function runs no source
    // either (vectorize cannot work there), so there is nothing to check
    if (error instanceof EvalError) return;
    throw fail(`source ${JSON.stringify(source)} does not compile: ${(error as Error).message}`);
  }
  for (const t of [0.2, 0.5, 0.9]) {
    const [x = 0, y = 0] = Array.from({ length: arity }, (_, i) => {
      const [lo, hi] = domain?.[i] ?? [-2, 2];
      return lo + t * (hi - lo);
    });
    let got: unknown;
    try {
      got = written(x, y);
    } catch (error) {
      throw fail(
        `source ${JSON.stringify(source)} throws at x = ${x}: ${(error as Error).message}`,
      );
    }
    const want = primal(x, y);
    const same =
      typeof got === 'number' &&
      (Object.is(got, want) || Math.abs(got - want) <= 1e-12 * Math.abs(want));
    if (!same) {
      const at = arity === 1 ? `x = ${x}` : `(x, y) = (${x}, ${y})`;
      throw fail(
        `source ${JSON.stringify(source)} gives ${String(got)} at ${at}, where primal gives ${want}; ` +
          'the source stands for the primal in generated code, so the two must agree',
      );
    }
  }
}

/** A LaTeX string that mentions every operand (x, and y for two inputs). */
function checkNotation(notation: unknown, arity: 1 | 2, fail: (what: string) => Error): void {
  if (typeof notation !== 'string')
    throw fail(`notation must be LaTeX in x; got ${describe(notation)}`);
  const missing = ['x', 'y'].slice(0, arity).filter((v) => !operandsOf(notation).includes(v));
  if (missing.length > 0) {
    throw fail(
      `the notation ${JSON.stringify(notation)} never mentions ${missing.join(' or ')}; write the ` +
        `operation in ${arity === 1 ? 'x' : 'x and y'}, e.g. ${arity === 1 ? '\\ln(1 + e^{x})' : '\\operatorname{f}(x, y)'}`,
    );
  }
}
