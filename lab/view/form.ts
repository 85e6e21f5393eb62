/** @file The input form: the state's fields in and out, and each field's mistake shown under it. */

import type { LabState, Mode } from '../hash.ts';
import type { FieldErrors } from '../program.ts';
import { byId } from './dom.ts';

const FIELDS = ['f', 'at', 'dir', 'seed'] as const;

const input = (id: string) => byId<HTMLInputElement>(id);
const modes = () => [...document.querySelectorAll<HTMLInputElement>('input[name="mode"]')];

/** Puts a state's text and mode into the form. */
export function fillForm(state: LabState): void {
  for (const field of FIELDS) input(field).value = state[field];
  for (const radio of modes()) radio.checked = radio.value === state.mode;
}

/** The form's text fields and mode, as they stand. */
export function readForm(): Pick<LabState, (typeof FIELDS)[number] | 'mode'> {
  const [f, at, dir, seed] = FIELDS.map((field) => input(field).value);
  const mode: Mode = modes().find((r) => r.checked)?.value === 'forward' ? 'forward' : 'reverse';
  return { f: f ?? '', at: at ?? '', dir: dir ?? '', seed: seed ?? '', mode };
}

/**
 * Shows each field's mistake under it (a parse error keeps its caret line,
 * in a preformatted block) and marks the field invalid; clears the others.
 */
export function showErrors(errors: FieldErrors): void {
  for (const field of FIELDS) {
    const message = errors[field];
    const box = byId(`${field}-error`);
    box.hidden = message === undefined;
    // The library's messages start with 'wengert: '; here the field under which it stands says where.
    box.textContent = message?.replace(/^wengert: /, '') ?? '';
    input(field).setAttribute('aria-invalid', String(message !== undefined));
  }
}

/** Calls `typed` as the text fields change and `moded` when the mode does. */
export function watchForm(typed: () => void, moded: () => void): void {
  for (const field of FIELDS) input(field).addEventListener('input', typed);
  for (const radio of modes()) radio.addEventListener('change', moded);
  // Enter in a field must not submit the form (and reload the page).
  byId('inputs').addEventListener('submit', (event) => event.preventDefault());
}
