/** @file The closed list of primitive names: the registry must hold exactly one rule for each. */

/**
 * Every primitive the toolkit knows. The order fixes each primitive's numeric
 * op code on the tape, so append new names at the end.
 */
export const PRIMITIVE_NAMES = [
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
] as const;

export type PrimitiveName = (typeof PRIMITIVE_NAMES)[number];
