/** @file The Jacobian panel: build it by columns or by rows, watch it fill, and read both ledgers and what 'auto' would do. */

import { type Cost, formatNumber, jacfwd, jacobian, jacrev, withCost } from '../../src/index.ts';
import { autoReason, type Build, type By, builder } from '../jacobian.ts';
import type { Program } from '../program.ts';
import { byId, make } from './dom.ts';

const LEDGER: readonly [keyof Cost, string][] = [
  ['forwardPasses', 'forward passes'],
  ['reverseSweeps', 'reverse sweeps'],
  ['primal', 'primal applications'],
  ['tangent', 'tangent applications'],
  ['adjoint', 'adjoint applications'],
  ['tapeEntries', 'tape entries'],
  ['peakTapeBytesInUse', 'tape bytes in use (peak)'],
  ['peakTapeBytes', 'tape capacity, bytes (peak)'],
  ['wallMs', 'time (ms)'],
];

// the one formatter's policy: counts exactly, wall time (a duration) to 3 significant digits
const count = (key: keyof Cost, cost: Cost | undefined) =>
  cost === undefined ? '' : formatNumber(cost[key], { digits: key === 'wallMs' ? 3 : 6 });

/** The rows of a table: a header row, then body rows, every cell text (the first of each row a header). */
function fillTable(
  table: HTMLTableElement,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): HTMLTableCellElement[][] {
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  for (const text of header) head.append(make('th', '', text));
  const body = table.createTBody();
  return rows.map((cells) => {
    const row = body.insertRow();
    const [first = '', ...rest] = cells;
    const th = make('th', '', first);
    th.scope = 'row';
    row.append(th);
    return rest.map((text) => {
      const td = row.insertCell();
      td.textContent = text;
      return td;
    });
  });
}

/** How far a build is, and where its last column or row came from. */
function progress({ by, done, count }: Build): string {
  const so = `${by === 'columns' ? 'Columns' : 'Rows'}: ${done} of ${count} computed`;
  if (done === 0) return by === 'rows' ? `${so} (f recorded once).` : `${so}.`;
  const source = by === 'columns' ? `forward pass ${done}` : `reverse sweep ${done}`;
  return `${so}; ${by === 'columns' ? 'column' : 'row'} ${done} came from ${source}, seeded with e${done}.`;
}

/**
 * Wires the panel. `report` receives the rows (null where not computed)
 * after each step of a build, for data-result. `reset` shows a new
 * program: its whole Jacobian's ledger both ways, and 'auto''s choice.
 */
export function jacobianView(report: (rows: Build['rows']) => void): {
  reset(program: Program | undefined): void;
} {
  let program: Program | undefined;
  let build: Build | undefined;
  let next: ((b: Build) => Build) | undefined;
  let whole: { forward: Cost; reverse: Cost } | undefined;
  const nextButton = byId('jacobian-next');
  const allButton = byId('jacobian-all');

  const render = () => {
    const matrix = byId<HTMLTableElement>('jacobian');
    const ledgers = byId<HTMLTableElement>('ledgers');
    const names = program?.f.variables ?? [];
    const outputs = program?.f.expressions ?? [];
    const filled = build === undefined ? -1 : build.done - 1;
    const cells = fillTable(
      matrix,
      ['', ...names.map((v) => `∂/∂${v}`)],
      outputs.map((e, i) => [
        `y${i + 1} = ${e}`,
        ...names.map((_, j) => {
          const v = build?.rows[i]?.[j];
          return v === null || v === undefined ? '·' : formatNumber(v);
        }),
      ]),
    );
    // The column or row just computed is bold and marked •, not only coloured.
    cells.forEach((row, i) => {
      row.forEach((cell, j) => {
        const fresh = build !== undefined && (build.by === 'columns' ? j : i) === filled;
        cell.classList.toggle('fresh', fresh);
        if (fresh) cell.textContent = `• ${cell.textContent}`;
      });
    });
    fillTable(
      ledgers,
      [
        '',
        'jacfwd (whole)',
        'jacrev (whole)',
        build === undefined ? 'this build' : `this build, by ${build.by}`,
      ],
      LEDGER.map(([key, label]) => [
        label,
        count(key, whole?.forward),
        count(key, whole?.reverse),
        count(key, build?.cost),
      ]),
    );
    // aria-disabled, not disabled, so a keyboard user pressing Next to the end keeps the focus.
    const done = String(build === undefined || build.done >= build.count);
    nextButton.setAttribute('aria-disabled', done);
    allButton.setAttribute('aria-disabled', done);
    nextButton.textContent = build?.by === 'rows' ? 'Next row' : 'Next column';
    byId('jacobian-status').textContent = build === undefined ? '' : progress(build);
    if (build !== undefined) report(build.rows);
  };

  const start = (by: By) => {
    if (program === undefined) return;
    const made = builder(program.f, program.x, program.list.outputs.length, by);
    build = made.start;
    next = made.next;
    render();
  };
  const step = (all: boolean) => {
    if (build === undefined || next === undefined) return;
    do build = next(build);
    while (all && build.done < build.count);
    render();
  };
  byId('by-columns').addEventListener('click', () => start('columns'));
  byId('by-rows').addEventListener('click', () => start('rows'));
  nextButton.addEventListener('click', () => step(false));
  allButton.addEventListener('click', () => step(true));

  return {
    reset(shown) {
      program = shown;
      build = undefined;
      next = undefined;
      whole = undefined;
      const auto = byId('auto');
      auto.textContent = '';
      if (shown !== undefined) {
        const { f, x } = shown;
        whole = {
          forward: withCost(() => jacfwd(f)([...x])).cost,
          reverse: withCost(() => jacrev(f)([...x])).cost,
        };
        const chosen =
          withCost(() => jacobian(f, { mode: 'auto' })([...x])).cost.reverseSweeps > 0
            ? 'reverse'
            : 'forward';
        auto.textContent = autoReason(x.length, f.expressions.length, chosen);
      }
      render();
    },
  };
}
