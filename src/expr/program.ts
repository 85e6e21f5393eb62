/** @file A parsed expression as a postfix program, and the stack machine that runs it on any Num. */

import type { Num } from '../core/value.ts';
import type { BinaryOp, UnaryOp } from '../primitives/rule.ts';

/**
 * One step of a postfix program. Operands come before their operation, in
 * the order JavaScript would evaluate the nested calls, so a run records the
 * same Wengert list as the hand-written function. `name` is the primitive's
 * name, kept for inspection and debugging.
 */
export type Step =
  | { readonly kind: 'constant'; readonly value: number }
  | { readonly kind: 'input'; readonly index: number }
  | { readonly kind: 'unary'; readonly name: string; readonly op: UnaryOp }
  | { readonly kind: 'binary'; readonly name: string; readonly op: BinaryOp };

/** Steps whose inputs are still named; the parser emits these before the variable order is known. */
export type NamedStep =
  | Exclude<Step, { kind: 'input' }>
  | { readonly kind: 'variable'; readonly name: string };

/**
 * Replaces each variable by its index in `variables`.
 *
 * @example
 * link([{ kind: 'variable', name: 'y' }], ['x', 'y']); // [{ kind: 'input', index: 1 }]
 */
export function link(steps: readonly NamedStep[], variables: readonly string[]): Step[] {
  const index = new Map(variables.map((name, i) => [name, i]));
  return steps.map((s) =>
    s.kind === 'variable' ? { kind: 'input', index: index.get(s.name) as number } : s,
  );
}

/**
 * Runs a program on the inputs. It is a loop over a value stack, not a
 * recursion over a tree, so an expression of any length runs in constant
 * stack depth, as the tape's reverse sweep does.
 *
 * @example
 * run([{ kind: 'input', index: 0 }, { kind: 'unary', name: 'neg', op: neg }], [2]); // -2
 */
export function run(program: readonly Step[], inputs: readonly Num[]): Num {
  const stack: Num[] = [];
  for (const step of program) {
    switch (step.kind) {
      case 'constant':
        stack.push(step.value);
        break;
      case 'input':
        stack.push(inputs[step.index] as Num);
        break;
      case 'unary':
        stack.push(step.op(pop(stack)));
        break;
      case 'binary': {
        // The right operand was pushed last.
        const right = pop(stack);
        stack.push(step.op(pop(stack), right));
        break;
      }
    }
  }
  return pop(stack);
}

/** The top of the stack: a parsed program always has its operands there, and leaves one value. */
function pop(stack: Num[]): Num {
  const top = stack.pop();
  if (top === undefined) throw new Error('wengert: internal: a program popped an empty stack');
  return top;
}
