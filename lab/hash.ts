/** @file The lab's state in the URL hash: `#f=...&at=...&dir=...&seed=...&mode=...&step=...`, read leniently and written back. */

export type Mode = 'forward' | 'reverse';

/** What a link can prepare: the function, its point and seeds as typed, the mode, and the step reached. */
export interface LabState {
  /** The expression(s), several outputs separated by `;`. */
  readonly f: string;
  /** The point, as the CLI's `--at` reads it: `x=2,y=3` or `2,3`. */
  readonly at: string;
  /** The tangent direction ẋ for the forward sweep (`1,0`); empty means e₁. */
  readonly dir: string;
  /** The output seed ȳ for the reverse sweep (`1` or `0,1`); empty means e₁. */
  readonly seed: string;
  readonly mode: Mode;
  /** Sweep steps taken: a count, or the end of the sweep. */
  readonly step: number | 'end';
}

/** The example the lab opens with: chapter 3's f(x, y) = 5x² − xy at (2, 3). */
export const DEFAULT_STATE: LabState = {
  f: '5*x^2 - x*y',
  at: 'x=2,y=3',
  dir: '',
  seed: '',
  mode: 'reverse',
  step: 0,
};

/** decodeURIComponent, keeping text that is not valid percent-encoding as it is. */
function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Reads a hash. Keys missing or unreadable take the default, unknown keys
 * are ignored. Values are percent-decoded but a `+` stays a `+` (it is
 * addition in an expression, not a space as in a form's query string).
 * A new `f` without an `at` keeps the default point's text, which the page
 * then reports if it does not fit the new variables.
 *
 * @example
 * readHash('#f=x*x&at=3&mode=forward&step=end'); // { f: 'x*x', at: '3', ..., step: 'end' }
 */
export function readHash(hash: string): LabState {
  const values = new Map<string, string>();
  for (const pair of hash.replace(/^#/, '').split('&')) {
    const split = pair.indexOf('=');
    if (split <= 0) continue;
    values.set(pair.slice(0, split), decode(pair.slice(split + 1)));
  }
  const text = (key: 'f' | 'at' | 'dir' | 'seed') => values.get(key) ?? DEFAULT_STATE[key];
  const mode = values.get('mode');
  const step = values.get('step');
  return {
    f: text('f'),
    at: text('at'),
    dir: text('dir'),
    seed: text('seed'),
    mode: mode === 'forward' || mode === 'reverse' ? mode : DEFAULT_STATE.mode,
    step: step === 'end' ? 'end' : /^\d+$/.test(step ?? '') ? Number(step) : DEFAULT_STATE.step,
  };
}

/**
 * The hash for a state, every value percent-encoded; empty seeds are left
 * out so links stay short.
 *
 * @example
 * writeHash({ ...DEFAULT_STATE, step: 'end' }); // '#f=5*x%5E2%20-%20x*y&at=x%3D2%2Cy%3D3&mode=reverse&step=end'
 */
export function writeHash(state: LabState): string {
  const pairs: [string, string][] = [
    ['f', state.f],
    ['at', state.at],
    ['dir', state.dir],
    ['seed', state.seed],
    ['mode', state.mode],
    ['step', String(state.step)],
  ];
  return `#${pairs
    .filter(([key, value]) => value !== '' || key === 'f')
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&')}`;
}
