/** @file The computational graph, drawn by the engine's graphSvg (Graphviz in the page), with the sweep's entry highlighted. */

import { graphSvg, type WengertList } from '../../src/index.ts';
import type { Frame } from '../frame.ts';
import { make, reveal } from './dom.ts';

export interface GraphView {
  show(frame: Frame): void;
}

/** Entry index from a Graphviz node title (`w3` is entry 2); constants (`c3_1`) have none. */
const entryOf = (title: string) => (/^w\d+$/.test(title) ? Number(title.slice(1)) - 1 : undefined);

/**
 * The largest list drawn as soon as it is loaded. Graphviz lays out on the
 * page's one thread and its time grows fast with the graph (about 1 s for
 * 120 entries, 7 s for 200): a bigger list waits for the learner to ask.
 */
const DRAW_AT_ONCE = 80;

/** How many drawings were started: a drawing that finishes after a newer one started is dropped. */
let drawings = 0;

/**
 * Draws the list's graph into `container` (asynchronously: Graphviz takes
 * a moment the first time) and highlights the current entry, the entries
 * visited, and the edges the current step runs along: into the entry
 * forward, out of it back to its operands in reverse. Frames shown before
 * the drawing is ready are applied once it is.
 */
export function graphView(container: HTMLElement, list: WengertList): GraphView {
  let last: Frame | undefined;
  let nodes: { element: Element; entry: number }[] = [];
  let edges: { element: Element; head: number | undefined }[] = [];
  const drawing = ++drawings;
  container.replaceChildren();
  container.setAttribute('aria-busy', 'true');
  // Each node's and edge's class as last set, so a step touches only what it changes.
  const shown = new Map<Element, string>();
  const mark = (element: Element, state: string) => {
    if (shown.get(element) === state) return;
    shown.set(element, state);
    for (const name of ['current', 'visited', 'active'])
      element.classList.toggle(name, name === state);
  };
  const apply = (frame: Frame) => {
    const { current, visited } = frame.position;
    for (const { element, entry } of nodes) {
      mark(element, entry === current ? 'current' : visited.has(entry) ? 'visited' : '');
    }
    for (const { element, head } of edges) {
      mark(element, head !== undefined && head === current ? 'active' : '');
    }
    const target = nodes.find((n) => n.entry === current)?.element;
    if (target !== undefined) reveal(container, target);
  };
  const draw = () =>
    graphSvg(list).then(
      (svg) => {
        if (drawing !== drawings) return;
        container.innerHTML = svg;
        const svgElement = container.querySelector('svg');
        // Graphviz sizes in points (4/3 px). Its smallest text (edge labels, subscripts) is about
        // 13.3 px at its own size, so it may shrink by a tenth and stay at 12 px; a wider graph scrolls.
        const width = Number.parseFloat(svgElement?.getAttribute('width') ?? '0') * (4 / 3);
        container.classList.toggle('fit', width <= 1.1 * container.clientWidth);
        svgElement?.setAttribute('role', 'img');
        svgElement?.setAttribute(
          'aria-label',
          `The computational graph: ${list.entries.length} entries, each edge labelled with its local partial`,
        );
        const title = (e: Element) => e.querySelector('title')?.textContent ?? '';
        nodes = [...container.querySelectorAll('g.node')].flatMap((element) => {
          const entry = entryOf(title(element));
          return entry === undefined ? [] : [{ element, entry }];
        });
        edges = [...container.querySelectorAll('g.edge')].map((element) => ({
          element,
          head: entryOf(title(element).split('->')[1] ?? ''),
        }));
        container.removeAttribute('aria-busy');
        if (last !== undefined) apply(last);
      },
      (error: unknown) => {
        if (drawing !== drawings) return;
        container.removeAttribute('aria-busy');
        container.textContent = `The graph could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
      },
    );
  if (list.entries.length <= DRAW_AT_ONCE) {
    draw();
  } else {
    container.removeAttribute('aria-busy');
    const note = make(
      'p',
      'hint',
      `${list.entries.length} entries: Graphviz needs some seconds to lay out a graph this big, and the page waits meanwhile.`,
    );
    const button = make('button', '', 'Draw the graph');
    button.type = 'button';
    button.id = 'draw-graph';
    button.addEventListener('click', () => {
      container.setAttribute('aria-busy', 'true');
      note.textContent = 'Drawing…';
      button.remove();
      // Let the note paint before Graphviz takes the thread.
      setTimeout(draw, 30);
    });
    container.append(note, button);
  }
  return {
    show(frame) {
      last = frame;
      if (nodes.length > 0) apply(frame);
    },
  };
}
