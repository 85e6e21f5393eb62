/** @file The lab page: reads the state from the URL hash, loads the program into the engine, and keeps every view on the same step. */

import { type Frame, frame, resultText } from './frame.ts';
import { type LabState, readHash, writeHash } from './hash.ts';
import { loadProgram, type Program } from './program.ts';
import { type Move, moves, position } from './stepper.ts';
import { watchControls } from './view/controls.ts';
import { byId, renderTex } from './view/dom.ts';
import { watchExplorer } from './view/explorer.ts';
import { fillForm, readForm, showErrors, watchForm } from './view/form.ts';
import { type GraphView, graphView } from './view/graph.ts';
import { jacobianView } from './view/jacobian.ts';
import { type ListTable, listTable } from './view/list-table.ts';
import { type SourceView, sourceView } from './view/source.ts';
import { showStep } from './view/step-panel.ts';

/** How long typing may pause before the lab reads the fields again. */
const TYPING_MS = 250;
/** How long the hash waits for the steps to settle. */
const HASH_MS = 200;

let state: LabState = readHash(window.location.hash);
let program: Program | undefined;
let views: { table: ListTable; graph: GraphView; source: SourceView } | undefined;
let current: Frame | undefined;

const assign = () => byId<HTMLInputElement>('assign').checked;

/**
 * The hash follows the state without adding a history entry per step, and
 * a moment later: browsers make replaceState slow (and throttle it) when
 * called on every step of a quick run through a long list.
 */
let writing: ReturnType<typeof setTimeout> | undefined;
function writeState(): void {
  clearTimeout(writing);
  writing = setTimeout(() => {
    const hash = writeHash(state);
    if (hash !== window.location.hash) window.history.replaceState(null, '', hash);
  }, HASH_MS);
}

/** Shows the step the state names in every view. */
function show(): void {
  if (program === undefined || views === undefined) return;
  current = frame(program, state.mode, state.step, assign());
  const { step, total } = current.position;
  state = { ...state, step: step === total && total > 0 ? 'end' : step };
  views.table.show(current);
  views.graph.show(current);
  views.source.show(current);
  showStep(current);
  writeState();
}

/** The views that depend on the mode (the table's sweep column, the generated program). */
function modeViews(p: Program): void {
  const inputs = p.list.entries.filter((e) => e.op === 'input').map((e) => e.index);
  const table = listTable(byId<HTMLTableElement>('list'), p.list, state.mode, assign());
  const source = sourceView(byId('source'), byId('source-title'), p.f, p.x, state.mode, inputs);
  byId('assign-toggle').hidden = state.mode !== 'reverse';
  views = { table, source, graph: views?.graph ?? graphView(byId('graph'), p.list) };
}

const jacobian = jacobianView((rows) => {
  const result = byId('result');
  result.dataset.result = JSON.stringify(rows);
  result.dataset.kind = 'jacobian';
  result.textContent = `Jacobian rows ${resultText(rows)}`;
});

/** Reads the state's function, point and seeds into the engine and shows them, or shows what is wrong. */
function load(): void {
  const loaded = loadProgram(state);
  showErrors(loaded.ok ? {} : loaded.errors);
  document.body.classList.toggle('stale', !loaded.ok);
  if (!loaded.ok) {
    pause();
    byId('announce').textContent =
      program === undefined
        ? 'Fix the field marked above to start.'
        : 'Fix the field marked above; until then the lab shows the last function that worked.';
    return;
  }
  program = loaded.program;
  views = undefined;
  modeViews(program);
  jacobian.reset(program);
  show();
}

const pause = watchControls(
  (m: Move) => {
    if (program === undefined) return;
    state = { ...state, step: moves[m](position(program.list, state.mode, state.step)) };
    show();
  },
  () => current !== undefined && current.position.step === current.position.total,
);

let typing: ReturnType<typeof setTimeout> | undefined;
watchForm(
  () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      pause();
      state = { ...state, ...readForm(), step: 0 };
      load();
    }, TYPING_MS);
  },
  () => {
    pause();
    state = { ...state, mode: readForm().mode, step: 0 };
    if (program !== undefined) modeViews(program);
    show();
  },
);
byId('assign').addEventListener('change', () => {
  if (program !== undefined) modeViews(program);
  show();
});
// A link with another hash pasted into this tab, or the back button: start over from it.
window.addEventListener('hashchange', () => {
  if (window.location.hash === writeHash(state)) return;
  pause();
  state = readHash(window.location.hash);
  fillForm(state);
  load();
});
for (const element of document.querySelectorAll<HTMLElement>('.tex[data-tex]')) {
  renderTex(element, element.dataset.tex ?? '');
}
watchExplorer();
fillForm(state);
load();
document.body.dataset.ready = 'true';
