/**
 * @file The tape's memory, in bytes held per recorded primitive
 * application, from the cost ledger of the scalar Rosenbrock gradient.
 */

import { grad, withCost } from '../../src/index.ts';
import { chainRss } from '../chain-rss.ts';
import { defineCase } from '../lib/case.ts';
import { vectorError } from '../lib/check.ts';
import { ledgerNote } from '../lib/ledger.ts';
import { rosenbrock, rosenbrockPlain, rosenbrockProblem } from '../problems/rosenbrock.ts';

/** The size whose note also measures the 1e7 chain (the largest of a full run). */
const CHAIN_AT = 1e6;

const size = (n: number) => ({ label: `n = ${n.toLocaleString('en-US')}`, value: n, n });

export default defineCase({
  id: 'tape-memory',
  title: 'Tape memory',
  about:
    'The peak bytes the tape holds (its chunks and its adjoints, as the cost ledger counts them) ' +
    'while `grad` differentiates the scalar-op Rosenbrock function, divided by the primitive ' +
    'applications recorded (8 per pair) and by the tape entries (the n inputs included).',
  sizes: { full: [size(1e5), size(1e6)], quick: [size(1e4)] },
  problem: ({ n }) => rosenbrockProblem(n),
  primal: (p) => () => rosenbrockPlain(p.x64),
  tasks: { gradient: { title: 'gradient', error: (p, out) => vectorError(out, p.gradient) } },
  variants: [
    {
      name: 'wengert grad',
      task: 'gradient',
      untimed: true,
      setup: (p) => ({
        run: () => grad(rosenbrock)(p.x),
        note: () => ({
          ...ledgerNote(withCost(() => grad(rosenbrock)(p.x)).cost),
          // peak RSS of grad on a chain of 1e7 applications, in a child process running the
          // toolkit compiled to plain JavaScript under node (see chain-rss.ts)
          ...(p.n === CHAIN_AT ? { chainRssBytes: chainRss(1e7).maxRssBytes } : {}),
        }),
      }),
    },
  ],
});
