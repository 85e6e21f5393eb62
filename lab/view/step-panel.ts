/** @file What the current step says: its formulas in KaTeX, its words for the aria-live region, the counter, and data-result. */

import { type Frame, resultText } from '../frame.ts';
import { byId, make, renderTex } from './dom.ts';

/** Shows a frame's formulas, words and result, and marks the step buttons that cannot move. */
export function showStep(frame: Frame): void {
  const { step, total } = frame.position;
  byId('counter').textContent = `step ${step} of ${total}`;
  byId('announce').textContent = frame.words;
  const result = byId('result');
  result.dataset.result = JSON.stringify(frame.result);
  result.dataset.kind = frame.position.mode;
  result.textContent = `${frame.position.mode === 'forward' ? 'output tangent' : 'input adjoints'} ${resultText(frame.result)}`;
  const rule = byId('rule');
  rule.replaceChildren(
    ...frame.lines.map((latex) => {
      const line = make('div', 'formula');
      renderTex(line, latex, true);
      return line;
    }),
  );
  // aria-disabled rather than disabled: a disabled button loses the focus, and a keyboard user
  // who pressed Next to the end would be thrown back to the top of the page.
  for (const id of ['start', 'back']) byId(id).setAttribute('aria-disabled', String(step === 0));
  for (const id of ['next', 'end']) byId(id).setAttribute('aria-disabled', String(step === total));
}
