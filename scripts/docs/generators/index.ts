/** @file Every generator by the name a chapter's placeholder uses; a name defined twice is an error. */

import type { Generator } from '../generate.ts';
import { chainRule } from './01-chain-rule.ts';
import { dualNumbers } from './02-dual-numbers.ts';
import { reverseAccumulation } from './03-reverse-accumulation.ts';
import { localJacobians } from './04-local-jacobians.ts';
import { chunks } from './05-chunks.ts';
import { jacobianCost } from './05-jacobian-cost.ts';
import { backpropagation } from './06-backpropagation.ts';
import { memory } from './07-memory.ts';
import { whatGetsDifferentiated } from './08-what-gets-differentiated.ts';
import { higherOrder } from './09-higher-order.ts';
import { primitives } from './10-primitives.ts';
import { sparseJacobians } from './11-sparse-jacobians.ts';
import { pitfalls } from './12-pitfalls.ts';
import { pitfallsNumeric } from './12-pitfalls-numeric.ts';
import { api } from './api.ts';
import { apiPrimitives } from './api-primitives.ts';
import { landing } from './landing.ts';
import { performance } from './performance.ts';
import { semantics } from './semantics.ts';

const groups: readonly Record<string, Generator>[] = [
  landing,
  chainRule,
  dualNumbers,
  reverseAccumulation,
  localJacobians,
  jacobianCost,
  chunks,
  backpropagation,
  memory,
  whatGetsDifferentiated,
  higherOrder,
  primitives,
  api,
  apiPrimitives,
  sparseJacobians,
  pitfalls,
  pitfallsNumeric,
  performance,
  semantics,
];

function merge(tables: readonly Record<string, Generator>[]): Record<string, Generator> {
  const all: Record<string, Generator> = {};
  for (const [name, generator] of tables.flatMap((t) => Object.entries(t))) {
    if (name in all) throw new Error(`docs: two generators named '${name}'`);
    all[name] = generator;
  }
  return all;
}

export const generators: Readonly<Record<string, Generator>> = merge(groups);
