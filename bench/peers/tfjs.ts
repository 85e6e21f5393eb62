/**
 * @file TensorFlow.js as a benchmark peer: loaded only in the processes that
 * measure it, on its pure-JS 'cpu' backend, in float32 (its only float type),
 * every call inside `tf.tidy` and every result disposed after reading.
 */

import type * as Tf from '@tensorflow/tfjs';

export type TfModule = typeof Tf;
export type Tensor = Tf.Tensor;

let loaded: TfModule | undefined;

/**
 * The library on the 'cpu' backend, checked: a measurement on another
 * backend (tfjs-node's native kernels, WebGL) would not be the peer we name.
 */
export async function loadTf(): Promise<TfModule> {
  if (loaded !== undefined) return loaded;
  const tf = await import('@tensorflow/tfjs');
  if (!(await tf.setBackend('cpu')))
    throw new Error("bench: tfjs could not start its 'cpu' backend");
  await tf.ready();
  if (tf.getBackend() !== 'cpu')
    throw new Error(`bench: tfjs runs on '${tf.getBackend()}', not 'cpu'`);
  loaded = tf;
  return tf;
}

/**
 * Runs `compute` inside `tf.tidy`, reads every tensor it returns back as a
 * Float32Array (checking that it is float32) and disposes them: one timed call.
 */
export function readTidy(tf: TfModule, compute: () => Tensor[]): Float32Array[] {
  const tensors = tf.tidy(compute);
  try {
    return tensors.map((t) => {
      if (t.dtype !== 'float32') throw new Error(`bench: tfjs returned ${t.dtype}, not float32`);
      return t.dataSync() as Float32Array;
    });
  } finally {
    tf.dispose(tensors);
  }
}

/** After a variant: nothing it made may still hold memory. */
export function checkNoLeaks(tf: TfModule, kept: number): void {
  const live = tf.memory().numTensors;
  if (live !== kept)
    throw new Error(`bench: tfjs holds ${live} tensors after the run, not ${kept}`);
}
