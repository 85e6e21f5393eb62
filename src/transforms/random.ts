/** @file One seeded generator (mulberry32) for the checks, so every report can be reproduced. */

/** Uniform numbers in [0, 1) from a 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform numbers in [−1, 1) from a seed: random directions for gradcheck. */
export function uniformSource(seed: number): () => number {
  const random = mulberry32(seed);
  return () => 2 * random() - 1;
}
