/**
 * @file The expression language's grammar: precedence and associativity checked against the
 * same formula in plain JavaScript, number formats, constants, every primitive by name,
 * variable order, and calls with the wrong inputs.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH } from '../src/expr/parser.ts';
import {
  type Num,
  ParseError,
  parse,
  parseMany,
  type ScalarRule,
  scalarRules,
  trace,
} from '../src/index.ts';
import { rng, uniform } from './support.ts';

/** The point every grammar case is evaluated at: no two values coincide, y is negative. */
const AT: Readonly<Record<string, number>> = { x: 1.7, y: -0.6, z: 2.3 };

/** Evaluates a parsed function at AT, passing its variables in the order it declares. */
function at(source: string): Num {
  const f = parse(source);
  return f(f.variables.map((v) => AT[v] as number));
}

/** The primitive applications a run records, in order: the structure the parser built. */
function opsOf(source: string): string[] {
  const f = parse(source);
  const list = trace(
    f,
    f.variables.map((v) => AT[v] as number),
  );
  return list.entries.filter((e) => e.op !== 'input').map((e) => e.op);
}

describe('precedence and associativity, against plain JavaScript', () => {
  const { pow } = Math;
  // Each formula is written out with the grouping mathematics gives the source.
  const cases: [string, (x: number, y: number, z: number) => number][] = [
    ['x + y * z', (x, y, z) => x + y * z],
    ['(x + y) * z', (x, y, z) => (x + y) * z],
    ['x - y - z', (x, y, z) => x - y - z],
    ['x - (y - z)', (x, y, z) => x - (y - z)],
    ['x - y + z', (x, y, z) => x - y + z],
    ['x / y / z', (x, y, z) => x / y / z],
    ['x / (y / z)', (x, y, z) => x / (y / z)],
    ['x / y * z', (x, y, z) => (x / y) * z],
    ['x * y / z', (x, y, z) => (x * y) / z],
    ['-x^2', (x) => -pow(x, 2)],
    ['(-x)^2', (x) => pow(-x, 2)],
    ['-2^2', () => -4],
    ['2^3^2', () => 512],
    ['(2^3)^2', () => 64],
    ['x^z^x', (x, _y, z) => pow(x, pow(z, x))],
    ['2^-1', () => 0.5],
    ['2^-3^2', () => pow(2, -pow(3, 2))],
    ['x^+2', (x) => pow(x, 2)],
    ['x * y^2', (x, y) => x * pow(y, 2)],
    ['x^2 * y', (x, y) => pow(x, 2) * y],
    ['-x * y', (x, y) => -x * y],
    ['x * -y', (x, y) => x * -y],
    ['-x / y', (x, y) => -x / y],
    ['x - -y', (x, y) => x - -y],
    ['x--y', (x, y) => x - -y],
    ['x+-y', (x, y) => x + -y],
    ['--x', (x) => x],
    ['+x', (x) => x],
    ['-+-x', (x) => x],
    ['((x))', (x) => x],
    ['1 - x^2/2 + x^4/24', (x) => 1 - pow(x, 2) / 2 + pow(x, 4) / 24],
    ['sin(x)^2 + cos(x)^2', (x) => pow(Math.sin(x), 2) + pow(Math.cos(x), 2)],
    ['-sin(x)^2', (x) => -pow(Math.sin(x), 2)],
    ['atan2(y, x) * 2', (x, y) => Math.atan2(y, x) * 2],
    ['max(x, y) - min(x, -z)', (x, y, z) => Math.max(x, y) - Math.min(x, -z)],
    ['sqrt(x^2 + z^2)', (x, _y, z) => Math.sqrt(pow(x, 2) + pow(z, 2))],
    ['exp(-(x - z)^2 / 2)', (x, _y, z) => Math.exp(-pow(x - z, 2) / 2)],
    [' x\t*\n y ', (x, y) => x * y],
  ];
  it.each(cases)('%s', (source, formula) => {
    expect(at(source)).toBe(formula(AT.x as number, AT.y as number, AT.z as number));
  });

  it('builds the tree mathematics reads, visible in the recorded ops', () => {
    expect(opsOf('-x^2')).toEqual(['pow', 'neg']);
    expect(opsOf('(-x)^2')).toEqual(['neg', 'pow']);
    expect(opsOf('x - y*z')).toEqual(['mul', 'sub']);
    expect(opsOf('x^y^z')).toEqual(['pow', 'pow']);
    expect(opsOf('+x')).toEqual([]);
    expect(opsOf('5*x^2 - x*y')).toEqual(['pow', 'mul', 'mul', 'sub']);
  });
});

describe('numbers and constants', () => {
  it.each([
    ['2', 2],
    ['2.5', 2.5],
    ['.5', 0.5],
    ['2.', 2],
    ['007', 7],
    ['0.1', 0.1],
    ['1e-3', 0.001],
    ['1E3', 1000],
    ['2E+4', 20000],
    ['1.5e3', 1500],
    ['.25e-2', 0.0025],
    ['123456789012', 123456789012],
  ])('%s is %d', (source, value) => {
    expect(parse(source)([])).toBe(value);
  });

  it('pi and e are the constants, whatever surrounds them', () => {
    expect(parse('pi')([])).toBe(Math.PI);
    expect(parse('e')([])).toBe(Math.E);
    expect(parse('2*e^x')([1])).toBe(2 * Math.E ** 1);
    expect(parse('e^x').variables).toEqual(['x']);
    expect(parse('e^pi')([])).toBe(Math.E ** Math.PI);
  });

  it('pi and e are reserved, but longer names that contain them are variables', () => {
    expect(parse('e*x + pi').variables).toEqual(['x']);
    expect(parse('ex + pie + E + PI').variables).toEqual(['E', 'PI', 'ex', 'pie']);
  });
});

describe('every registry primitive, called by its name', () => {
  const random = rng(31_337);
  it.each(scalarRules.map((r): [string, ScalarRule] => [r.name, r]))('%s', (_name, rule) => {
    for (let k = 0; k < 5; k++) {
      const a = uniform(random, rule.domain[0]);
      if (rule.arity === 1) {
        expect(parse(`${rule.name}(x)`)([a])).toBe(rule.primal(a));
      } else {
        const b = uniform(random, rule.domain[1]);
        expect(parse(`${rule.name}(x, y)`)([a, b])).toBe(rule.primal(a, b));
        // Arguments are whole expressions, in order.
        expect(parse(`${rule.name}(x + 0, -(-y))`)([a, b])).toBe(rule.primal(a, b));
      }
    }
  });
});

describe('variables', () => {
  it('are taken in alphabetical order, digit runs as numbers', () => {
    expect(parse('y*x').variables).toEqual(['x', 'y']);
    expect(parse('y - x')([1, 5])).toBe(4);
    expect(parse('x10 + x2 + x1').variables).toEqual(['x1', 'x2', 'x10']);
    expect(parse('b*B*a*_c').variables).toEqual(['B', '_c', 'a', 'b']);
    expect(parse('x*x*x').variables).toEqual(['x']);
  });

  it('can be put in a declared order, which may add ignored inputs', () => {
    const f = parse('x - y', { variables: ['y', 'x', 'z'] });
    expect(f.variables).toEqual(['y', 'x', 'z']);
    expect(f([1, 5, 100])).toBe(4);
  });

  it('reject a declared list that misses one, names a constant or function, or repeats', () => {
    expect(() => parse('x*y*z', { variables: ['y', 'x'] })).toThrow(ParseError);
    expect(() => parse('x*y*z', { variables: ['y', 'x'] })).toThrow(
      'column 5: z is not a declared variable (declared: y, x)',
    );
    expect(() => parse('x', { variables: ['x', 'e'] })).toThrow('e is a constant');
    expect(() => parse('x', { variables: ['x', 'sin'] })).toThrow('sin is a function');
    expect(() => parse('x', { variables: ['x', 'x'] })).toThrow('x is listed twice');
    expect(() => parse('x', { variables: ['x', '2x'] })).toThrow('"2x" is not a name');
  });

  it('carry the metadata a caller needs', () => {
    const f = parse('5*x^2 - x*y');
    expect(f.source).toBe('5*x^2 - x*y');
    expect(f.expressions).toEqual(['5*x^2 - x*y']);
    expect(Object.isFrozen(f.variables)).toBe(true);
    const g = parseMany(' x*y ;\n z + x ');
    expect(g.variables).toEqual(['x', 'y', 'z']);
    expect(g.expressions).toEqual(['x*y', 'z + x']);
    expect(g([2, 3, 4])).toEqual([6, 6]);
  });

  it('a constant expression is a function of no inputs', () => {
    expect(parse('2 + 3*4').variables).toEqual([]);
    expect(parse('2 + 3*4')([])).toBe(14);
  });
});

describe('calls with the wrong inputs', () => {
  const f = parse('5*x^2 - x*y');
  it('name the expected variables', () => {
    expect(() => f([1])).toThrow(
      'parse("5*x^2 - x*y") takes 2 inputs [x, y], in that order; got 1',
    );
    expect(() => f([1, 2, 3])).toThrow('takes 2 inputs [x, y], in that order; got 3');
    expect(() => (f as (x: unknown) => Num)(2)).toThrow(
      'takes an array of 2 inputs [x, y], got number 2',
    );
    expect(() => (f as (x: unknown) => Num)([1, '2'])).toThrow(
      'input 1 (y) is the string "2"; expected a number',
    );
    expect(() => parseMany('x; y')([1])).toThrow('parseMany("x; y") takes 2 inputs [x, y]');
    expect(() => parse('pi')([1])).toThrow('takes 0 inputs [], in that order; got 1');
  });

  it('accept a typed array', () => {
    expect(f(Float64Array.of(2, 3) as unknown as number[])).toBe(14);
  });
});

describe('size', () => {
  it('a 100,000-term sum parses and runs in constant stack depth', () => {
    const f = parse(`x${' + x'.repeat(99_999)}`);
    expect(f([2])).toBe(200_000);
  });

  it(`nesting is allowed to ${MAX_DEPTH} levels and refused with a ParseError beyond`, () => {
    const depth = MAX_DEPTH - 10;
    expect(parse(`${'('.repeat(depth)}x${')'.repeat(depth)}`)([3])).toBe(3);
    expect(parse(`${'-'.repeat(depth)}x`)([3])).toBe(depth % 2 === 0 ? 3 : -3);
    for (const deep of [
      `${'('.repeat(10_000)}x${')'.repeat(10_000)}`,
      `${'-'.repeat(10_000)}x`,
      `x${'^x'.repeat(10_000)}`,
      `${'sin('.repeat(10_000)}x${')'.repeat(10_000)}`,
    ]) {
      expect(() => parse(deep)).toThrow(
        `expression nested too deeply (more than ${MAX_DEPTH} levels)`,
      );
    }
  });
});

describe('no dynamic code', () => {
  it('no file in src/expr evaluates text as code', () => {
    const dir = new URL('../src/expr/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      expect(text, file).not.toMatch(/\beval\s*\(|\bFunction\s*\(|new\s+Function\b|import\s*\(/);
    }
  });
});
