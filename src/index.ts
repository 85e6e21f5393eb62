/**
 * @file The public API of wengert, grouped by layer from the bottom up: the
 * order in which a student reads src/.
 */

// core/: values, traces, the cost ledger: what every layer needs, naming no mode
export { type Cost, withCost } from './core/ledger.ts';
export { formatLatex, formatNumber, lineUpThousands, type NumberFormat } from './core/format.ts';
export { eye, fromArray, Matrix, matrix, ones, zeros } from './core/matrix.ts';
export type { Like, Point, Same, Scalar, Traced } from './core/point.ts';
export type { MatrixLatex, MatrixRule, Shape } from './core/rule.ts';
export { Trace } from './core/trace.ts';
export { TracedMatrix } from './core/traced-matrix.ts';
export { Tracer } from './core/tracer.ts';
export { isMat, isNum, type Mat, type Num, toMatrix, toNumber, type Value } from './core/value.ts';

// primitives/: the registry, the only place a derivative rule lives, and the ops users call
export { add, div, mul, neg, pow, sub } from './primitives/arithmetic.ts';
export {
  type BinaryDefinition,
  definePrimitive,
  type UnaryDefinition,
} from './primitives/define.ts';
export {
  defineMatrixPrimitive,
  type MatrixDefinition,
  type MatrixOp,
} from './primitives/define-matrix.ts';
export { type Comparison, eq, ge, gt, le, lt, ne } from './primitives/comparison.ts';
export { exp, log, sqrt } from './primitives/exponential.ts';
export { cosh, sigmoid, sinh, tanh } from './primitives/hyperbolic.ts';
export { dot, matmul, transpose } from './primitives/linear-algebra.ts';
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
export { stopGradient } from './primitives/stop-gradient.ts';
export { acos, asin, atan, atan2, cos, sin, tan } from './primitives/trigonometric.ts';

// forward/: dual numbers, the forward-mode interpretation
export { ChunkDual } from './forward/chunk-dual.ts';
export { ChunkMatrix } from './forward/chunk-matrix.ts';
export { Dual } from './forward/dual.ts';
export { DualMatrix } from './forward/dual-matrix.ts';

// reverse/: the tape, the reverse-mode interpretation, and checkpointing
export { checkpoint } from './reverse/checkpoint.ts';
export { TapeMatrix } from './reverse/tape-matrix.ts';
export { TapeVar } from './reverse/tape-var.ts';

// symbolic/: the same rules run on symbols, to show them as formulas and as source
export { Sym, SymbolicTrace } from './symbolic/symbol.ts';
export { type RuleLatex, ruleLatex } from './symbolic/render.ts';

// transforms/: what users differentiate with
export { checkRule } from './transforms/check-rule.ts';
export type {
  CheckRuleOptions,
  RuleCheck,
  RuleCheckResult,
  RuleReport,
} from './transforms/check-rule-report.ts';
export { type Colouring, colourColumns, colourRows } from './transforms/colouring.ts';
export {
  compareModes,
  costTable,
  type ModeComparison,
  type ModeRun,
} from './transforms/compare.ts';
export type { ForwardOptions } from './transforms/columns.ts';
export { type Compiled, compile } from './transforms/compile.ts';
export { grad, valueAndGrad } from './transforms/grad.ts';
export { gradcheck } from './transforms/gradcheck.ts';
export {
  type GradcheckCheck,
  type GradcheckComparison,
  GradcheckError,
  type GradcheckOptions,
  type GradcheckReport,
  type GradcheckSettings,
} from './transforms/gradcheck-report.ts';
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
export { type Sparsity, SparsityPattern } from './transforms/pattern.ts';
export type { SparsityOption } from './transforms/sparse-jacobian.ts';
export { sparsity } from './transforms/sparsity.ts';
export { type VjpResult, vjp } from './transforms/vjp.ts';
export { vectorize } from './transforms/vectorize.ts';

// explain/: traces shown to a person: the Wengert list, its sweeps as tables, its graph, its source
export { adjointSource } from './explain/adjoint-source.ts';
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
export { tangentSource } from './explain/tangent-source.ts';
export {
  type Operand,
  type TraceOptions,
  trace,
  type WengertEntry,
  type WengertList,
} from './explain/wengert-list.ts';

// expr/: the expression language of the CLI, the docs and the lab
export { type ParsedFunction, type ParseOptions, parse, parseMany } from './expr/parse.ts';
export { ParseError } from './expr/parse-error.ts';
