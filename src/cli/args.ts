/** @file Reading the CLI's values: points like x=2,y=3, lists like 1,0, and one-word choices. */

/** A mistake in how the CLI was called: printed as one line, exit code 2. */
export class UsageError extends Error {}

function number(text: string, flag: string): number {
  const value = Number(text.trim());
  if (text.trim() === '' || Number.isNaN(value)) {
    throw new UsageError(`${flag}: '${text}' is not a number`);
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
    return parts.map((p) => number(p, flag));
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
    if (values.has(key)) throw new UsageError(`${flag}: '${key}' is given twice`);
    values.set(key, number(value, flag));
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
