/**
 * @file How wengert writes a number for a reader: one policy for the CLI, explain's tables, the notebooks, the docs, the bench and the lab.
 *
 * The policy, in full:
 *
 * - An integer is written exactly: `17`, `-2`, `8704`. From 10,000 up it
 *   gets thousands separators, `17,952`, `1,000,000` (unless it stands in a
 *   comma-separated list, where `{ thousands: false }` leaves them out).
 *   From 10^15 up, where doubles stop holding every integer, it is written
 *   like any other number.
 * - Any other number is rounded to 6 significant digits, trailing zeros
 *   dropped: `0.909297`, `-0.416147`, `20.0855`, `12,345.7`.
 * - Very small and very large ones are written with an exponent: below
 *   10^-4 and from 10^15 up, `1.5e-7`, `6.02214e+23` (how JavaScript writes
 *   them, so `Number()` reads them back).
 * - `-0` is written `0`; NaN is `NaN`; the infinities are `∞` and `-∞`.
 * - `{ digits: 3 }` is the second precision: durations in milliseconds and
 *   the sizes of errors, where a fourth digit would be noise.
 *
 * `formatLatex` is the same number for KaTeX (`1.5 \times 10^{-7}`,
 * `17{,}952`, `\infty`, `\text{NaN}`), and `lineUpThousands` makes a table
 * column consistent. What scripts read (JSON, `--format json`, generated
 * source code) keeps every digit and never passes through here.
 */

/**
 * How to write a number; the defaults are the policy above.
 *
 * @example
 * ```ts
 * const inAList: NumberFormat = { thousands: false };
 * console.log(formatNumber(12000, inAList), formatNumber(Math.PI, { digits: 3 })); // 12000 3.14
 * ```
 */
export interface NumberFormat {
  /** Significant digits of a number that is not an integer: 6, or 3 for durations and error sizes. */
  readonly digits?: number;
  /** Thousands separators from 10,000 up (true); false inside a comma-separated list such as `(12000, 3)`. */
  readonly thousands?: boolean;
}

/** Below this a number is written with an exponent (zero aside). */
const SMALL = 1e-4;
/** From here on a number is written with an exponent: doubles stop holding every integer near 2^53. */
const LARGE = 1e15;
/** Integers from here on get thousands separators: 8704 stays as it is, 17,952 does not. */
const GROUPED = 1e4;

/** `1234567.5` → `1,234,567.5`: a separator every three digits of the integer part. */
function group(digits: string, separator = ','): string {
  const [whole = '', fraction] = digits.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, separator);
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/**
 * A number as wengert shows it to a reader (the policy is in this file's header).
 *
 * @example
 * ```ts
 * console.log(formatNumber(17952));                           // 17,952
 * console.log(formatNumber(Math.PI));                         // 3.14159
 * console.log(formatNumber(1.5e-7));                          // 1.5e-7
 * console.log(formatNumber(0.071372000002, { digits: 3 }));   // 0.0714 (a duration in ms)
 * ```
 */
export function formatNumber(v: number, format: NumberFormat = {}): string {
  const { digits = 6, thousands = true } = format;
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '-∞';
  const exact = Number.isInteger(v) && Math.abs(v) < LARGE;
  // Number(...) drops the trailing zeros toPrecision keeps; + 0 turns -0 into 0.
  const rounded = (exact ? v : Number(v.toPrecision(digits))) + 0;
  const size = Math.abs(rounded);
  if (rounded !== 0 && (size < SMALL || size >= LARGE)) return rounded.toExponential();
  const sign = rounded < 0 ? '-' : '';
  // String() of a number from 10^-4 to 10^15 never has an exponent.
  const body = String(size);
  return sign + (thousands && size >= GROUPED ? group(body) : body);
}

/**
 * The same number in LaTeX, derived from `formatNumber`: the exponent as
 * `\times 10^{k}`, separators as `{,}` (so KaTeX adds no space after them),
 * `\infty` and `\text{NaN}`.
 *
 * @example
 * ```ts
 * console.log(formatLatex(1.5e-7));   // 1.5 \times 10^{-7}
 * console.log(formatLatex(17952));    // 17{,}952
 * ```
 */
export function formatLatex(v: number, format: NumberFormat = {}): string {
  const text = formatNumber(v, format);
  if (text === 'NaN') return '\\text{NaN}';
  return text
    .replace('∞', '\\infty')
    .replace(/e\+?(-?\d+)$/, ' \\times 10^{$1}')
    .replaceAll(',', '{,}');
}

/**
 * A cell that is one number as formatNumber or formatLatex writes it, with a
 * unit after it or not: `8704`, `-17,952`, `17{,}952`, `0.5`, `1120x`,
 * `3.41 ms` (either minus sign).
 */
const NUMBER_CELL = /^[-−]?(\d{1,3}((,|\{,\})\d{3})+|\d+)(\.\d+)?( ?[A-Za-zµ×%]+)?$/;

/**
 * One column of a table, made consistent: if a cell has thousands
 * separators, every number from 1,000 up gets them too, so `8,704` lines up
 * under `17,952` instead of `8704` (and `1,120x` under `12,800x`). A LaTeX
 * column (`17{,}952`) gets `{,}`. Other cells are left as they are.
 *
 * @example
 * ```ts
 * console.log(lineUpThousands(['272', '8704', '17,408']));   // [ '272', '8,704', '17,408' ]
 * ```
 */
export function lineUpThousands(column: readonly string[]): string[] {
  const numbers = column.map((cell) => NUMBER_CELL.test(cell.trim()));
  const grouped = column.find((cell, i) => numbers[i] && cell.includes(','));
  if (grouped === undefined) return [...column];
  const separator = grouped.includes('{,}') ? '{,}' : ',';
  // Only the integer part: the digits after a decimal point are never grouped.
  return column.map((cell, i) =>
    numbers[i]
      ? cell.replace(
          /^(\s*[-−]?)(\d{4,})/,
          (_, sign: string, whole: string) => sign + group(whole, separator),
        )
      : cell,
  );
}
