/**
 * @file The textbook scalar reverse mode, as a benchmark peer: every value is
 * a node holding its number, its gradient, the nodes it was made from and a
 * closure that pushes its gradient back to them; `backward` sorts the graph
 * topologically and calls the closures in reverse. One object and one
 * closure per operation, and gradients stored on the nodes.
 */

/** A node of the graph: a number, its gradient, its parents, and how to pass its gradient back. */
export class Value {
  grad = 0;
  backwardStep: () => void = noop;

  constructor(
    public data: number,
    readonly children: readonly Value[] = [],
  ) {}

  /** this + other; both parents receive the gradient unchanged. */
  add(other: Value | number): Value {
    const o = lift(other);
    const out = new Value(this.data + o.data, [this, o]);
    out.backwardStep = () => {
      this.grad += out.grad;
      o.grad += out.grad;
    };
    return out;
  }

  /** this − other; the second parent receives the gradient negated. */
  sub(other: Value | number): Value {
    const o = lift(other);
    const out = new Value(this.data - o.data, [this, o]);
    out.backwardStep = () => {
      this.grad += out.grad;
      o.grad -= out.grad;
    };
    return out;
  }

  /** this · other; each parent receives the gradient times the other's value. */
  mul(other: Value | number): Value {
    const o = lift(other);
    const out = new Value(this.data * o.data, [this, o]);
    out.backwardStep = () => {
      this.grad += o.data * out.grad;
      o.grad += this.data * out.grad;
    };
    return out;
  }

  /** tanh(this); d tanh(x) = (1 − tanh² x) dx. */
  tanh(): Value {
    const t = Math.tanh(this.data);
    const out = new Value(t, [this]);
    out.backwardStep = () => {
      this.grad += (1 - t * t) * out.grad;
    };
    return out;
  }

  /**
   * Sets every gradient in this node's graph to ∂this/∂node. The sort is an
   * explicit-stack depth-first search: the recursive one of the textbook
   * overflows the stack on a sum of a few thousand terms.
   */
  backward(): void {
    const order: Value[] = [];
    const seen = new Set<Value>([this]);
    const stack: { node: Value; next: number }[] = [{ node: this, next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { node: Value; next: number };
      const child = top.node.children[top.next++];
      if (child === undefined) {
        order.push(top.node);
        stack.pop();
      } else if (!seen.has(child)) {
        seen.add(child);
        stack.push({ node: child, next: 0 });
      }
    }
    for (const node of order) node.grad = 0;
    this.grad = 1;
    for (let k = order.length - 1; k >= 0; k--) (order[k] as Value).backwardStep();
  }
}

function noop(): void {}

/** A constant as a leaf node. */
function lift(x: Value | number): Value {
  return typeof x === 'number' ? new Value(x) : x;
}

/** Sums nodes left to right, as a loop in user code would. */
export function sumValues(values: readonly Value[]): Value {
  let s = values[0] ?? new Value(0);
  for (let k = 1; k < values.length; k++) s = s.add(values[k] as Value);
  return s;
}
