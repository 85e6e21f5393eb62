/** @file The lab's URL hash, the lines of generated programs it highlights, and how it reads its fields. */

import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, readHash, writeHash } from '../../lab/hash.ts';
import { loadProgram } from '../../lab/program.ts';
import { highlighted, sourceLines } from '../../lab/source-map.ts';
import { adjointSource, parse, parseMany, tangentSource } from '../../src/index.ts';

describe('the hash', () => {
  it('reads every field, percent-decoded, keeping + as addition', () => {
    expect(
      readHash('#f=x+y%3B%20x*y&at=x%3D2,y%3D3&dir=1,0&seed=0,1&mode=forward&step=end'),
    ).toEqual({
      f: 'x+y; x*y',
      at: 'x=2,y=3',
      dir: '1,0',
      seed: '0,1',
      mode: 'forward',
      step: 'end',
    });
  });

  it('takes the default for what is missing or unreadable, and ignores the rest', () => {
    expect(readHash('')).toEqual(DEFAULT_STATE);
    expect(readHash('#mode=sideways&step=-2&zoom=3&f')).toEqual(DEFAULT_STATE);
    expect(readHash('#f=%E0%A4%A&step=7')).toMatchObject({ f: '%E0%A4%A', step: 7 });
  });

  it('writes what it reads back, leaving out empty seeds', () => {
    const state = { ...DEFAULT_STATE, f: 'sin(x) + x^2; e*x', dir: '2,-1', step: 3 };
    expect(readHash(writeHash(state))).toEqual(state);
    expect(writeHash(DEFAULT_STATE)).toBe(
      '#f=5*x%5E2%20-%20x*y&at=x%3D2%2Cy%3D3&mode=reverse&step=0',
    );
  });
});

describe('the fields', () => {
  it('read as the CLI reads them: e₁ by default, names or positions for the point', () => {
    const loaded = loadProgram({ ...DEFAULT_STATE, f: 'x*y; x + y', at: 'y=3,x=2' });
    expect(loaded.ok && [loaded.program.x, loaded.program.direction, loaded.program.seed]).toEqual([
      [2, 3],
      [1, 0],
      [1, 0],
    ]);
  });

  it('report each mistake under its own field, a parse error with its caret', () => {
    const loaded = loadProgram({ ...DEFAULT_STATE, f: '5*x^*2' });
    expect(!loaded.ok && loaded.errors.f).toMatch(/column 5.*\n {2}5\*x\^\*2\n {6}\^$/);
    const fields = loadProgram({ ...DEFAULT_STATE, at: 'x=2', dir: '1,2,3', seed: 'a' });
    expect(!fields.ok && Object.keys(fields.errors).sort()).toEqual(['at', 'dir', 'seed']);
    const empty = loadProgram({ ...DEFAULT_STATE, f: '  ' });
    expect(!empty.ok && empty.errors.f).toMatch(/type a function/);
  });
});

describe('the generated programs', () => {
  const f = parse('5*x^2 - x*y');
  const reverse = sourceLines(adjointSource(f, [2, 3], { names: f.variables }));
  const forward = sourceLines(tangentSource(f, [2, 3], { names: f.variables }));
  const text = (lines: typeof reverse, at: number[]) => at.map((i) => lines[i]?.text.trim());

  it('give each entry its value and tangent lines, and the line that sends its adjoint back', () => {
    expect(text(forward, highlighted(forward, 'forward', 4, [0, 1]))).toEqual([
      'const w5 = w1 * w2;',
      expect.stringMatching(/^const w5_dot = .*\/\/ .*5 = w2·.*1 \+ w1·.*2$/),
    ]);
    expect(text(reverse, highlighted(reverse, 'reverse', 4, [0, 1]))).toEqual([
      expect.stringMatching(/w1_bar \+= w5_bar \* w2; w2_bar \+= w5_bar \* w1;.*\/\/ w5 = /),
    ]);
  });

  it('mark the inputs forward and the seed in reverse before the first step', () => {
    expect(text(forward, highlighted(forward, 'forward', undefined, [0, 1]))).toEqual([
      'const w1 = x[0]; // x',
      'const w1_dot = dx[0];',
      'const w2 = x[1]; // y',
      'const w2_dot = dx[1];',
    ]);
    expect(text(reverse, highlighted(reverse, 'reverse', undefined, [0, 1]))).toEqual([
      'let w6_bar = 1; // the seed: f = w6',
    ]);
  });

  it('have one adjoint line for every operation, and one value line for every entry', () => {
    const g = parseMany('atan2(y, x); abs(x)*y + max(x, y)');
    const lines = sourceLines(tangentSource(g, [1, -2], { names: g.variables }));
    const h = parse('atan2(y, x) + abs(x)*y + max(x, y)');
    const back = sourceLines(adjointSource(h, [1, -2], { names: h.variables }));
    const count = (ls: typeof lines, role: string) => ls.filter((l) => l.role === role).length;
    expect([count(lines, 'primal'), count(lines, 'tangent')]).toEqual([7, 7]);
    expect([count(back, 'primal'), count(back, 'adjoint'), count(back, 'seed')]).toEqual([8, 6, 1]);
  });
});
