/**
 * @file jax-js as a benchmark peer: loaded only in the processes that measure
 * it, on its WebAssembly backend, in float32. Its arrays are reference
 * counted: an op consumes its arguments (`.ref` keeps one), reading an
 * array's data consumes it, and a `jit` function is disposed when done.
 */

import type * as Jax from '@jax-js/jax';

export type JaxModule = typeof Jax;
export type JaxArray = Jax.Array;

let loaded: JaxModule | undefined;

/**
 * The library with its 'wasm' device started and made the default. Node 20
 * has no Float16Array, which jax-js touches when it loads, so one is
 * provided first (no array here is float16). Node has no Web Worker either,
 * so the backend runs on one thread.
 */
export async function loadJax(): Promise<JaxModule> {
  if (loaded !== undefined) return loaded;
  const global = globalThis as { Float16Array?: unknown };
  global.Float16Array ??= Float32Array;
  const jax = await import('@jax-js/jax');
  const devices = await jax.init('wasm');
  if (!devices.includes('wasm')) throw new Error('bench: jax-js could not start its wasm backend');
  jax.defaultDevice('wasm');
  loaded = jax;
  return jax;
}

/** Reads a float32 array back to JS; like every jax-js op, this consumes the array. */
export function read(array: JaxArray): Float32Array {
  if (array.dtype !== 'float32')
    throw new Error(`bench: jax-js returned ${array.dtype}, not float32`);
  return array.dataSync() as Float32Array;
}
