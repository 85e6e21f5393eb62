/** @file Every benchmark case, in the order the report shows them: adding a case is one line here. */

import type { Case } from '../lib/case.ts';
import jacobians from './jacobians.ts';
import mlp from './mlp.ts';
import rosenbrockScalar from './rosenbrock-scalar.ts';
import rosenbrockVector from './rosenbrock-vector.ts';
import shapes from './shapes.ts';
import tapeMemory from './tape-memory.ts';

export const cases: readonly Case[] = [
  rosenbrockScalar,
  rosenbrockVector,
  mlp,
  jacobians,
  tapeMemory,
  shapes,
];
