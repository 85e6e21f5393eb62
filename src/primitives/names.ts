/** @file The closed list of primitive names: the registry must hold exactly one rule for each. */

/**
 * The scalar primitives. The order fixes each one's op code on the tape, so
 * append new names at the end.
 */
export const SCALAR_PRIMITIVE_NAMES = [
  'add',
  'sub',
  'mul',
  'div',
  'neg',
  'pow',
  'exp',
  'log',
  'sqrt',
  'sin',
  'cos',
  'tan',
  'asin',
  'acos',
  'atan',
  'atan2',
  'sinh',
  'cosh',
  'tanh',
  'sigmoid',
  'abs',
  'relu',
  'max',
  'min',
  'stopGradient',
] as const;

/** The matrix primitives; their ids follow the scalar ones. */
export const MATRIX_PRIMITIVE_NAMES = [
  'matmul',
  'transpose',
  'slice',
  'pad',
  'sum',
  'broadcast',
  'mean',
  'dot',
  'mseLoss',
] as const;

/** Every primitive the toolkit knows; a primitive's id is its position here. */
export const PRIMITIVE_NAMES = [...SCALAR_PRIMITIVE_NAMES, ...MATRIX_PRIMITIVE_NAMES] as const;

export type ScalarPrimitiveName = (typeof SCALAR_PRIMITIVE_NAMES)[number];
export type MatrixPrimitiveName = (typeof MATRIX_PRIMITIVE_NAMES)[number];
export type PrimitiveName = (typeof PRIMITIVE_NAMES)[number];
