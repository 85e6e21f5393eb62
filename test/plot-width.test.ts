/**
 * @file Every figure fits the theme's width, whatever the data: a figure one
 * pixel wider than WIDTH is shrunk on a phone until its 14 px text shows
 * below 12 px (scripts/plot/theme.ts).
 */

import { describe, expect, it } from 'vitest';
import { barChart } from '../scripts/plot/bar.ts';
import { linePlot } from '../scripts/plot/line.ts';
import { declaredWidth, fitWidth } from '../scripts/plot/render.ts';
import { WIDTH } from '../scripts/plot/theme.ts';
import { mulberry32 } from '../src/transforms/random.ts';

const OUTPUTS = [1, 2, 4, 8, 16, 32, 64, 128, 256];

describe('figure width', () => {
  it('a timing plot with a crossover marker is at most WIDTH for 40 noisy runs', async () => {
    // Shaped like chapter 5's measured times: the tick labels and the marker's text move with the
    // data, so the room they take changes as the plot is narrowed (one correction was 1 to 7 px
    // too wide on 10 of these).
    const random = mulberry32(7);
    const widths: number[] = [];
    for (let run = 0; run < 40; run++) {
      const noisy = (scale: (m: number) => number) =>
        OUTPUTS.map((m): [number, number] => [m, scale(m) * (0.5 + random())]);
      const at = OUTPUTS[Math.floor(random() * OUTPUTS.length)] ?? 8;
      const svg = await linePlot({
        title: 'Measured time of the whole Jacobian, n = 8',
        panels: [
          {
            x: { label: 'm, the number of outputs', log: true },
            y: { label: 'milliseconds (median of 9)', log: true },
            series: [
              { name: 'forward mode (jacfwd)', points: noisy((m) => 0.01 * m) },
              { name: 'reverse mode (jacrev)', points: noisy(() => 0.4), dashed: true },
            ],
            marker: { x: at, label: `forward ahead from m = ${at}` },
          },
        ],
      });
      widths.push(declaredWidth(svg));
    }
    expect(Math.max(...widths)).toBeLessThanOrEqual(WIDTH);
    // Not shrunk to nothing either: the plot uses the room it has.
    expect(Math.min(...widths)).toBeGreaterThan(WIDTH - 16);
  }, 60_000);

  it('fitWidth narrows until the figure fits, when the labels take more room at another width', async () => {
    // Labels that take 100 px, and 109 px once the plot is 314 px or wider (a tick label that
    // appears): from 310 (410 px) one correction widens the plot to 316 and lands at 425.
    const draw = async (plot: number) =>
      `<svg width="${plot + (plot < 314 ? 100 : 109)}" height="10"></svg>`;
    const svg = await fitWidth(draw, 310);
    expect(declaredWidth(svg)).toBeLessThanOrEqual(WIDTH);
    expect(declaredWidth(svg)).toBeGreaterThan(WIDTH - 16);
    await expect(fitWidth(async () => '<svg width="500"></svg>', 300)).rejects.toThrow(
      'a figure stays 500 px wide after narrowing',
    );
  });

  it('a bar chart with its values written past the bars is at most WIDTH', async () => {
    const random = mulberry32(11);
    for (let run = 0; run < 10; run++) {
      const bars = ['plain JS', 'hand-written', 'wengert', 'jax-js', 'tfjs'].map((label) => {
        const value = 1 + 300 * random() ** 2;
        return { label, value, text: `${value.toFixed(2)}x` };
      });
      const svg = await barChart('One training step', 'times the plain-JS step', bars);
      expect(declaredWidth(svg)).toBeLessThanOrEqual(WIDTH);
    }
  }, 60_000);
});
