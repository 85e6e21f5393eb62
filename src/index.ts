/** @file The public API of wengert: the ops, the transforms and the cost ledger. */

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
export { add, div, mul, neg, pow, sub } from './primitives/arithmetic.ts';
export { exp, log, sqrt } from './primitives/exponential.ts';
export { cosh, sigmoid, sinh, tanh } from './primitives/hyperbolic.ts';
export { PRIMITIVE_NAMES, type PrimitiveName } from './primitives/names.ts';
export { ops } from './primitives/ops.ts';
export { abs, max, min, relu } from './primitives/piecewise.ts';
export { registry, rules } from './primitives/registry.ts';
export type { BinaryRule, Interval, Rule, UnaryRule } from './primitives/rule.ts';
export { acos, asin, atan, atan2, cos, sin, tan } from './primitives/trigonometric.ts';
export { TapeVar } from './reverse/tape-var.ts';
export type { Like, Point, Scalar } from './shape.ts';
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
export { isNum, type Num, toNumber } from './value.ts';
