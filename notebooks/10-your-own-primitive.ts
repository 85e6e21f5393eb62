/** @file Notebook 10: an exercise, write the rule for softplus, graded by checkRule: a wrong partial, an opaque one, the right one, and what the toolkit then does with it. */

import {
  checkRule,
  definePrimitive,
  explain,
  grad,
  hessian,
  jvp,
  mul,
  type Num,
  neg,
  type RuleReport,
  ruleLatex,
  sigmoid,
  toNumber,
} from '../src/index.ts';
import { grid, notebook } from './lib/notebook.ts';

const nb = notebook(import.meta.url, '10 · Your own primitive: the rule for softplus');

nb.say(`Every primitive of the toolkit is one record: its primal, computed on
  plain numbers, and its local partials, written with the toolkit's own ops.
  Forward mode multiplies tangents by those partials, reverse mode multiplies
  adjoints by them, and because the partials are themselves computations with
  the toolkit's ops, they can be differentiated again. definePrimitive adds a
  primitive through that same record, and checkRule grades it: it runs on the
  new rule the checks the test suite runs on every built-in.`);

nb.say(`The exercise: softplus(x) = ln(1 + eˣ), a smooth relu. Its primal is
  Math.log1p(Math.exp(x)). Write its partial ∂y/∂x, given the input x and the
  output y.`);

/** A report as a table: each check, whether it passed, its worst error, and where. */
function reportTable(report: RuleReport) {
  return grid(
    ['check', 'passed', 'worst error', 'tolerance', 'at x'],
    report.checks.map((c) => [
      c.check,
      c.skipped !== null ? 'skipped' : c.ok ? 'yes' : 'NO',
      c.error,
      c.tolerance,
      c.at[0] ?? Number.NaN,
    ]),
  );
}

nb.section('First attempt: a sign slip');
nb.say(`Differentiating ln(1 + eˣ) gives eˣ / (1 + eˣ). Divide through by eˣ in
  a hurry and it is easy to write 1 / (1 + eˣ), which is σ(−x), not σ(x):`);
// #region first
const first = definePrimitive({
  name: 'softplus1',
  primal: (x) => Math.log1p(Math.exp(x)),
  partial: (x) => sigmoid(neg(x)), // 1 / (1 + eˣ): wrong
});
const firstReport = checkRule(first);
// #endregion
nb.code('first');
nb.table(reportTable(firstReport));
nb.show(firstReport.summary);
const wrongAt = firstReport.worst.at[0] as number;
nb.values({
  'attempt 1: checks failed': firstReport.checks.filter((c) => !c.ok).length,
  'attempt 1: worst x': wrongAt,
  'attempt 1: ∂y/∂x by the rule, by differences': [
    firstReport.worst.got,
    firstReport.worst.expected,
  ],
});
nb.say(`Only 'jvp' fails: forward mode disagrees with central differences of
  the primal. The other first-order checks pass, because forward and reverse
  mode multiply by the same wrong partial and so agree with each other: they
  test that the two modes are transposes, not that the partial is right.`);

nb.section('Second attempt: the right number, computed on the side');
nb.say(`The right partial is σ(x) = 1 / (1 + e⁻ˣ). Computing it with Math.exp
  needs a plain number, and toNumber gives one:`);
// #region second
const second = definePrimitive({
  name: 'softplus2',
  primal: (x) => Math.log1p(Math.exp(x)),
  partial: (x) => 1 / (1 + Math.exp(-toNumber(x as Num))), // σ(x), but as a constant
});
const secondReport = checkRule(second);
// #endregion
nb.code('second');
nb.table(reportTable(secondReport));
nb.show(secondReport.summary);
nb.values({
  'attempt 2: checks failed': secondReport.checks.filter((c) => !c.ok).length,
  'attempt 2: worst x': secondReport.worst.at[0] as number,
  'attempt 2: ∂²y/∂x² by the rule, by differences': [
    secondReport.worst.got,
    secondReport.worst.expected,
  ],
});
nb.say(`Every first derivative is now right, and 'hessian' fails. toNumber
  strips the derivative off x, so the partial is a constant as far as any
  outer differentiation can tell, and the second derivative comes out 0. A
  partial is a computation the toolkit must be able to differentiate again:
  it has to be written with the toolkit's ops.`);

nb.section('The rule');
// #region right
const softplus = definePrimitive({
  name: 'softplus',
  primal: (x) => Math.log1p(Math.exp(x)),
  partial: (x) => sigmoid(x),
});
const report = checkRule(softplus);
// #endregion
nb.code('right');
nb.table(reportTable(report));
nb.show(report.summary);
nb.values({ 'the rule: checks failed': report.checks.filter((c) => !c.ok).length });

nb.say(`softplus is now a primitive like the others. Its rules, rendered by
  running its partial on symbols:`);
const latex = ruleLatex(softplus);
nb.show([latex.op, latex.forward, latex.reverse].join('\n'));
nb.say(`Its derivatives of every order come from nesting the transforms. By
  hand, softplus′ = σ, softplus″ = σ(1 − σ), softplus‴ = σ(1 − σ)(1 − 2σ); at
  x = 1:`);
// #region use
const f = (t: Num) => softplus(t);
const x = 1;
const s = 1 / (1 + Math.exp(-x));
const third = grad((t: Num) => jvp((u: Num) => grad(f)(u), t, 1).tangent)(x);
// #endregion
nb.code('use');
nb.values({
  'grad(f)(1)': grad(f)(x),
  'σ(1)': s,
  'hessian(f)(1)': hessian(f)(x),
  'σ(1)(1 − σ(1))': s * (1 - s),
  'third derivative, grad of jvp of grad': third,
  'σ(1)(1 − σ(1))(1 − 2σ(1))': s * (1 - s) * (1 - 2 * s),
});
nb.say(`And it shows up by name in a trace, with the partial it was given:`);
nb.show(explain((t: Num) => mul(softplus(t), t), 1.5, { mode: 'reverse' }).output);

nb.say(`Try another: logaddexp(x, y) = ln(eˣ + eʸ) takes two inputs, so it
  declares partials: [∂z/∂x, ∂z/∂y], each a function of x, y and the output z
  (hint: e^(x − z)). Grade it with checkRule.`);

nb.done();
