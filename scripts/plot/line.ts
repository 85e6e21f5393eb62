/**
 * @file Line plots, one panel or several stacked, over linear or log axes:
 * a variant keeps one colour in every panel, and one legend names them.
 */

import type { TopLevelSpec } from 'vega-lite';
import { fitWidth, render, wrap } from './render.ts';
import { colours, FONT, HEIGHT, WIDTH } from './theme.ts';
import { logAxis } from './ticks.ts';

export interface Axis {
  readonly label: string;
  /** Logarithmic; points that are not positive are left out. */
  readonly log?: boolean;
}

/** One line: its name in the legend (and its colour), its points. */
export interface Series {
  readonly name: string;
  readonly points: readonly (readonly [number, number])[];
  /** Drawn dashed; what dashes mean is said by the plot's `dashed` text. */
  readonly dashed?: boolean;
}

export interface Panel {
  /** A panel's heading, when there are several. */
  readonly title?: string;
  readonly x: Axis;
  readonly y: Axis;
  readonly series: readonly Series[];
  /** A vertical line with a label, e.g. where two series cross. */
  readonly marker?: { readonly x: number; readonly label: string };
}

export interface LinePlot {
  /** Plain words; maths belongs in the text around the figure. */
  readonly title: string;
  readonly panels: readonly Panel[];
  /** A sentence under the title on how the numbers were taken, and what dashes mean. */
  readonly note?: string;
}

/** Characters per line of the title and of the note (see the measure in render.ts). */
const TITLE_CHARS = Math.floor((WIDTH - 16) / (0.66 * FONT.title));
const NOTE_CHARS = Math.floor((WIDTH - 16) / (0.6 * FONT.text));

type Point = { x: number; y: number; name: string; dashed: boolean };

/** Labels a log axis may carry: a vertical one has room for one every 25 px, a horizontal one for 7. */
const MOST_LABELS = { x: 7, y: Math.floor(HEIGHT / 25) };

function scale(axis: Axis, values: readonly number[], most: number) {
  if (axis.log !== true)
    return {
      scale: { zero: false, nice: true },
      axis: { labelExpr: "format(datum.value, ',~g')" },
    };
  const { domain, values: ticks, labels } = logAxis(values, most);
  return {
    scale: { type: 'log', domain, nice: false },
    axis: {
      values: ticks,
      labelExpr: `${JSON.stringify(labels)}[indexof(${JSON.stringify(ticks)}, datum.value)]`,
      // The ticks are few and chosen (ticks.ts); vega's overlap test, on estimated widths, would drop the last.
      labelOverlap: false,
      grid: true,
    },
  };
}

function panelSpec(panel: Panel, names: readonly string[], width: number) {
  const usable = (axis: Axis, v: number) => Number.isFinite(v) && (axis.log !== true || v > 0);
  const points: Point[] = panel.series.flatMap((s) =>
    s.points
      .filter(([x, y]) => usable(panel.x, x) && usable(panel.y, y))
      .map(([x, y]) => ({ x, y, name: s.name, dashed: s.dashed === true })),
  );
  const x = scale(
    panel.x,
    points.map((p) => p.x),
    MOST_LABELS.x,
  );
  const y = scale(
    panel.y,
    points.map((p) => p.y),
    MOST_LABELS.y,
  );
  const lines = {
    // Dots where there are few points (each one a measurement); a bare line for a long curve.
    mark: {
      type: 'line',
      point: points.length <= 60 * Math.max(1, panel.series.length),
      clip: true,
    },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: panel.x.label, ...x },
      y: { field: 'y', type: 'quantitative', title: wrap(panel.y.label, 26), ...y },
      color: {
        field: 'name',
        type: 'nominal',
        title: null,
        scale: { domain: names, range: colours(names) },
        sort: names,
      },
      strokeDash: {
        field: 'dashed',
        type: 'nominal',
        scale: {
          domain: [false, true],
          range: [
            [1, 0],
            [6, 4],
          ],
        },
        legend: null,
      },
    },
  };
  const marker =
    panel.marker === undefined
      ? []
      : [
          {
            data: { values: [panel.marker] },
            mark: { type: 'rule', color: '#555', strokeDash: [3, 3] },
            encoding: { x: { field: 'x', type: 'quantitative' } },
          },
          {
            data: { values: [panel.marker] },
            mark: { type: 'text', dy: -8, fontSize: FONT.text, color: '#333', baseline: 'bottom' },
            encoding: {
              x: { field: 'x', type: 'quantitative' },
              y: { value: 0 },
              text: { field: 'label' },
            },
          },
        ];
  return {
    ...(panel.title === undefined ? {} : { title: { text: panel.title, fontSize: FONT.text } }),
    width,
    height: HEIGHT * (panel.title === undefined ? 1 : 0.8),
    data: { values: points },
    layer: [lines, ...marker],
  };
}

/**
 * The panels as one SVG document, stacked (a phone has no room beside),
 * with one legend under them.
 *
 * @example
 * await linePlot({ title: 'Error against the step', panels: [{ x: { label: 'h', log: true },
 *   y: { label: 'error', log: true }, series: [{ name: 'central', points: [[1e-3, 1e-7], [1e-2, 1e-5]] }] }] });
 */
export async function linePlot({ title, panels, note }: LinePlot): Promise<string> {
  const names = [...new Set(panels.flatMap((p) => p.series.map((s) => s.name)))];
  const heading = {
    text: wrap(title, TITLE_CHARS),
    ...(note === undefined
      ? {}
      : { subtitle: wrap(note, NOTE_CHARS), subtitleFontSize: FONT.text }),
  };
  const draw = (width: number) => {
    const specs = panels.map((p) => panelSpec(p, names, width));
    const body = specs.length === 1 ? (specs[0] as object) : { vconcat: specs, spacing: 28 };
    return render({
      title: heading,
      ...body,
      resolve: { scale: { color: 'shared' } },
    } as TopLevelSpec);
  };
  // The axes' labels take what room they need, which fitWidth learns by drawing.
  return fitWidth(draw, WIDTH - 100);
}
