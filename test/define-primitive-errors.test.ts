/** @file definePrimitive's refusals, each one clear error, and its op codes: after the built-ins, below the tape's reserved codes, until they run out. */

import { describe, expect, it } from 'vitest';
import {
  type BinaryDefinition,
  definePrimitive,
  grad,
  mul,
  type Num,
  PRIMITIVE_NAMES,
  type UnaryDefinition,
} from '../src/index.ts';
import { FIRST_USER_ID, LAST_PRIMITIVE_ID, ruleById, ruleOf } from '../src/primitives/lookup.ts';
import { COMPARE_OP, INPUT_OP, MATRIX_OP } from '../src/reverse/tape.ts';

const square: UnaryDefinition = {
  name: 'square',
  primal: (x) => x * x,
  partial: (x) => mul(2, x),
};

/** A definition with some fields replaced (or removed, as undefined), past the type checker. */
const broken = (changes: Record<string, unknown>): UnaryDefinition =>
  ({ ...square, ...changes }) as unknown as UnaryDefinition;

describe('definePrimitive refuses, naming the problem', () => {
  it.each([
    ['a built-in name', broken({ name: 'sin' }), 'the name sin is taken by a built-in primitive'],
    ['the name stopGradient', broken({ name: 'stopGradient' }), 'taken by a built-in'],
    ['a reserved name', broken({ name: 'input' }), 'the name input is reserved'],
    ['an empty name', broken({ name: '' }), 'the name must be letters and digits'],
    ['a name with an underscore', broken({ name: 'soft_plus' }), 'got the string "soft_plus"'],
    ['a name that starts with a digit', broken({ name: '2x' }), 'starting with a letter'],
    ['no name', broken({ name: undefined }), 'got undefined'],
    [
      'a primal that is not a function',
      broken({ primal: 3 }),
      'square: primal must be a function; got number 3',
    ],
    ['no partials', broken({ partial: undefined }), 'square: no partials: give partial'],
    [
      'a partial that is not a function',
      broken({ partial: 'cos' }),
      'partial must be a function (x, y) => ∂y/∂x; got the string "cos"',
    ],
    ['partial and partials both', broken({ partials: [() => 1, () => 1] }), 'not both'],
    [
      'a domain of the wrong length',
      broken({
        domain: [
          [0, 1],
          [0, 1],
        ],
      }),
      'domain must hold one interval [lo, hi]',
    ],
    ['an empty interval', broken({ domain: [[1, 1]] }), 'lo < hi'],
    ['an infinite interval', broken({ domain: [[0, Number.POSITIVE_INFINITY]] }), 'finite numbers'],
    ['a notation without x', broken({ notation: '\\operatorname{sq}' }), 'never mentions x'],
    ['a notation that is not a string', broken({ notation: 2 }), 'notation must be LaTeX in x'],
    [
      'an empty source',
      broken({ source: ' ' }),
      'source must be the primal as a JavaScript expression',
    ],
    // generated code (adjointSource, vectorize's loops) runs the source in the primal's place
    [
      'a source that computes something else',
      broken({ source: 'x * x + 1' }),
      'square: source "x * x + 1" gives 2.44 at x = -1.2, where primal gives 1.44',
    ],
    ['a source that does not compile', broken({ source: 'Math.pow(x, 2' }), 'does not compile'],
    [
      'a source that reads a name it does not have',
      broken({ source: 'k * x' }),
      'throws at x = -1.2',
    ],
  ])('%s', (_case, definition, message) => {
    expect(() => definePrimitive(definition)).toThrow(message);
  });

  it('refuses something that is not a record', () => {
    expect(() => definePrimitive(null as unknown as UnaryDefinition)).toThrow(
      'wengert: definePrimitive takes a record { name, primal, partial (one input) or partials (two), domain?, notation?, source? }; got null',
    );
  });

  it('refuses a wrong arity: primal against partials, either way, and three inputs', () => {
    const two = (x: number, y: number) => x * y;
    expect(() => definePrimitive(broken({ primal: two }))).toThrow(
      'square: wrong arity: primal takes 2 inputs, but one partial (partial) was given',
    );
    const binary = {
      name: 'times',
      primal: (x: number) => x,
      partials: [(_x: Num, y: Num) => y, (x: Num) => x],
    } as unknown as BinaryDefinition;
    expect(() => definePrimitive(binary)).toThrow(
      'times: wrong arity: primal takes 1 input, but two partials (partials) were given',
    );
    const three = {
      ...binary,
      primal: (x: number, y: number, z: number) => x * y * z,
    } as unknown as BinaryDefinition;
    expect(() => definePrimitive(three)).toThrow(
      'times: primal takes 3 inputs; definePrimitive makes primitives of one or two',
    );
    const threePartials = { ...three, partials: [() => 1, () => 1, () => 1] };
    expect(() => definePrimitive(threePartials as unknown as BinaryDefinition)).toThrow(
      'times: partials has 3 entries; definePrimitive makes primitives of one or two inputs',
    );
  });

  it('refuses partials that are not two functions', () => {
    const binary = (partials: unknown) =>
      ({ name: 'times', primal: (x: number, y: number) => x * y, partials }) as BinaryDefinition;
    expect(() => definePrimitive(binary([(x: Num) => x, 'y']))).toThrow(
      'times: partials[1] is not a function; got the string "y"',
    );
    expect(() => definePrimitive(binary((x: Num) => x))).toThrow(
      'partials must be an array of two functions',
    );
    expect(() => definePrimitive(binary([(x: Num) => x]))).toThrow(
      'one partial is declared as partial: (x, y) => ∂y/∂x, as the built-in records do',
    );
  });

  it('takes neither a name nor an op code for a call it refused', () => {
    expect(() => definePrimitive(broken({ partial: 1 }))).toThrow();
    const op = definePrimitive(square);
    expect(grad((x: Num) => op(x))(3)).toBe(6);
    expect(ruleOf(op)?.id).toBe(FIRST_USER_ID);
    expect(() => definePrimitive(square)).toThrow(
      'the name square is taken by a primitive defined earlier; a name is one primitive for the life of the program',
    );
  });
});

describe('op codes', () => {
  it('number user primitives after the built-ins, below the codes the tape reserves', () => {
    expect(FIRST_USER_ID).toBe(PRIMITIVE_NAMES.length);
    expect(LAST_PRIMITIVE_ID).toBeLessThan(Math.min(COMPARE_OP, MATRIX_OP, INPUT_OP));
    expect(LAST_PRIMITIVE_ID + 1).toBe(COMPARE_OP);
  });

  it('run out with a clear error, after every code up to the last is taken and findable', () => {
    const taken = ruleById(FIRST_USER_ID) === undefined ? 0 : 1; // 'square' above
    const ops = [];
    for (let id = FIRST_USER_ID + taken; id <= LAST_PRIMITIVE_ID; id++) {
      ops.push(definePrimitive({ ...square, name: `p${id}` }));
    }
    for (const [k, op] of ops.entries()) {
      const id = FIRST_USER_ID + taken + k;
      expect(ruleById(id)).toBe(ruleOf(op));
      expect(ruleById(id)?.name).toBe(`p${id}`);
    }
    // the last code still works end to end: recorded on a tape, swept back
    expect(grad(ops.at(-1) as (x: Num) => Num)(5)).toBe(10);
    expect(() => definePrimitive({ ...square, name: 'oneTooMany' })).toThrow(
      'wengert: definePrimitive: no op code is left for oneTooMany',
    );
  });
});
