/** @file The step buttons, their keys, and play/pause. */

import type { Move } from '../stepper.ts';
import { byId } from './dom.ts';

/** How long play shows each step. */
const PLAY_MS = 900;

/** Keys that step, as aria-keyshortcuts announces them on the buttons. */
const KEYS: Readonly<Record<string, Move>> = {
  ArrowRight: 'next',
  ArrowLeft: 'back',
  Home: 'start',
  End: 'end',
};

/** Whether a key press belongs to the element it happened in (typing, or a button's own Space). */
function ownKey(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (target === null) return false;
  if (target.closest('input, textarea, select, [contenteditable="true"]') !== null) return true;
  return event.key === ' ' && target.closest('button') !== null;
}

/**
 * Wires the buttons and keys to `move`. Play steps forward every
 * PLAY_MS until the end (from the start again if it is already there);
 * any other move pauses it. Returns `pause`, for when the function changes.
 */
export function watchControls(move: (m: Move) => void, atEnd: () => boolean): () => void {
  const play = byId('play');
  let timer: ReturnType<typeof setInterval> | undefined;
  const pause = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
    play.setAttribute('aria-pressed', 'false');
    play.textContent = 'Play ▶';
  };
  const toggle = () => {
    if (timer !== undefined) return pause();
    if (atEnd()) move('start');
    play.setAttribute('aria-pressed', 'true');
    play.textContent = 'Pause ‖';
    timer = setInterval(() => {
      move('next');
      if (atEnd()) pause();
    }, PLAY_MS);
  };
  const step = (m: Move) => {
    pause();
    move(m);
  };
  for (const m of ['start', 'back', 'next', 'end'] as const) {
    byId(m).addEventListener('click', () => step(m));
  }
  play.addEventListener('click', toggle);
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || ownKey(event)) return;
    const m = KEYS[event.key];
    if (m !== undefined) step(m);
    else if (event.key === ' ') toggle();
    else return;
    event.preventDefault();
  });
  return pause;
}
