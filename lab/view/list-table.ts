/** @file The Wengert list as a table: one row per entry, its tangent or adjoint column filled in as the sweep goes. */

import { formatNumber, primalTable, type WengertList } from '../../src/index.ts';
import type { Frame } from '../frame.ts';
import type { Mode } from '../hash.ts';
import { make } from './dom.ts';

/** The table's rows and the cells a step changes. */
export interface ListTable {
  /** Shows a frame: values so far, the current row, and (with `=`) the bug's column. */
  show(frame: Frame): void;
}

const HEADERS = { forward: 'tangent ẇ', reverse: 'adjoint w̄' } as const;

/**
 * Fills `table` with the list's entries (name, operation, value,
 * as the engine's primalTable writes them in text) and a column for the
 * sweep in `mode`; with `assign`, one more for the `=` bug.
 */
export function listTable(
  table: HTMLTableElement,
  list: WengertList,
  mode: Mode,
  assign: boolean,
): ListTable {
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  const headers = ['', 'name', 'operation', 'value', HEADERS[mode]];
  if (assign && mode === 'reverse') headers.push('with =');
  for (const text of headers) head.append(make('th', '', text));
  const body = table.createTBody();
  const rows = primalTable(list).rows.map((cells) => {
    const row = body.insertRow();
    const marker = row.insertCell();
    marker.className = 'marker';
    // The step number column is left out: the name (w3) already numbers the entry.
    for (const c of cells.slice(1)) row.insertCell().textContent = c.text;
    const sweep = row.insertCell();
    sweep.className = 'sweep';
    const bug = assign && mode === 'reverse' ? row.insertCell() : undefined;
    return { row, marker, sweep, bug };
  });
  // Outputs say so in their name cell: y1 = w6.
  list.outputs.forEach((o, i) => {
    const name = o.kind === 'entry' ? rows[o.index]?.row.cells[1] : undefined;
    if (name !== undefined) name.textContent += ` = y${list.isArray ? i + 1 : ''}`;
  });
  // What each row shows, so a step rewrites only the rows it changes (a 200-entry list stays instant).
  const shown = rows.map(() => '');
  return {
    show(frame) {
      const { current, visited } = frame.position;
      rows.forEach(({ row, marker, sweep, bug }, k) => {
        const value = frame.values[k];
        const isCurrent = k === current;
        const arrived = frame.receivers.has(k);
        const wrong = frame.assigned?.[k] ?? 0;
        const state = `${isCurrent}${visited.has(k)}${arrived}${value}${wrong}`;
        if (shown[k] === state) return;
        shown[k] = state;
        row.classList.toggle('current', isCurrent);
        row.classList.toggle('visited', visited.has(k) && !isCurrent);
        // Meaning in text too, not only in colour: ▶ the current entry, ✓ one already visited.
        marker.textContent = isCurrent ? '▶' : visited.has(k) ? '✓' : '';
        sweep.textContent = value === undefined ? '·' : formatNumber(value);
        if (arrived) sweep.append(make('span', 'badge', '+=')); // received at this step
        sweep.classList.toggle('arrived', arrived);
        if (bug !== undefined) {
          const differs = wrong !== (value ?? 0);
          bug.textContent = `${differs ? '✗ ' : ''}${formatNumber(wrong)}`;
          bug.classList.toggle('differs', differs);
        }
      });
    },
  };
}
