import { describe, expect, it } from 'vitest';
import { grad, mul, type Num, sub } from '../src/index.ts';

describe('the worked example f(x, y) = 5x² − xy', () => {
  it('has gradient (10x − y, −x) = (17, −2) at (2, 3)', () => {
    const f = ([x, y]: Num[]) => sub(mul(5, mul(x as Num, x as Num)), mul(x as Num, y as Num));
    expect(grad(f)([2, 3])).toEqual([10 * 2 - 3, -2]);
  });
});
