/**
 * @file The report's tables, one function per case, each narrow enough for a
 * phone: ratios in the cells, times only where a ratio alone would not say
 * enough, and the cost ledger's counts summed to the figures a reader compares.
 */

import { AUTO, CHUNK, JACFWD, JACFWD_CHUNK, JACREV } from './cases/jacobians.ts';
import type { Case, Note } from './lib/case.ts';
import { applications } from './lib/ledger.ts';
import { count, duration, markdownTable, sig3, times } from './lib/markdown.ts';
import { type Measurement, type Results, ratio } from './lib/result.ts';

/** The sizes these cases ran at, smallest first, as (label, value) pairs. */
function sizesRun(results: Results, ids: readonly string[]): { label: string; value: number }[] {
  const seen = new Map<number, string>();
  for (const m of results.all) if (ids.includes(m.caseId)) seen.set(m.sizeValue, m.size);
  return [...seen].sort((a, b) => a[0] - b[0]).map(([value, label]) => ({ label, value }));
}

const ratioCell = (m: Measurement | undefined) => (m === undefined ? '—' : times(ratio(m)));

/** Spaces made non-breaking, so that "45.4 µs" or "n = 1,000" never breaks across lines on a phone. */
export const unbroken = (text: string) => text.replace(/ /g, '\u00a0');

/** A duration that stays on one line. */
const time = (ms: number) => unbroken(duration(ms));

/**
 * One task over sizes: the primal's time in the first row, then a row per
 * variant (every case's variants of this task, in the cases' order) with its
 * ratio to that primal at each size.
 */
export function sizeTable(results: Results, cases: readonly Case[], task: string): string {
  const ids = cases.map((c) => c.id);
  const sizes = sizesRun(results, ids);
  const rows = [
    ['plain-JS primal: time', ...sizes.map((s) => time(results.primalMs(ids, s.value)))],
  ];
  for (const c of cases) {
    for (const v of c.variants.filter((v) => v.task === task)) {
      rows.push([v.name, ...sizes.map((s) => ratioCell(results.atValue(c.id, v.name, s.value)))]);
    }
  }
  return markdownTable(['variant', ...sizes.map((s) => unbroken(s.label))], rows);
}

/** The training step: each variant's ratio to the forward pass and its time, float32 marked. */
export function mlpTable(results: Results, c: Case): string {
  const rows = c.variants.map((v) => {
    const m = results.at(c.id, v.name, 0);
    const name = v.precision === 'float32' ? `${v.name} (float32)` : v.name;
    return [name, ratioCell(m), m ? time(m.ms) : '—'];
  });
  const primal = results.primalMs([c.id], results.of(c.id)[0]?.sizeValue ?? 0);
  return markdownTable(
    ['variant', 'ratio', 'time'],
    [['plain-JS forward pass', '1x', time(primal)], ...rows],
  );
}

/** "1 pass" (forward), "1,000 sweeps" (reverse), or both, from a ledger. */
function work(note: Note): string {
  const plural = (k: number, one: string, many: string) =>
    unbroken(`${count(k)} ${k === 1 ? one : many}`);
  const passes = Number(note.forwardPasses);
  const sweeps = Number(note.reverseSweeps);
  return [
    passes > 0 ? plural(passes, 'pass', 'passes') : '',
    sweeps > 0 ? plural(sweeps, 'sweep', 'sweeps') : '',
  ]
    .filter((s) => s !== '')
    .join(', ');
}

/** What 'auto' chose at one shape, beside what the counts and the clock say. */
function autoSentence(fwd: Measurement, rev: Measurement, auto: Measurement): string {
  const chose = Number(auto.note.reverseSweeps) > 0 ? 'reverse' : 'forward';
  const fewer = applications(fwd.note) <= applications(rev.note) ? 'forward' : 'reverse';
  const faster = fwd.ms <= rev.ms ? 'forward' : 'reverse';
  const agree = fewer === faster ? `, which was also the faster` : `, though ${faster} was faster`;
  return chose === fewer
    ? `'auto' chose ${chose}, the mode with fewer applications${agree}.`
    : `'auto' chose ${chose}, but ${fewer} applies fewer primitives here.`;
}

/**
 * One table per shape, after what 'auto' and chunks did there: the ratio
 * first (a phone shows it without scrolling), then the ledger's passes,
 * sweeps and applications.
 */
export function jacobianTables(results: Results, c: Case): string {
  const shapes = [...new Set(results.of(c.id).map((m) => m.sizeIndex))].sort();
  return shapes
    .map((index) => {
      const at = (v: string) => results.at(c.id, v, index);
      const ran = c.variants.flatMap((v) => at(v.name) ?? []);
      const first = ran[0] as Measurement;
      const rows = ran.map((m) => {
        const counted = 'primal' in m.note;
        return [
          m.variant,
          ratioCell(m),
          counted ? work(m.note) : '',
          counted ? count(applications(m.note)) : '',
        ];
      });
      const [fwd, rev, auto, chunk] = [JACFWD, JACREV, AUTO, JACFWD_CHUNK].map(at);
      const notes = [
        `The plain-JS primal takes ${time(results.primalMs([c.id], first.sizeValue))}.`,
        fwd && rev && auto ? autoSentence(fwd, rev, auto) : '',
        fwd && chunk
          ? `Chunks of ${CHUNK} tangents cut jacfwd from ${work(fwd.note)} to ` +
            `${work(chunk.note)}, and its time to ${sig3(chunk.ms / fwd.ms)} of what it was.`
          : '',
      ].filter((s) => s !== '');
      const table = markdownTable(['variant', 'ratio', 'work', 'applications'], rows);
      return `**${unbroken(first.size)}.** ${notes.join(' ')}\n\n${table}`;
    })
    .join('\n\n');
}

/** The tape's peak bytes at each size, and the same per entry and per recorded application. */
export function memoryTable(results: Results, c: Case): string {
  const rows = results.of(c.id).map((m) => {
    const n = m.note;
    const bytes = Number(n.peakTapeBytes);
    return [
      unbroken(m.size),
      unbroken(`${sig3(bytes / Number(n.tapeEntries))} B`),
      unbroken(`${sig3(bytes / Number(n.primal))} B`),
      unbroken(`${sig3(bytes / 1e6)} MB`),
      count(n.tapeEntries),
    ];
  });
  return markdownTable(['size', 'per entry', 'per application', 'peak', 'tape entries'], rows);
}

/**
 * The shape sweep: both modes' times, the faster in bold; then where forward
 * mode stops winning by the count of applications, and where by the clock.
 */
export function shapesTable(results: Results, c: Case): string {
  const pairs = sizesRun(results, [c.id]).flatMap((s) => {
    const [fwd, rev] = ['jacfwd', 'jacrev'].map((v) => results.atValue(c.id, v, s.value));
    return fwd && rev ? [{ n: s.value, fwd, rev }] : [];
  });
  const fasterForward = (p: (typeof pairs)[number]) => p.fwd.ms <= p.rev.ms;
  const fewerForward = (p: (typeof pairs)[number]) =>
    applications(p.fwd.note) <= applications(p.rev.note);
  const rows = pairs.map((p) => {
    const bold = (text: string, faster: boolean) => (faster ? `**${text}**` : text);
    return [
      count(p.fwd.note.forwardPasses),
      count(p.rev.note.reverseSweeps),
      bold(time(p.fwd.ms), fasterForward(p)),
      bold(time(p.rev.ms), !fasterForward(p)),
    ];
  });
  const table = markdownTable(['n', 'm', 'jacfwd', 'jacrev'], rows, 0);
  return `${table}\n\n${crossover(pairs.filter(fewerForward), pairs.filter(fasterForward))}`;
}

/** Where forward mode stops winning, by the count and by the clock, and what the difference means. */
function crossover(byCount: readonly { n: number }[], byClock: readonly { n: number }[]): string {
  const last = (wins: readonly { n: number }[]) => wins[wins.length - 1]?.n;
  const [counted, timed] = [last(byCount), last(byClock)];
  const upTo = (n: number | undefined) =>
    n === undefined ? 'at no shape' : unbroken(`up to n = ${n.toLocaleString('en-US')}`);
  const start = `The faster time is in bold. By the count, forward mode wins ${upTo(counted)}; on the clock it won ${upTo(timed)}`;
  if (counted === timed) return `${start}: the count and the clock agree.`;
  const cheaper = (timed ?? 0) < (counted ?? 0) ? 'a reverse sweep' : 'a forward pass';
  return `${start}, so on this machine a primitive application costs less in ${cheaper}.`;
}
