/**
 * @file Log-axis ticks a reader can use: powers of two for doubling data,
 * 1-2-5 steps or decades otherwise, an axis that ends where the data ends,
 * and labels written as numbers (0.01, 1,000) or 10ⁿ, never 1e-2.
 */

export interface LogAxis {
  /** The axis runs from domain[0] to domain[1]. */
  readonly domain: readonly [number, number];
  readonly values: readonly number[];
  readonly labels: readonly string[];
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

const plain = (v: number) => v >= 1e-3 && v <= 1e5;

/** A tick's text: a plain number (0.001 to 100,000), or 10ⁿ when `powers`. */
function tickLabel(v: number, powers: boolean): string {
  if (!powers) return Number(v.toPrecision(6)).toLocaleString('en-US');
  const e = Math.round(Math.log10(v));
  const digits = [...String(Math.abs(e))].map((d) => SUPERSCRIPT[Number(d)]).join('');
  return `10${e < 0 ? '⁻' : ''}${digits}`;
}

/** One style per axis: plain numbers if every tick has a short one, else powers of ten. */
const labels = (values: readonly number[]) => values.map((v) => tickLabel(v, !values.every(plain)));

const isPowerOfTwo = (v: number) => Number.isInteger(Math.log2(v));

/** Powers of two from lo to hi (the data's own ends), at most seven labels. */
function binary(lo: number, hi: number): number[] {
  const all: number[] = [];
  for (let e = Math.log2(lo); e <= Math.log2(hi); e++) all.push(2 ** e);
  // Every k-th power, preferring a k that lands on both ends.
  const gaps = all.length - 1;
  // At most five or six labels: "1,024" and "4,096" need room on a 340-pixel axis.
  let k = Math.max(1, Math.ceil(gaps / 5));
  while (gaps % k !== 0 && k < Math.ceil(gaps / 3)) k++;
  return all.filter((_, i) => (gaps - i) % k === 0);
}

/** 1, 2 and 5 times each power of ten within [lo, hi]. */
function steps125(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++)
    for (const m of [1, 2, 5]) {
      const v = Number((m * 10 ** e).toPrecision(6));
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) out.push(v);
    }
  return out;
}

/**
 * The ticks of a log axis over these positive values. Doubling data (all
 * powers of two) gets powers of two and ends at its own ends; other data
 * ends at the 1-2-5 step (or, over more than two decades, the power of ten)
 * just beyond it, so both ends carry a label. Over many decades at most
 * `most` are labelled, every second or third: a vertical axis has room
 * for more labels than a horizontal one, and every decade labelled keeps
 * the axis from running a decade past the data to land on a labelled one.
 *
 * @example
 * logAxis([3e-11, 0.15]).domain;     // → [1e-11, 10]: every second decade, from 10⁻¹¹
 * logAxis([3e-11, 0.15], 12).domain; // → [1e-11, 1]: every decade
 */
export function logAxis(data: readonly number[], most = 7): LogAxis {
  const lo = Math.min(...data);
  const hi = Math.max(...data);
  if (data.every(isPowerOfTwo)) {
    const values = binary(lo, hi);
    return { domain: [lo, hi], values, labels: labels(values) };
  }
  if (Math.log10(hi / lo) > 2) {
    // Decades, every k-th so that at most `most` are labelled; the axis ends on one.
    const first = Math.floor(Math.log10(lo));
    const k = Math.ceil((Math.ceil(Math.log10(hi)) - first + 1) / most);
    const last = first + k * Math.ceil((Math.ceil(Math.log10(hi)) - first) / k);
    const values: number[] = [];
    for (let e = first; e <= last; e += k) values.push(Number((10 ** e).toPrecision(6)));
    return { domain: [10 ** first, 10 ** last], values, labels: labels(values) };
  }
  const candidates = steps125(lo / 10, hi * 10);
  const below = candidates.filter((v) => v <= lo).at(-1) ?? lo;
  const above = candidates.find((v) => v >= hi) ?? hi;
  const values = candidates.filter((v) => v >= below && v <= above);
  return { domain: [below, above], values, labels: labels(values) };
}
