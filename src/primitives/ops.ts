/** @file Every primitive's op by name, for callers that hold a name (the expression parser, tests). */

import { add, div, mul, neg, pow, sub } from './arithmetic.ts';
import { exp, log, sqrt } from './exponential.ts';
import { cosh, sigmoid, sinh, tanh } from './hyperbolic.ts';
import { dot, matmul, transpose } from './linear-algebra.ts';
import type { PrimitiveName } from './names.ts';
import { abs, max, min, relu } from './piecewise.ts';
import { broadcast, mean, mseLoss, sum } from './reductions.ts';
import type { BinaryOp, UnaryOp } from './rule.ts';
import { pad, slice } from './slicing.ts';
import { stopGradient } from './stop-gradient.ts';
import { acos, asin, atan, atan2, cos, sin, tan } from './trigonometric.ts';

/** What a matrix primitive's op is: a function of matrices (and its parameters). */
type MatrixOp = (...args: never[]) => unknown;

/**
 * The ops, keyed like the registry; a missing one is a compile error.
 *
 * @example
 * ops.sin(0) === sin(0); // true: the same function, found by its primitive's name
 */
export const ops = {
  add,
  sub,
  mul,
  div,
  neg,
  pow,
  exp,
  log,
  sqrt,
  sin,
  cos,
  tan,
  asin,
  acos,
  atan,
  atan2,
  sinh,
  cosh,
  tanh,
  sigmoid,
  abs,
  relu,
  max,
  min,
  stopGradient,
  matmul,
  transpose,
  slice,
  pad,
  sum,
  broadcast,
  mean,
  dot,
  mseLoss,
} as const satisfies { readonly [P in PrimitiveName]: UnaryOp | BinaryOp | MatrixOp };
