/** @file The public API of wengert: values, ops, transforms, the cost ledger and the teaching layer. */

export { compareModes, costTable, type ModeComparison, type ModeRun } from './cost/compare.ts';
export { type Cost, withCost } from './cost/ledger.ts';
export { type ExplainOptions, explain } from './explain/explain.ts';
export { type GraphOptions, graphDot, graphSvg } from './explain/graph.ts';
export type { Notation } from './explain/notation.ts';
export { type Format, render, toLatex, toMarkdown, toText } from './explain/render.ts';
export {
  type Contribution,
  type ForwardSweep,
  forwardSweep,
  type ReverseSweep,
  reverseSweep,
  type TangentTerm,
} from './explain/sweeps.ts';
export {
  type Column,
  forwardTable,
  primalTable,
  reverseTable,
  type Table,
} from './explain/tables.ts';
export {
  type Operand,
  type TraceOptions,
  trace,
  type WengertEntry,
  type WengertList,
} from './explain/wengert-list.ts';
export { type ParsedFunction, type ParseOptions, parse, parseMany } from './expr/parse.ts';
export { ParseError } from './expr/parse-error.ts';
export { Dual } from './forward/dual.ts';
export { DualMatrix } from './forward/dual-matrix.ts';
export { eye, fromArray, Matrix, matrix, ones, zeros } from './matrix/matrix.ts';
export type { Like, Point, Same, Scalar, Traced } from './point.ts';
export { add, div, mul, neg, pow, sub } from './primitives/arithmetic.ts';
export { type Comparison, ge, gt, le, lt } from './primitives/comparison.ts';
export { exp, log, sqrt } from './primitives/exponential.ts';
export { cosh, sigmoid, sinh, tanh } from './primitives/hyperbolic.ts';
export { dot, matmul, transpose } from './primitives/linear-algebra.ts';
export type { MatrixLatex, MatrixRule, Shape } from './primitives/matrix-rule.ts';
export {
  MATRIX_PRIMITIVE_NAMES,
  type MatrixPrimitiveName,
  PRIMITIVE_NAMES,
  type PrimitiveName,
  SCALAR_PRIMITIVE_NAMES,
  type ScalarPrimitiveName,
} from './primitives/names.ts';
export { ops } from './primitives/ops.ts';
export { abs, max, min, relu } from './primitives/piecewise.ts';
export { type Axis, broadcast, mean, mseLoss, sum } from './primitives/reductions.ts';
export { matrixRules, registry, rules, scalarRules } from './primitives/registry.ts';
export type {
  BinaryOp,
  BinaryRule,
  Interval,
  Rule,
  ScalarRule,
  UnaryOp,
  UnaryRule,
} from './primitives/rule.ts';
export { pad, slice } from './primitives/slicing.ts';
export { acos, asin, atan, atan2, cos, sin, tan } from './primitives/trigonometric.ts';
export { checkpoint } from './reverse/checkpoint.ts';
export { TapeMatrix } from './reverse/tape-matrix.ts';
export { TapeVar } from './reverse/tape-var.ts';
export { type Compiled, compile } from './transforms/compile.ts';
export { grad, valueAndGrad } from './transforms/grad.ts';
export { hessian } from './transforms/hessian.ts';
export {
  type Differentiable,
  type Jacobian,
  type JacobianOptions,
  jacfwd,
  jacobian,
  jacrev,
} from './transforms/jacobian.ts';
export { jvp } from './transforms/jvp.ts';
export { type VjpResult, vjp } from './transforms/vjp.ts';
export { isMat, isNum, type Mat, type Num, toMatrix, toNumber, type Value } from './value.ts';
