/**
 * @file Bad calls fail at once with an error that names the problem, instead of a NaN or a
 * wrong derivative far away.
 */

import { describe, expect, it } from 'vitest';
import {
  add,
  exp,
  grad,
  hessian,
  jacfwd,
  jacobian,
  jacrev,
  jvp,
  mul,
  type Num,
  sin,
  toNumber,
  valueAndGrad,
  vjp,
} from '../src/index.ts';

/** The error `run` throws (failing the test if it throws nothing). */
function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return error as Error;
  }
  throw new Error('expected an error, but the call returned normally');
}

const first = (v: Num[]) => v[0] as Num;
const pair = (v: Num[]): Num[] => [mul(first(v), v[1] as Num), sin(first(v))];

describe('grad of a function that does not return one value', () => {
  it.each([
    { name: 'grad', call: () => grad(pair as never)([1, 2]) },
    { name: 'valueAndGrad', call: () => valueAndGrad(pair as never)([1, 2]) },
  ])('$name of an array output says to use jacrev or vjp', ({ name, call }) => {
    expect(call).toThrow(`${name} needs a scalar output; use jacrev or vjp`);
  });

  it('an array of one element is still an array', () => {
    expect(() => grad(((v: Num[]) => [first(v)]) as never)([1])).toThrow(/scalar output/);
  });
});

describe('tangents and cotangents of the wrong shape', () => {
  it.each([
    { primals: [1, 2], tangents: [1], expected: 2, got: 1 },
    { primals: [1, 2], tangents: [1, 0, 0], expected: 2, got: 3 },
    { primals: [1, 2, 3], tangents: [], expected: 3, got: 0 },
  ])(
    'jvp at $primals with tangents $tangents names both counts',
    ({ primals, tangents, expected, got }) => {
      const message = errorOf(() => jvp((v: Num[]) => first(v), primals, tangents)).message;
      expect(message).toMatch(/jvp/);
      expect(message).toMatch(/tangent/);
      expect(message).toMatch(new RegExp(`expected ${expected}\\b`));
      expect(message).toMatch(new RegExp(`got ${got}\\b`));
    },
  );

  it.each([
    { case: 'a number of primals with an array of tangents', primals: 1, tangents: [1] },
    { case: 'an array of primals with a single tangent', primals: [1], tangents: 1 },
  ])('jvp with $case says that the shapes differ', ({ primals, tangents }) => {
    const f = (v: Num | Num[]) => (Array.isArray(v) ? (v[0] as Num) : v);
    const message = errorOf(() => jvp(f as never, primals as never, tangents as never)).message;
    expect(message).toMatch(/tangent/);
    // "expected 1 tangent, got 1" would not say what is wrong: the counts agree, the shapes do not
    expect(message).not.toMatch(/expected 1\b.*got 1\b/);
    expect(message).toMatch(/single number|array/);
  });

  it.each([
    { cotangent: [1, 2, 3], says: /2 outputs.*array of 2.*got an array of 3/ },
    { cotangent: [1], says: /2 outputs.*array of 2.*got an array of 1/ },
    { cotangent: 1, says: /2 outputs.*array of 2.*got a single number/ },
  ])('the pullback of a 2-output f given $cotangent says what it needs', ({ cotangent, says }) => {
    const { pullback } = vjp(pair, [1, 2]);
    expect(() => pullback(cotangent as never)).toThrow(says);
    expect(pullback([1, 0])).toEqual([2, 1]); // still usable afterwards
  });

  it('the pullback of a scalar f given an array says it needs a single number', () => {
    const { pullback } = vjp((v: Num[]) => exp(first(v)), [0, 1]);
    expect(() => pullback([1] as never)).toThrow(/one value.*single number.*got an array of 1/);
  });
});

describe('functions that return something other than numbers', () => {
  it.each([
    { returns: 'a string', value: 'oops', names: /f returned the string "oops"/ },
    { returns: 'undefined (a forgotten return)', value: undefined, names: /f returned undefined/ },
    { returns: 'null', value: null, names: /f returned null/ },
    { returns: 'an object', value: { y: 1 }, names: /f returned an object/ },
    { returns: 'an array holding a string', value: [1, 'b'], names: /element 1 is the string "b"/ },
  ])('f returning $returns is refused by every transform', ({ value, names }) => {
    const f = (() => value) as unknown as (v: Num[]) => Num;
    const calls: [string, () => unknown][] = [
      ['grad', () => grad(f)([1, 2])],
      ['jvp', () => jvp(f, [1, 2], [1, 0])],
      ['vjp', () => vjp(f, [1, 2])],
      ['jacfwd', () => jacfwd(f)([1, 2])],
      ['jacrev', () => jacrev(f)([1, 2])],
    ];
    for (const [name, call] of calls) {
      const message = errorOf(call).message;
      expect(message, name).toMatch(names);
      expect(message, name).toMatch(new RegExp(`${name}: `));
      expect(message, name).toMatch(/must return a number/);
    }
  });
});

describe('inputs that are not numbers', () => {
  it.each([
    {
      what: 'grad at a string',
      call: () => grad((x: Num) => x)('a' as never),
      says: /grad: x is the string "a"; expected a number/,
    },
    {
      what: 'grad at an array holding a string',
      call: () => grad(first)([1, 'a'] as never),
      says: /grad: x\[1\] is the string "a"/,
    },
    {
      what: 'jacrev at an object',
      call: () => jacrev(first)({ x: 1 } as never),
      says: /jacrev: x is an object/,
    },
    {
      what: 'jacfwd at undefined',
      call: () => jacfwd(first)(undefined as never),
      says: /jacfwd: x is undefined/,
    },
    {
      what: 'jvp with a string tangent',
      call: () => jvp((x: Num) => x, 1, 'a' as never),
      says: /jvp: tangents is the string "a"/,
    },
    {
      what: 'jvp with null among the primals',
      call: () => jvp(first, [1, null] as unknown as number[], [1, 0]),
      says: /jvp: primals\[1\] is null/,
    },
    {
      what: 'vjp with a numeric string among the primals',
      call: () => vjp(first, ['1', 2] as never),
      says: /vjp: primals\[0\] is the string "1"/,
    },
    {
      what: 'a pullback with a string in the cotangent',
      call: () => vjp(pair, [1, 2]).pullback([1, 'x'] as never),
      says: /pullback: cotangent\[1\] is the string "x"/,
    },
  ])('$what names the transform, the position and what it got', ({ call, says }) => {
    expect(call).toThrow(TypeError);
    expect(call).toThrow(says);
  });
});

describe('ops given something that is not a number', () => {
  it.each([
    {
      what: "sin('a')",
      call: () => sin('a' as never),
      says: /sin expects numbers.*argument 1 is the string "a"/,
    },
    {
      what: "add(1, 'a')",
      call: () => add(1, 'a' as never),
      says: /add expects numbers.*argument 2 is the string "a"/,
    },
    {
      what: 'add(undefined, 1)',
      call: () => add(undefined as never, 1),
      says: /add expects numbers.*argument 1 is undefined/,
    },
    {
      what: 'mul([1], 2)',
      call: () => mul([1] as never, 2),
      says: /mul expects numbers.*argument 1 is an array/,
    },
    {
      what: 'exp(null)',
      call: () => exp(null as never),
      says: /exp expects numbers.*argument 1 is null/,
    },
    {
      what: 'mul(x, an object) on a tape variable inside grad',
      call: () => grad((x: Num) => mul(x, { v: 2 } as never))(1),
      says: /mul expects numbers.*argument 2 is an object/,
    },
    {
      what: "add('2', x) on a dual inside jvp",
      call: () => jvp((x: Num) => add('2' as never, x), 1, 1),
      says: /add expects numbers.*argument 1 is the string "2"/,
    },
  ])('$what is a TypeError naming the op and the argument', ({ call, says }) => {
    expect(call).toThrow(TypeError);
    expect(call).toThrow(says);
  });
});

describe('plain JavaScript arithmetic on a traced value', () => {
  it.each([
    { what: 'x + 1 inside grad', call: () => grad((x: Num) => (x as unknown as number) + 1)(1) },
    { what: 'x * 2 inside jvp', call: () => jvp((x: Num) => (x as unknown as number) * 2, 1, 1) },
    {
      what: 'Math.sin(x) inside vjp',
      call: () => vjp((x: Num) => Math.sin(x as unknown as number), 1),
    },
    {
      what: 'x > 0 inside jacfwd',
      call: () => jacfwd((v: Num[]) => ((v[0] as unknown as number) > 0 ? first(v) : 0))([1]),
    },
    {
      what: 'x - y inside hessian',
      call: () =>
        hessian((v: Num[]) => ((v[0] as unknown as number) - (v[1] as unknown as number)) as Num)([
          1, 2,
        ]),
    },
  ])('$what throws a TypeError pointing at the toolkit ops', ({ call }) => {
    const error = errorOf(call);
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(/plain JavaScript arithmetic/);
    expect(error.message).toMatch(/toolkit ops \(add, mul/);
  });

  it('printing a traced value is allowed', () => {
    let printed = '';
    grad((x: Num) => {
      printed = `${x}`;
      return x;
    })(1.5);
    expect(printed).toMatch(/1\.5/);
  });
});

describe('values that leak out of a finished transform', () => {
  /** A tape variable (reverse) or a dual (forward) smuggled out through a closure. */
  function leaked(kind: 'reverse' | 'forward'): Num {
    let escaped: Num = 0;
    const keep = (x: Num) => {
      escaped = x;
      return mul(x, x);
    };
    if (kind === 'reverse') grad(keep)(2);
    else jvp(keep, 2, 1);
    return escaped;
  }

  const kinds = [
    { kind: 'reverse' as const, mode: /reverse-mode trace/ },
    { kind: 'forward' as const, mode: /forward-mode trace/ },
  ];

  it.each(kinds)('a $kind value used in an op outside any transform', ({ kind, mode }) => {
    const x = leaked(kind);
    for (const call of [() => sin(x), () => add(x, 1), () => mul(3, x)]) {
      expect(call).toThrow(/already ended/);
      expect(call).toThrow(mode);
    }
  });

  it.each(kinds)('a $kind value used in an op inside a later transform', ({ kind, mode }) => {
    const x = leaked(kind);
    expect(() => grad((y: Num) => mul(y, x))(1)).toThrow(/mul received a value .* already ended/);
    expect(() => jvp((y: Num) => add(x, y), 1, 1)).toThrow(mode);
    expect(() => jacrev((v: Num[]) => [sin(x), first(v)])([1])).toThrow(/sin received/);
  });

  it.each(kinds)('a $kind value returned as the output of a later transform', ({ kind }) => {
    const x = leaked(kind);
    expect(() => grad((_: Num) => x)(1)).toThrow(/grad \(the output\).*already ended/);
    expect(() => jvp((_: Num) => x, 1, 1)).toThrow(/jvp \(the output\).*already ended/);
    expect(() => jacfwd((v: Num[]) => [first(v), x])([1])).toThrow(/jacfwd \(output\[1\]\)/);
    expect(() => vjp((v: Num[]) => [x, first(v)], [1])).toThrow(/vjp \(output\[0\]\)/);
  });

  it.each(kinds)('a $kind value passed as the point of a later transform', ({ kind }) => {
    const x = leaked(kind);
    expect(() => grad((y: Num) => y)(x)).toThrow(/grad \(x\).*already ended/);
    expect(() => jvp((y: Num) => y, 1, x)).toThrow(/jvp \(tangents\).*already ended/);
  });

  it('an inner transform’s variable used by the outer function after the inner one returned', () => {
    const call = () =>
      grad((x: Num) => {
        let inner: Num = 0;
        grad((y: Num) => {
          inner = y;
          return y;
        })(1);
        return mul(x, inner);
      })(2);
    expect(call).toThrow(/mul received a value from a reverse-mode trace .* already ended/);
  });
});

describe('jacobian options', () => {
  it('an unknown mode is refused when the transform is built, naming the valid ones', () => {
    const message = errorOf(() => jacobian(pair, { mode: 'sideways' as never })).message;
    expect(message).toMatch(/jacobian/);
    expect(message).toMatch(/'sideways'/);
    expect(message).toMatch(/'forward', 'reverse' or 'auto'/);
  });
});

describe('a point with fewer inputs than f reads', () => {
  const product = ([x, y]: Num[]) => mul(x as Num, y as Num);

  it.each([
    ['grad', () => grad(product)([1])],
    ['jvp', () => jvp(product, [1], [1])],
    ['jacrev', () => jacrev((v: Num[]) => [product(v)])([1])],
    ['jacfwd', () => jacfwd((v: Num[]) => [product(v)])([1])],
  ])('%s names the op, the missing argument and the likely cause', (_, call) => {
    expect(call).toThrow(TypeError);
    expect(call).toThrow(
      /mul expects numbers.*argument 2 is undefined.*more inputs than it was given/,
    );
  });
});

describe('values that leaked out of a finished trace', () => {
  it('can still be printed and read as numbers, but not computed with', () => {
    let leak: Num = 0;
    grad((x: Num) => {
      leak = mul(x, 3);
      return leak;
    })(2);
    expect(String(leak)).toContain('6');
    expect(toNumber(leak)).toBe(6);
    expect(() => mul(leak, 2)).toThrow(/already ended/);
  });
});

describe('hessian of a vector-valued f', () => {
  it('names hessian, not the grad it uses inside', () => {
    const message = errorOf(() => hessian((v: Num[]) => [first(v)] as never)([1])).message;
    expect(message).toMatch(/^wengert: hessian needs a scalar output/);
  });
});
