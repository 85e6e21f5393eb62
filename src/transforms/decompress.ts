/** @file Compressed seeds (one per colour) and decompression: where each entry of a compressed Jacobian belongs. */

import { fromArray } from '../core/matrix.ts';
import { isMat, type Num, type Value } from '../core/value.ts';
import type { Colouring } from './colouring.ts';
import { entryCount } from './entries.ts';
import type { SparsityPattern } from './pattern.ts';

/**
 * The seed of one colour: Σ_{k ∈ ks} e_k over the entries of `like`, in its
 * structure; a value with none of them gets a plain 0 (a symbolic zero).
 *
 * @example
 * seedLike([1, 2, 3, 4], [0, 3]); // [1, 0, 0, 1]
 */
export function seedLike(like: readonly Value[], ks: readonly number[]): Value[] {
  const total = like.reduce<number>((n, v) => n + entryCount(v), 0);
  const flat = new Float64Array(total);
  for (const k of ks) flat[k] = 1;
  let start = 0;
  return like.map((v) => {
    const size = entryCount(v);
    const part = flat.subarray(start, start + size);
    start += size;
    if (!isMat(v)) return part[0] as number;
    return part.includes(1) ? fromArray(part, v.rows, v.cols) : 0;
  });
}

/** Throws if a row (column) no member of this colour claims came out nonzero: the pattern missed an entry. */
function requireUnclaimedZero(
  fn: string,
  values: readonly Num[],
  claimed: Uint8Array,
  group: readonly number[],
  byRows: boolean,
): void {
  values.forEach((v, k) => {
    // Only a finite nonzero proves it: 0·∞ can make NaN where no dependence is.
    if (claimed[k] === 1 || typeof v !== 'number' || v === 0 || !Number.isFinite(v)) return;
    const [line, other] = byRows ? ['row', 'column'] : ['column', 'row'];
    const members = group.length > 6 ? `${group.slice(0, 6).join(', ')}, …` : group.join(', ');
    throw new Error(
      `wengert: ${fn}: f does not fit the sparsity pattern: ${line} ${k} of the Jacobian has a nonzero ` +
        `(${v}) in a ${other} of one colour (${other}s ${members}) that the pattern leaves empty there; ` +
        `use sparsity: 'detect', or a pattern of this function and this branch`,
    );
  });
}

/**
 * Decompresses: `compressed(group)` is J times the seed of one colour (a
 * column, forward) or its transpose times J (a row, reverse); each of its
 * entries belongs to the one member of the colour that the pattern puts
 * there. Entries outside the pattern stay 0. An entry no member claims
 * must come out zero, or the pattern missed a nonzero: that throws.
 *
 * @example
 * decompress('jacobian', pattern, colourColumns(pattern), false, (group) => jvpOf(group));
 */
export function decompress(
  fn: string,
  pattern: SparsityPattern,
  colouring: Colouring,
  byRows: boolean,
  compressed: (group: readonly number[]) => Num[],
): Num[][] {
  const J = Array.from({ length: pattern.rows }, () => new Array<Num>(pattern.cols).fill(0));
  const across = byRows ? pattern.byRow : pattern.byColumn;
  for (const group of colouring.groups) {
    const values = compressed(group);
    const claimed = new Uint8Array(values.length);
    for (const a of group) {
      for (const b of across[a] as readonly number[]) {
        const [i, j] = byRows ? [a, b] : [b, a];
        (J[i] as Num[])[j] = values[b] as Num;
        claimed[b] = 1;
      }
    }
    requireUnclaimedZero(fn, values, claimed, group, !byRows);
  }
  return J;
}
