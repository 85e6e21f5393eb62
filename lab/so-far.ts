/** @file The reverse sweep part-way, and the `=` bug, each as a Wengert list the engine's own sweep runs over. */

import type { Operand, WengertList } from '../src/index.ts';

/** What a cut use becomes: a constant, which the sweep sends nothing to (its value is never read). */
const CUT: Operand = { kind: 'constant', value: 0 };

/**
 * The list as the reverse sweep has seen it after visiting `visited`:
 * every use by an entry not yet visited is cut (its operand turned into a
 * constant, which sends no adjoint). The engine's reverseSweep over it
 * then gives each adjoint as it stands at this step, the running sum of
 * the contributions that have arrived, added in the order they arrived.
 *
 * With `assign`, each `+=` is replaced by `=` (the classic bug): of the
 * uses of a value only the one the sweep reaches last is kept (the
 * earliest user, its last operand slot), since each `=` overwrites the
 * one before; an output whose adjoint received a contribution loses its
 * seed, which that first `=` overwrote.
 *
 * @example
 * // x·x at x = 3: both uses are kept with +=, one with =
 * reverseSweep(reached(trace(f, 3), new Set([1]), false), [1]).adjoints[0]; // 6
 * reverseSweep(reached(trace(f, 3), new Set([1]), true), [1]).adjoints[0]; // 3
 */
export function reached(
  list: WengertList,
  visited: ReadonlySet<number>,
  assign: boolean,
): WengertList {
  // Uses by visited entries, in the order the reverse sweep makes them: last entry first,
  // operand slots in order; `last` keeps, per receiver, the use that arrives last.
  const kept = new Set<string>();
  const last = new Map<number, string>();
  for (let user = list.entries.length - 1; user >= 0; user--) {
    if (!visited.has(user)) continue;
    (list.entries[user]?.operands ?? []).forEach((operand, slot) => {
      if (operand.kind !== 'entry') return;
      kept.add(`${user}:${slot}`);
      last.set(operand.index, `${user}:${slot}`);
    });
  }
  const keeps = assign ? new Set(last.values()) : kept;
  const entries = list.entries.map((entry) => ({
    ...entry,
    operands: entry.operands.map((operand, slot) =>
      operand.kind === 'entry' && !keeps.has(`${entry.index}:${slot}`) ? CUT : operand,
    ),
  }));
  const outputs = list.outputs.map((output) =>
    assign && output.kind === 'entry' && last.has(output.index) ? CUT : output,
  );
  return { ...list, entries, outputs };
}
