/** @file The closed list of primitive names: the registry must hold exactly one rule for each. */

/**
 * The scalar primitives. The order fixes each one's op code on the tape, so
 * append new names at the end.
 *
 * @example
 * SCALAR_PRIMITIVE_NAMES[0]; // 'add', op code 0
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

/** The matrix primitives; their ids follow the scalar ones. @example MATRIX_PRIMITIVE_NAMES.includes('matmul') // true */
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

/** Every primitive the toolkit knows; a primitive's id is its position here. @example PRIMITIVE_NAMES.indexOf('mul') === registry.mul.id // true */
export const PRIMITIVE_NAMES = [...SCALAR_PRIMITIVE_NAMES, ...MATRIX_PRIMITIVE_NAMES] as const;

/** The name of a built-in scalar primitive. @example const name: ScalarPrimitiveName = 'sin'; */
export type ScalarPrimitiveName = (typeof SCALAR_PRIMITIVE_NAMES)[number];
/** The name of a built-in matrix primitive. @example const name: MatrixPrimitiveName = 'matmul'; */
export type MatrixPrimitiveName = (typeof MATRIX_PRIMITIVE_NAMES)[number];
/** The name of any built-in primitive, the key of its record in the registry. @example registry['exp' satisfies PrimitiveName].primal(0) // 1 */
export type PrimitiveName = (typeof PRIMITIVE_NAMES)[number];
