/**
 * @file A sweep over shapes (n, m) with n·m fixed, timing jacfwd and
 * jacrev and counting their primitive applications, for the cost chapter.
 */

import { jacfwd, jacrev, withCost } from '../../src/index.ts';
import { defineCase, type Variant } from '../lib/case.ts';
import { vectorError } from '../lib/check.ts';
import { ledgerNote } from '../lib/ledger.ts';
import { type SinesProblem, shape, sines, sinesPlain, sinesProblem } from '../problems/sines.ts';

/** n·m in a full run, and in a quick one. */
export const SWEEP_ENTRIES = { full: 4096, quick: 256 };

function sweep(entries: number) {
  const shapes = [];
  for (let n = 1; n <= entries; n *= 2) shapes.push(shape(n, entries / n));
  return shapes;
}

function mode(name: string, transform: typeof jacfwd): Variant<SinesProblem> {
  return {
    name,
    task: 'jacobian',
    setup: (p) => {
      const jac = transform(sines(p));
      return { run: () => jac(p.x), note: () => ledgerNote(withCost(() => jac(p.x)).cost) };
    },
  };
}

export default defineCase({
  id: 'shapes',
  title: 'Forward or reverse: a sweep over shapes',
  about:
    'The function of the Jacobian case with the number of Jacobian entries n·m fixed ' +
    `(${SWEEP_ENTRIES.full.toLocaleString('en-US')} in a full run), from one input and many ` +
    'outputs to many inputs and one output. Forward mode costs n passes of $2 \\times 3nm$ ' +
    'applications (primal and tangent), reverse mode one recording of $3nm$ and m sweeps of ' +
    '$3nm$ each: by the count, forward mode wins while $2n < m + 1$.',
  sizes: { full: sweep(SWEEP_ENTRIES.full), quick: sweep(SWEEP_ENTRIES.quick) },
  problem: ({ n, m }) => sinesProblem(n, m),
  primal: (p) => () => sinesPlain(p),
  tasks: { jacobian: { title: 'full Jacobian', error: (p, out) => vectorError(out, p.jacobian) } },
  variants: [mode('jacfwd', jacfwd), mode('jacrev', jacrev)],
});
