/** @file Reading the CLI's values: points like x=2,y=3, lists like 1,0, and one-word choices. */

/** A mistake in how the CLI was called: printed as one line, exit code 2. */
export class UsageError extends Error {}

/**
 * A finite number. The CLI works at finite points: NaN, Infinity and
 * literals that overflow to it (1e400) are refused, though the library
 * itself follows IEEE 754 and would compute with them.
 */
function number(text: string, flag: string, name?: string): number {
  const t = text.trim();
  const value = Number(t);
  const of = name === undefined ? '' : ` (${name})`;
  if (t === '' || (Number.isNaN(value) && t !== 'NaN')) {
    throw new UsageError(`${flag}: '${text}' is not a number${of}`);
  }
  if (!Number.isFinite(value)) {
    const why = /^[-+]?(Infinity|NaN)$/.test(t) ? 'is not finite' : `overflows to ${value}`;
    throw new UsageError(`${flag}: '${t}' ${why}${of}; the CLI works at finite points only`);
  }
  return value;
}

/**
 * Values for the variables from `x=2,y=3` (any order, every variable once)
 * or `2,3` (in the variables' order).
 */
export function readPoint(text: string, variables: readonly string[], flag: string): number[] {
  const parts = text.split(',');
  if (!parts.some((p) => p.includes('='))) {
    if (parts.length !== variables.length) {
      throw new UsageError(
        `${flag}: expected ${variables.length} value${variables.length === 1 ? '' : 's'} for ` +
          `${variables.join(', ')}, got ${parts.length}`,
      );
    }
    return parts.map((p, i) => number(p, flag, variables[i]));
  }
  const values = new Map<string, number>();
  for (const part of parts) {
    const [name, value, extra] = part.split('=');
    if (name === undefined || value === undefined || extra !== undefined) {
      throw new UsageError(`${flag}: '${part}' should look like name=value`);
    }
    const key = name.trim();
    if (!variables.includes(key)) {
      throw new UsageError(
        `${flag}: '${key}' is not a variable of the expression (${variables.join(', ') || 'none'})`,
      );
    }
    const given = values.get(key);
    if (given !== undefined) {
      throw new UsageError(
        `${flag}: '${key}' is given twice (${key}=${given} and ${key}=${value})`,
      );
    }
    values.set(key, number(value, flag, key));
  }
  return variables.map((name) => {
    const value = values.get(name);
    if (value === undefined) throw new UsageError(`${flag}: no value for '${name}'`);
    return value;
  });
}

/** A comma-separated list of exactly `length` numbers. */
export function readList(text: string, length: number, flag: string): number[] {
  const values = text.split(',').map((p) => number(p, flag));
  if (values.length !== length) {
    throw new UsageError(
      `${flag}: expected ${length} value${length === 1 ? '' : 's'}, got ${values.length}`,
    );
  }
  return values;
}

/** One of a fixed set of words. */
export function readChoice<T extends string>(
  text: string | undefined,
  choices: readonly T[],
  fallback: T,
  flag: string,
): T {
  if (text === undefined) return fallback;
  if (!(choices as readonly string[]).includes(text)) {
    throw new UsageError(`${flag} must be one of ${choices.join(', ')}; got '${text}'`);
  }
  return text as T;
}
